import { spawn } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const SERVER = fileURLToPath(new URL('../src/server.ts', import.meta.url))

function startServer(env: Record<string, string>) {
  // The child runs with this process's loader flags (tap's TypeScript loader among them), so it
  // compiles the sources exactly as the tests do and its coverage merges with theirs.
  const child = spawn(process.execPath, [...process.execArgv, SERVER], {
    env: { ...process.env, LOG_LEVEL: 'info', DATA_DIR: 'memory://', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return { child, output: () => output }
}

t.test('the server listens, serves, and shuts down gracefully on SIGTERM', async (t) => {
  const { child, output } = startServer({})
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output()}`)), 60_000)
    child.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output())
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
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
  const { child, output } = startServer({ PORT: 'eighty' })
  const [code] = await once(child, 'exit')
  t.equal(code, 1)
  t.match(output(), /invalid configuration: env\/PORT must be integer/)
})

t.test('a port already taken stops boot with exit status 1', async (t) => {
  const blocker = net.createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  t.teardown(() => blocker.close())
  const { port } = blocker.address() as net.AddressInfo
  const { child, output } = startServer({ PORT: String(port) })
  const [code] = await once(child, 'exit')
  t.equal(code, 1)
  t.match(output(), /could not start/)
})
