import { randomBytes } from 'node:crypto'
import { link, open, rename, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The embedded database is a directory that only one process may open: a second one (the seed
 * command while the server runs, say) would corrupt it. A pid file in the directory says who has it;
 * one left behind by a process that died is taken over.
 *
 * Every step that decides who holds the directory is one atomic file system call, so two processes
 * starting at the same moment can never both win:
 * - The pid file is written in full under a name of its own, then hard-linked into place: `link`
 *   fails if the lock exists, and nobody ever sees a lock file without its pid.
 * - A stale lock (its process is gone) is taken over by whoever first creates a claim file named
 *   after that very lock file (its inode and change time), again with `link`. The claimant checks the
 *   lock is still that file, then renames its own pid file over it (`rename` replaces atomically).
 */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError'
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const isCode = (error: unknown, code: string): boolean => (error as NodeJS.ErrnoException).code === code

/** The lock file as one file: its identity and the pid it names, read through one descriptor. */
async function readLock(file: string): Promise<{ identity: string; holder: number | null } | null> {
  const handle = await open(file, 'r').catch((error: unknown) =>
    isCode(error, 'ENOENT') ? null : Promise.reject(error),
  )
  if (handle === null) return null
  try {
    const stat = await handle.stat({ bigint: true })
    const text = await handle.readFile('utf8')
    // Only a whole pid is one: anything else (an empty file, a torn write) counts as held.
    return { identity: `${stat.ino}-${stat.ctimeNs}`, holder: /^[1-9]\d*$/.test(text) ? Number(text) : null }
  } finally {
    await handle.close()
  }
}

// How long a claim on a stale lock may stand before it is taken for one whose claimant died.
const CLAIM_PATIENCE_MS = 2000
const CLAIM_POLL_MS = 10

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, 'verbatim.pid')
  const mine = join(dataDir, `verbatim.pid.${process.pid}.${randomBytes(6).toString('hex')}`)
  const unlock = () => unlink(file).catch(() => undefined)
  await writeFile(mine, String(process.pid), { flag: 'wx' })
  const startedAt = Date.now()
  try {
    for (;;) {
      try {
        await link(mine, file)
        return unlock
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error
      }
      const lock = await readLock(file)
      if (lock === null) continue // released between the two calls: try again
      if (lock.holder === null) {
        throw new DataDirInUseError(
          `the embedded database in ${dataDir} is locked by ${file}, which names no process; if no process is using the directory, remove that file`,
        )
      }
      if (lock.holder !== process.pid && isAlive(lock.holder)) {
        throw new DataDirInUseError(
          `the embedded database in ${dataDir} is in use by process ${lock.holder} (is the server running? stop it first, or point DATABASE_URL at a Postgres server)`,
        )
      }
      const claim = `${file}.takeover-${lock.identity}`
      if (await takeOver(file, mine, claim, lock.identity)) return unlock
      if (Date.now() - startedAt > CLAIM_PATIENCE_MS) {
        throw new DataDirInUseError(
          `the embedded database in ${dataDir} is being taken over by another process, which has not finished; if no process is using the directory, remove ${claim}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS))
    }
  } finally {
    await unlink(mine).catch(() => undefined)
  }
}

/**
 * Replaces the stale lock file `identity` with `mine` if this process is the first to claim it;
 * false when another process has claimed it (the caller looks at the lock again).
 */
async function takeOver(file: string, mine: string, claim: string, identity: string): Promise<boolean> {
  const claimed = await link(mine, claim).then(
    () => true,
    (error: unknown) => (isCode(error, 'EEXIST') ? false : Promise.reject(error)),
  )
  if (!claimed) return false
  try {
    // Only a claimant of the current lock file may replace it, so if it is still the stale one, it
    // stays so until the rename; if it is not, another claimant got there first.
    if ((await readLock(file))?.identity !== identity) return false
    await rename(mine, file)
    return true
  } finally {
    await unlink(claim).catch(() => undefined)
  }
}
