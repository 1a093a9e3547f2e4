import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { lockDataDir } from '../../src/db/data-dir-lock.js'

const dir = () => mkdtemp(join(tmpdir(), 'verbatim-lock-'))
const pidFile = (d: string) => join(d, 'verbatim.pid')

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
  await writeFile(pidFile(d), 'garbage')
  await lockDataDir(d)
  t.equal(await readFile(pidFile(d), 'utf8'), String(process.pid))
  await lockDataDir(d)
  await unlock()
})

t.test('refuses a directory a live process holds', async (t) => {
  const d = await dir()
  await writeFile(pidFile(d), '1') // init: alive, and not ours (EPERM when not root)
  await t.rejects(lockDataDir(d), { name: 'DataDirInUseError', message: /in use by process 1/ })
})

t.test('other file system errors are not mistaken for a held lock', async (t) => {
  await t.rejects(lockDataDir(join(await dir(), 'missing', 'dir')), { code: 'ENOENT' })
})
