import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Locator, Page } from 'playwright-core'
import t from 'tap'
import { launchChromium } from '../fixtures/chromium.js'
import { buildApp, ingestSeeds } from '../helper.js'

/** Where the run leaves a screenshot of every page (git-ignored). */
const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url)
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: unknown }>
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE })
  // Evaluated in the page, where axe-core has just been loaded; the test is type-checked without the DOM library.
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run()).violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }))
}

/** The words a diff mark shows, without the words it has only for screen readers. */
const markedWords = (mark: Locator): Promise<string> =>
  mark.evaluate((element) =>
    [...(element as unknown as { childNodes: Array<{ nodeType: number; textContent: string }> }).childNodes]
      .filter((node) => node.nodeType === 3)
      .map((node) => node.textContent)
      .join(''),
  )

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true })
}

t.test('the pages, in headless Chromium, on the seed story', async (t) => {
  const app = await buildApp(t)
  await ingestSeeds(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  const base = `http://127.0.0.1:${port}`
  await mkdir(SCREENSHOTS, { recursive: true })

  const claims = (await app.inject({ url: '/v1/claims?q=Sovereignty is loved and defended' })).json().items as Array<{
    id: string
    speaker: { id: string; name: string }
    links: { html: string }
  }>
  const claim = claims.find((item) => item.speaker.name === 'Claudia Sheinbaum')!
  t.ok(claim, 'the Sheinbaum claim is on record')
  const detail = (await app.inject({ url: `/v1/claims/${claim.id}` })).json()
  const altered = detail.appearances.find((appearance: { label: string }) => appearance.label === 'altered')
  const outletId = altered.article.outlet.id as string

  const browser = await launchChromium(t)
  // axe-core is put into each page as a script of its own: the pages' policy allows no script at all.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } })
  const page = await context.newPage()
  const failed: string[] = []
  page.on('requestfailed', (request) => failed.push(request.url()))

  await t.test('the claim page marks what the altered rendering cut', async (t) => {
    const response = await page.goto(`${base}${claim.links.html}`)
    t.equal(response?.status(), 200)
    t.equal(await page.locator('h1').textContent(), 'Claudia Sheinbaum: a claim')
    t.equal(await page.locator('.rendering').count(), 3, 'every rendering is shown')
    const cut = page.locator('.rendering.label-altered del')
    t.equal(await cut.count(), 1, 'the altered rendering has one cut')
    t.equal(await markedWords(cut), 'loved and', '"loved and" is marked as deleted')
    t.match(await cut.textContent(), /\[cut: loved and\]/, 'a screen reader hears that it was cut')
    t.match(await page.locator('.rendering.label-altered').innerText(), /Newslooks/)
    t.equal(await page.locator('.flag-first').count(), 1, 'the first appearance is marked')
    await screenshot(page, 'claim')
    t.same(await seriousViolations(page), [], 'axe-core finds no serious violation')
  })

  await t.test('a pasted quote shows its verdict and its diff against the record', async (t) => {
    await page.goto(`${base}/verify`)
    await page
      .getByLabel('The quote, as printed or pasted')
      .fill('Sovereignty is not for sale. Sovereignty is defended.')
    await page.getByLabel('Attributed to (optional)').fill('Sheinbaum')
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.waitForSelector('.verdict')
    t.equal(await page.locator('.verdict').textContent(), 'altered')
    t.equal(await markedWords(page.locator('.rendering del').first()), 'loved and')
    t.equal(
      await page.getByLabel('The quote, as printed or pasted').inputValue(),
      'Sovereignty is not for sale. Sovereignty is defended.',
      'the form keeps what was pasted',
    )
    await screenshot(page, 'verify')
    t.same(await seriousViolations(page), [], 'axe-core finds no serious violation')
  })

  await t.test('the outlet page draws its chart', async (t) => {
    await page.goto(`${base}/outlets/${outletId}`)
    const chart = page.locator('svg.label-chart')
    t.ok(await chart.isVisible(), 'the chart is drawn')
    t.ok((await chart.locator('rect').count()) > 0, 'with bars')
    const box = await chart.boundingBox()
    t.ok(box !== null && box.width > 100 && box.height > 50, 'at a size one can read')
    t.equal(
      await page.getByRole('img', { name: 'Renderings by label over time' }).count(),
      1,
      'named for screen readers',
    )
    t.match(
      await page.locator('.rendering.label-altered').first().innerText(),
      /Claudia Sheinbaum/,
      'the most altered quote',
    )
    await screenshot(page, 'outlet')
    t.same(await seriousViolations(page), [], 'axe-core finds no serious violation')
  })

  await t.test('the speaker page lists their claims with their consistency', async (t) => {
    await page.goto(`${base}/speakers/${claim.speaker.id}`)
    t.ok((await page.locator('.claim-item').count()) > 0)
    t.match(await page.locator('main').innerText(), /2 verbatim, 1 altered/)
    await screenshot(page, 'speaker')
    t.same(await seriousViolations(page), [], 'axe-core finds no serious violation')
  })

  await t.test('the search form finds claims by their words', async (t) => {
    await page.goto(`${base}/search`)
    await page.getByLabel('Words of the quote').fill('sovereignty')
    await page.getByLabel('Words of the quote').press('Enter')
    await page.waitForSelector('.claim-item')
    await page
      .getByRole('link', { name: /Sovereignty is not for sale/ })
      .first()
      .click()
    t.equal(await page.locator('h1').textContent(), 'Claudia Sheinbaum: a claim', 'a result opens its claim')
    await page.goto(`${base}/search?q=sovereignty`)
    await screenshot(page, 'search')
    t.same(await seriousViolations(page), [], 'axe-core finds no serious violation')
  })

  await t.test('an unknown claim is a 404 page', async (t) => {
    const response = await page.goto(`${base}/claims/00000000-0000-7000-8000-000000000000`)
    t.equal(response?.status(), 404)
    t.equal(await page.locator('h1').textContent(), 'Not Found')
    t.same(await seriousViolations(page), [], 'axe-core finds no serious violation')
  })

  await t.test('without JavaScript the claim page still shows every rendering', async (t) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false })
    t.teardown(() => noScript.close())
    const plain = await noScript.newPage()
    await plain.goto(`${base}${claim.links.html}`)
    t.equal(await plain.locator('.rendering').count(), 3)
    t.equal(await markedWords(plain.locator('.rendering.label-altered del')), 'loved and')
  })

  t.same(failed, [], 'every stylesheet and page loaded')
})
