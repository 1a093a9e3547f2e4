import { open, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The embedded database is a directory that only one process may open: a second one (the seed
 * command while the server runs, say) would corrupt it. A pid file in the directory says who has it;
 * one left behind by a process that died is taken over.
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

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, 'verbatim.pid')
  try {
    const handle = await open(file, 'wx')
    await handle.writeFile(String(process.pid))
    await handle.close()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number.parseInt(await readFile(file, 'utf8'), 10)
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new DataDirInUseError(
        `the embedded database in ${dataDir} is in use by process ${holder} (is the server running? stop it first, or point DATABASE_URL at a Postgres server)`,
      )
    }
    await writeFile(file, String(process.pid))
  }
  return () => unlink(file).catch(() => undefined)
}
