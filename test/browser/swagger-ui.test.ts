import { networkInterfaces } from 'node:os'
import t from 'tap'
import { launchChromium } from '../fixtures/chromium.js'
import { buildApp } from '../helper.js'

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

  const browser = await launchChromium(t)
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
