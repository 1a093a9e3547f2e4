import t from 'tap'
import { buildApp } from '../helper.js'

// The migrations are written by hand and the client is generated from schema.prisma: writing and
// reading every model, every column, through the client proves the two describe the same database.
t.test('every model round-trips through the generated client', async (t) => {
  const app = await buildApp(t)
  const p = app.prisma
  const outlet = await p.outlet.create({ data: { name: 'Wire', domain: 'wire.example', kind: 'wire' } })
  const article = await p.article.create({
    data: {
      outletId: outlet.id,
      url: 'https://wire.example/a',
      title: 'T',
      author: 'A',
      publishedAt: new Date('2025-05-03T00:00:00Z'),
      language: 'en',
      text: 'text',
      contentHash: 'a'.repeat(64),
      revisions: { create: { text: 'text', contentHash: 'a'.repeat(64), title: 'T' } },
    },
  })
  const speaker = await p.speaker.create({
    data: {
      name: 'Claudia Sheinbaum',
      slug: 'claudia-sheinbaum',
      kind: 'person',
      title: 'President of Mexico',
      description: 'd',
      wikidataId: 'Q2344758',
      aliases: { create: [{ alias: 'Sheinbaum', aliasKey: 'sheinbaum' }] },
      nameCorrected: true,
      aliasBlocks: { create: [{ alias: 'He', aliasKey: 'he', actor: 'cli' }] },
    },
  })
  const quote = await p.quote.create({
    data: {
      articleId: article.id,
      position: 0,
      orderKey: '0 https://wire.example/a 000000000000',
      speakerId: speaker.id,
      text: 'Sovereignty is not for sale.',
      normalizedText: 'sovereignty is not for sale',
      words: [7n, 8n],
      wordCount: 5,
      spans: [[1, 29]],
      speakerMentionStart: 31,
      speakerMentionEnd: 40,
      speakerMentionText: 'Sheinbaum',
      speakerResolution: 'surname',
      cue: 'said',
      cueStart: 41,
      cueEnd: 45,
      kind: 'direct',
      via: 'AP',
      confidence: 0.9,
    },
  })
  const claim = await p.claim.create({
    data: {
      speakerId: speaker.id,
      seedQuoteId: quote.id,
      canonicalText: 'Sovereignty is not for sale.',
      normalizedText: 'sovereignty is not for sale',
      firstArticleId: article.id,
      firstAppearedAt: article.publishedAt,
      renderingCount: 1,
      seedShingles: [1n, -2n],
      seedWords: [3n],
      seedWordCount: 5,
      canonicalWording: 'sovereignty is not for sale',
      firstQuoteId: quote.id,
      misattributions: { create: [{ quoteId: quote.id }] },
      wordings: {
        create: [
          {
            wording: 'sovereignty is not for sale',
            searchKey: 'sovereignty is not for sale',
            articleCount: 1,
            firstQuoteId: quote.id,
          },
        ],
      },
    },
  })
  await p.quote.update({
    where: { id: quote.id },
    data: { claimId: claim.id, label: 'verbatim', fidelity: 1, diff: [{ op: 'equal', a: ['x'], b: ['x'] }] },
  })
  await p.apiKey.create({
    data: { name: 'k', prefix: 'vbt_abcd', keyHash: 'b'.repeat(64), lastUsedAt: new Date(), revokedAt: null },
  })
  await p.auditEvent.create({
    data: { actor: 'cli', action: 'test', entityType: 'article', entityId: article.id, details: { a: 1 } },
  })

  const read = await p.article.findUniqueOrThrow({
    where: { id: article.id },
    include: {
      outlet: true,
      revisions: true,
      quotes: {
        include: {
          speaker: { include: { aliases: true } },
          claim: { include: { wordings: true } },
          seedOf: true,
          firstOf: true,
          firstOfWordings: true,
          misattributions: true,
        },
      },
    },
  })
  t.equal(read.outlet.kind, 'wire')
  t.equal(read.revisions.length, 1)
  t.same(read.quotes[0]!.spans, [[1, 29]])
  t.equal(read.quotes[0]!.speaker!.aliases[0]!.aliasKey, 'sheinbaum')
  t.equal(read.quotes[0]!.claim!.firstArticleId, article.id)
  t.equal(read.quotes[0]!.seedOf!.id, claim.id)
  t.same(read.quotes[0]!.claim!.seedShingles, [1n, -2n])
  t.same([read.quotes[0]!.words, read.quotes[0]!.wordCount], [[7n, 8n], 5])
  t.same(
    read.quotes[0]!.claim!.wordings.map((w) => [w.wording, w.articleCount]),
    [['sovereignty is not for sale', 1]],
  )
  t.same(
    read.quotes[0]!.firstOf.map((c) => c.canonicalWording),
    ['sovereignty is not for sale'],
  )
  await p.claimNote.create({
    data: { claimId: claim.id, verdict: 'Misquoted', explanation: 'one outlet cut a clause', actor: 'cli' },
  })
  await p.claimNote.create({
    data: { claimId: claim.id, verdict: 'Quoted', actor: 'cli', withdrawnAt: new Date(), withdrawnBy: 'cli' },
  })
  const notes = await p.claimNote.findMany({ where: { claimId: claim.id }, orderBy: { seq: 'asc' } })
  t.ok(notes[0]!.seq < notes[1]!.seq, 'notes are numbered in the order written')
  t.same(
    notes.map((n) => [n.verdict, n.explanation, n.withdrawnBy]),
    [
      ['Misquoted', 'one outlet cut a clause', null],
      ['Quoted', null, 'cli'],
    ],
  )
  t.equal(read.quotes[0]!.firstOfWordings[0]!.claimId, claim.id)
  t.same(
    read.quotes[0]!.misattributions.map((m) => m.claimId),
    [claim.id],
  )
  t.equal(read.quotes[0]!.diff && (read.quotes[0]!.diff as Array<{ op: string }>)[0]!.op, 'equal')
  const corrected = await p.speaker.findUniqueOrThrow({ where: { id: speaker.id }, include: { aliasBlocks: true } })
  t.equal(corrected.nameCorrected, true)
  t.same(
    corrected.aliasBlocks.map((block) => [block.alias, block.aliasKey, block.actor]),
    [['He', 'he', 'cli']],
  )
  const deletion = await p.articleDeletion.create({
    data: { articleId: '0196a1f0-2b3c-7d4e-8f5a-6b7c8d9e0f99', url: 'https://wire.example/gone', actor: 'cli' },
  })
  t.same(await p.articleDeletion.findUniqueOrThrow({ where: { articleId: deletion.articleId } }), {
    ...deletion,
    reason: null,
  })
  const placement = await p.claimPlacement.create({
    data: {
      articleId: article.id,
      text: 'Sovereignty is not for sale.',
      occurrence: 0,
      withArticleId: article.id,
      withText: 'Another quote.',
      withOccurrence: 1,
      carries: true,
      actor: 'cli',
    },
  })
  const placed = await p.article.findUniqueOrThrow({ where: { id: article.id }, include: { placements: true } })
  t.same(
    placed.placements.map((row) => [row.id, row.withText, row.withOccurrence, row.carries]),
    [[placement.id, 'Another quote.', 1, true]],
  )
  t.equal(placement.textHash.length, 32, 'the key hash is computed by Postgres')
  const subscription = await p.webhookSubscription.create({
    data: {
      url: 'https://desk.example/hook',
      secret: 'whsec_x',
      events: ['correction'],
      speakerId: speaker.id,
      createdBy: 'cli',
    },
  })
  const event = await p.webhookEvent.create({
    data: { type: 'correction', dedupeKey: 'k', speakerIds: [speaker.id], claimId: claim.id, data: { a: 1 } },
  })
  await p.webhookDelivery.create({
    data: { subscriptionId: subscription.id, eventId: event.id, attempts: [{ status: 200 }] },
  })
  const delivered = await p.webhookSubscription.findUniqueOrThrow({
    where: { id: subscription.id },
    include: { deliveries: { include: { event: true } } },
  })
  t.same(
    delivered.deliveries.map((delivery) => [
      delivery.state,
      delivery.attempts,
      delivery.event.speakerIds,
      delivery.event.dispatchedAt,
    ]),
    [['pending', [{ status: 200 }], [speaker.id], null]],
  )
  t.equal(await p.apiKey.count(), 1)
  t.equal(await p.auditEvent.count(), 1)
  // Written by Postgres's triggers on quote, read here: the one quote named its speaker.
  t.same(await p.speakerQuoteCount.findMany(), [{ speakerId: speaker.id, quotes: 1 }])
  t.match(article.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'ids are UUIDv7')
})
