import { once } from 'node:events'
import net from 'node:net'
import t from 'tap'
import { startServerProcess } from './fixtures/server-process.js'

t.test('the server listens, serves, and shuts down gracefully on SIGTERM', async (t) => {
  const { child, output, listening } = startServerProcess({})
  const address = await listening
  const health = await fetch(`${address}/health`)
  t.equal(health.status, 200)
  t.equal((await fetch(`${address}/ready`)).status, 200)
  t.equal((await fetch(`${address}/docs/`)).status, 200)
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  t.equal(code, 0)
  t.match(output(), /shutting down/)
})

t.test('a bad configuration stops boot with a clear message and exit status 1', async (t) => {
  const { child, output } = startServerProcess({ PORT: 'eighty' })
  const [code] = await once(child, 'exit')
  t.equal(code, 1)
  t.match(output(), /invalid configuration: env\/PORT must be integer/)
})

t.test('a port already taken stops boot with exit status 1', async (t) => {
  const blocker = net.createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  t.teardown(() => blocker.close())
  const { port } = blocker.address() as net.AddressInfo
  const { child, output } = startServerProcess({ PORT: String(port) })
  const [code] = await once(child, 'exit')
  t.equal(code, 1)
  t.match(output(), /could not start/)
})
