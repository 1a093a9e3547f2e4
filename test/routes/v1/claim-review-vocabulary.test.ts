import { randomUUID } from 'node:crypto'
import t from 'tap'
import ts from 'typescript'
import { claimReview } from '../../../src/domain/fact-check/index.js'
import { claimOf, ingest } from '../../fixtures/fact-check-articles.js'
import { typeCheck } from '../../fixtures/type-check.js'
import { buildApp } from '../../helper.js'

/**
 * What the TypeScript compiler says of documents typed as schema-dts's ClaimReview: schema-dts is the
 * schema.org vocabulary as types (generated from schema.org's own vocabulary file), so an @type schema.org
 * does not define, a property its type does not take (domainIncludes, inherited ones included) or a value
 * outside its range is a compile error. One message per error, naming the document it is in.
 */
async function schemaOrgErrors(documents: unknown[]): Promise<string[]> {
  const lines = [
    "import type { ClaimReview, WithContext } from 'schema-dts'",
    ...documents.map((document, i) => `export const d${i}: WithContext<ClaimReview> = ${JSON.stringify(document)}`),
  ]
  // The documents resolve schema-dts as a user's project would.
  const diagnostics = await typeCheck('verbatim-claim-review', { 'documents.ts': lines.join('\n') }, 'documents.ts')
  return diagnostics.map((diagnostic) => {
    const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!).line
    return `document ${line - 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
  })
}

t.test('every type and property of the export is schema.org’s, on a type that takes it', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const served = await Promise.all(
    ['harbour will reopen in the spring', 'tariffs on grain will fall by june'].map(async (words) => {
      const claim = await claimOf(app, words)
      return (await app.inject({ url: `/v1/claims/${claim.id}/claimreview` })).json()
    }),
  )
  // What the service does not serve yet: an organisation as speaker, a Wikidata id, an editor's rating.
  const withEverything = claimReview(
    {
      id: randomUUID(),
      canonicalText: 'Flights resume on Friday.',
      speaker: { name: 'Port Authority', kind: 'organisation', title: null, wikidataId: 'Q1' },
      firstArticleId: null,
      appearances: [],
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    },
    {
      publisher: { name: 'Verbatim', url: 'https://verbatim.example/' },
      url: 'https://verbatim.example/v1/claims/x',
      rating: { verdict: 'Accurately quoted', explanation: 'Every outlet printed the statement whole.' },
    },
  )
  // The check can fail: a property on a type that does not take it, and a type schema.org does not have.
  // Compiled with the others in one program: type-checking schema-dts once takes most of this test's time.
  const misplaced = structuredClone(served[0])
  misplaced.itemReviewed.claimReviewed = misplaced.claimReviewed
  const misnamed = structuredClone(served[0])
  misnamed.itemReviewed.appearance[0]['@type'] = 'NewsArtikel'
  const errors = await schemaOrgErrors([...served, withEverything, misplaced, misnamed])
  t.same(
    errors.filter((error) => !/^document [34]:/.test(error)),
    [],
    'what the service serves, and what the domain makes, is all schema.org',
  )
  t.match(errors, [/^document 3: .*'"claimReviewed"' does not exist in type 'ClaimLeaf'/, /^document 4: .*NewsArtikel/])
})
