import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, stat as fsStat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { lockDataDir } from '../../src/db/data-dir-lock.js'

const dir = () => mkdtemp(join(tmpdir(), 'verbatim-lock-'))
const pidFile = (d: string) => join(d, 'verbatim.pid')
const RACER = fileURLToPath(new URL('fixtures/lock-racer.ts', import.meta.url))

t.test('takes the directory, and gives it back', async (t) => {
  const d = await dir()
  const unlock = await lockDataDir(d)
  t.equal(await readFile(pidFile(d), 'utf8'), String(process.pid))
  await unlock()
  await t.rejects(readFile(pidFile(d)), { code: 'ENOENT' })
  await unlock() // a second release is harmless
})

t.test('takes over a lock left by a process that died, or by itself', async (t) => {
  const d = await dir()
  await writeFile(pidFile(d), '2147483646') // no such process
  const unlock = await lockDataDir(d)
  t.equal(await readFile(pidFile(d), 'utf8'), String(process.pid))
  await lockDataDir(d)
  t.equal(await readFile(pidFile(d), 'utf8'), String(process.pid))
  await unlock()
})

t.test('a pid file that names no process is held, not stale: it may be one being written', async (t) => {
  const d = await dir()
  for (const content of ['', '12a', 'garbage', '0']) {
    await writeFile(pidFile(d), content)
    await t.rejects(lockDataDir(d), { name: 'DataDirInUseError', message: /names no process; .* remove/ })
  }
})

t.test('a take-over claimed by a process that died is reported, naming the claim to remove', async (t) => {
  const d = await dir()
  await writeFile(pidFile(d), '2147483646')
  const stat = await fsStat(pidFile(d), { bigint: true })
  await writeFile(`${pidFile(d)}.takeover-${stat.ino}-${stat.ctimeNs}`, '2147483645')
  await t.rejects(lockDataDir(d), { name: 'DataDirInUseError', message: /remove .*takeover-/ })
})

t.test('refuses a directory a live process holds', async (t) => {
  const d = await dir()
  await writeFile(pidFile(d), '1') // init: alive, and not ours (EPERM when not root)
  await t.rejects(lockDataDir(d), { name: 'DataDirInUseError', message: /in use by process 1/ })
})

t.test('other file system errors are not mistaken for a held lock', async (t) => {
  await t.rejects(lockDataDir(join(await dir(), 'missing', 'dir')), { code: 'ENOENT' })
})

/** A child process that takes and releases locks when told to (test/db/fixtures/lock-racer.ts). */
function racer() {
  const child = spawn(process.execPath, [...process.execArgv, RACER], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  return {
    ask: async (line: string) => {
      child.stdin.write(`${line}\n`)
      return String((await lines.next()).value)
    },
    end: () => {
      child.stdin.end()
      return once(child, 'exit')
    },
  }
}

t.test('two processes racing for one directory never both get it, fresh or stale', async (t) => {
  const [a, b] = [racer(), racer()]
  t.teardown(async () => {
    await a.end()
    await b.end()
  })
  let bothWon = 0
  let oneWon = 0
  for (let round = 0; round < 100; round++) {
    const d = await dir()
    // Every other round starts from a lock left by a process that died: both race to take it over.
    if (round % 2 === 1) await writeFile(pidFile(d), '2147483646')
    const answers = await Promise.all([a.ask(`take ${d}`), b.ask(`take ${d}`)])
    const winners = answers.filter((answer) => answer === 'won').length
    if (winners === 2) bothWon++
    if (winners === 1) oneWon++
    await Promise.all([a.ask('release'), b.ask('release')])
  }
  t.equal(bothWon, 0, 'never both')
  t.equal(oneWon, 100, 'always one')
})
