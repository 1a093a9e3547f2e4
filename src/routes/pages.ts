import { readFile } from 'node:fs/promises'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpProblem, notFound } from '../http/problem.js'
import { PAGE_CONTENT_SECURITY_POLICY } from '../http/security-headers.js'
import { claimPage } from '../pages/claim-page.js'
import { errorPage } from '../pages/error-page.js'
import { outletPage } from '../pages/outlet-page.js'
import { pagePaths } from '../pages/paths.js'
import { searchPage } from '../pages/search-page.js'
import { speakerPage } from '../pages/speaker-page.js'
import { verifyPage } from '../pages/verify-page.js'
import { ListPageQuery, PageIdParams, SearchPageQuery, VerifyPageQuery } from '../schemas/pages.js'
import { getSpeaker, listOutlets } from '../services/catalog.js'
import {
  claimsConsistency,
  getClaimDetail,
  listClaims,
  outletLabelsByMonth,
  outletScorecard,
  verifyQuote,
} from '../services/claims.js'
import { isUuid } from '../services/query-filters.js'

/**
 * Pages for editors, served by the API itself: HTML rendered on the server from the same services
 * the API answers from (src/pages/*), readable without script, styled by one stylesheet of this
 * origin. They are reads: open unless REQUIRE_KEY_FOR_READS, like the read API. Hidden from the
 * OpenAPI document, which describes the JSON API; each API resource links to its page (`links.html`).
 */

const STYLESHEET = new URL('../../public/pages.css', import.meta.url)

// Most outlets a search form offers to choose from (the first page of the outlets list).
const OUTLET_CHOICES = 200

const sendPage = (reply: FastifyReply, page: string, status = 200) =>
  reply
    .code(status)
    .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
    .type('text/html; charset=utf-8')
    .send(page)

/** The answer of a service, or the problem it refused with, for a page that shows the problem in place. */
async function settle<T>(work: Promise<T>): Promise<{ value: T; problem?: never } | { problem: HttpProblem }> {
  try {
    return { value: await work }
  } catch (error) {
    if (error instanceof HttpProblem) return { problem: error }
    throw error
  }
}

/** A field left empty in a form is a field not given. */
const given = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined)

/**
 * What a page cannot show is an HTML page too, with the problem's status: a browser following a
 * stale link gets a 404 page, not JSON. A claim or speaker merged into another redirects to the survivor's page.
 * Anything that is not the client's doing (a bug, the database away) is left to the API's handler.
 */
function pageErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpProblem) {
    // The service was given the pages' paths for where a merged claim or speaker is now.
    const location = error.extras.headers?.location
    if (error.status === 308 && location !== undefined) return reply.redirect(location, 308)
    request.log.info({ status: error.status, slug: error.slug }, error.message)
    if (error.status === 401) reply.header('www-authenticate', 'Bearer')
    // A problem's message is its detail, or its title when it has none.
    return sendPage(reply, errorPage(error.title, error.message), error.status)
  }
  if (error.validation) {
    request.log.info({ status: 400 }, error.message)
    return sendPage(reply, errorPage('Bad Request', `This address cannot be read: ${error.message}.`), 400)
  }
  throw error
}

export default async function pageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const stylesheet = await readFile(STYLESHEET, 'utf8')
  app.setErrorHandler(pageErrorHandler)

  app.get(pagePaths.stylesheet, { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(stylesheet),
  )

  app.get(
    '/claims/:id',
    { config: { access: 'read' }, schema: { hide: true, params: PageIdParams } },
    async (request, reply) => {
      const { id } = request.params
      if (!isUuid(id)) throw notFound('claim', id)
      return sendPage(reply, claimPage(await getClaimDetail(app.prisma, id, pagePaths.claim)))
    },
  )

  app.get(
    '/speakers/:id',
    { config: { access: 'read' }, schema: { hide: true, params: PageIdParams, querystring: ListPageQuery } },
    async (request, reply) => {
      const { id } = request.params
      if (!isUuid(id)) throw notFound('speaker', id)
      const speaker = await getSpeaker(app.prisma, id, pagePaths.speaker)
      const claims = await listClaims(app.prisma, { speaker: id, cursor: request.query.cursor })
      const consistency = await claimsConsistency(
        app.prisma,
        claims.items.map((claim) => claim.id),
      )
      return sendPage(reply, speakerPage({ speaker, claims: claims.items, consistency, nextCursor: claims.nextCursor }))
    },
  )

  app.get(
    '/outlets/:id',
    { config: { access: 'read' }, schema: { hide: true, params: PageIdParams } },
    async (request, reply) => {
      const { id } = request.params
      if (!isUuid(id)) throw notFound('outlet', id)
      const [scorecard, periods] = await Promise.all([
        outletScorecard(app.prisma, id, {}),
        outletLabelsByMonth(app.prisma, id),
      ])
      return sendPage(reply, outletPage({ scorecard, periods }))
    },
  )

  app.get(
    pagePaths.search,
    { config: { access: 'read' }, schema: { hide: true, querystring: SearchPageQuery } },
    async (request, reply) => {
      const query = {
        q: given(request.query.q),
        speaker: given(request.query.speaker),
        outlet: given(request.query.outlet),
      }
      const outlets = (await listOutlets(app.prisma, { limit: OUTLET_CHOICES })).items.sort((x, y) =>
        x.name.localeCompare(y.name),
      )
      if (!query.q && !query.speaker && !query.outlet) {
        return sendPage(reply, searchPage({ query, outlets, results: null, problem: null }))
      }
      const found = await settle(listClaims(app.prisma, { ...query, cursor: request.query.cursor }))
      if (found.problem) {
        const suggestions = (found.problem.extras.extensions?.suggestions ?? []) as Array<{ id: string; name: string }>
        const problem = { detail: found.problem.message, suggestions }
        return sendPage(reply, searchPage({ query, outlets, results: null, problem }), found.problem.status)
      }
      const claims = found.value.items
      const consistency = await claimsConsistency(
        app.prisma,
        claims.map((claim) => claim.id),
      )
      const results = { claims, consistency, nextCursor: found.value.nextCursor }
      return sendPage(reply, searchPage({ query, outlets, results, problem: null }))
    },
  )

  app.get(
    pagePaths.verify,
    { config: { access: 'read' }, schema: { hide: true, querystring: VerifyPageQuery } },
    async (request, reply) => {
      const input = { text: given(request.query.text), speaker: given(request.query.speaker) }
      if (!input.text) return sendPage(reply, verifyPage({ input, result: null, problem: null }))
      const verified = await settle(verifyQuote(app.prisma, { text: input.text, speaker: input.speaker }))
      if (verified.problem) {
        const page = verifyPage({ input, result: null, problem: verified.problem.message })
        return sendPage(reply, page, verified.problem.status)
      }
      return sendPage(reply, verifyPage({ input, result: verified.value, problem: null }))
    },
  )
}
