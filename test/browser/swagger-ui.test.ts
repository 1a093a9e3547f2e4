import { networkInterfaces } from 'node:os'
import { chromium } from 'playwright-core'
import t from 'tap'
import { buildApp } from '../helper.js'

/** Debian's chromium, which .ci/run installs where it is missing; CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** No sandbox (CI runs as root) and nothing that reaches for the network on its own. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** An address of this machine other than loopback: where a container's Swagger UI is opened from. */
function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address
}

t.test('Swagger UI renders every operation when opened over plain HTTP from a non-loopback address', async (t) => {
  const address = nonLoopbackAddress()
  if (address === undefined) throw new Error('this test needs an IPv4 address other than loopback')
  const app = await buildApp(t)
  await app.listen({ host: address, port: 0 })
  const { port } = app.server.address() as { port: number }
  const base = `http://${address}:${port}`

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] })
  t.teardown(() => browser.close())
  const page = await browser.newPage()
  const failed: string[] = []
  page.on('requestfailed', (request) => failed.push(request.url()))

  await page.goto(`${base}/docs`)
  // Helmet's upgrade-insecure-requests once sent the page's scripts to https here: a blank page.
  await page.waitForSelector('.opblock', { timeout: 30_000 })
  const document = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, object> }
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  )
  // An operation under two tags is shown under each: compare the set.
  const methods = await page.locator('.opblock-summary-method').allTextContents()
  const paths = await page
    .locator('.opblock-summary-path')
    // The test is type-checked without the DOM library: the element is described by what is read of it.
    .evaluateAll((elements) =>
      elements.map((element) => (element as unknown as { dataset: { path?: string } }).dataset.path ?? ''),
    )
  const shown = methods.map((method, index) => `${method} ${paths[index] ?? ''}`)
  t.same([...new Set(shown)].sort(), operations.sort(), 'every operation of the document is shown')
  t.same(failed, [], 'every asset loaded')
})
