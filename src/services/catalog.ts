import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { notFound } from '../http/problem.js'
import type { ClaimResource, OutletResource, SpeakerResource } from '../schemas/resources.js'
import { afterCursor, toPage } from './pagination.js'

/** Read access to outlets, speakers and claims: the resources the API lists and shows as they are. */

type Page<Item> = { items: Item[]; nextCursor: string | null }
interface PageInput {
  limit: number
  cursor?: string | undefined
}

type OutletRow = Prisma.OutletGetPayload<object>
const toOutlet = (row: OutletRow): OutletResource => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  kind: row.kind,
  createdAt: row.createdAt.toISOString(),
})

export async function listOutlets(prisma: PrismaClient, query: PageInput): Promise<Page<OutletResource>> {
  const rows = await prisma.outlet.findMany({
    where: afterCursor(query.cursor),
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  })
  return toPage(rows, query.limit, toOutlet)
}

export async function getOutlet(prisma: PrismaClient, id: string): Promise<OutletResource> {
  const row = await prisma.outlet.findUnique({ where: { id } })
  if (!row) throw notFound('outlet', id)
  return toOutlet(row)
}

const speakerInclude = {
  aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
} satisfies Prisma.SpeakerInclude
type SpeakerRow = Prisma.SpeakerGetPayload<{ include: typeof speakerInclude }>
const toSpeaker = (row: SpeakerRow): SpeakerResource => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  kind: row.kind,
  title: row.title,
  description: row.description,
  wikidataId: row.wikidataId,
  aliases: row.aliases.map((alias) => alias.alias),
  createdAt: row.createdAt.toISOString(),
})

export async function listSpeakers(prisma: PrismaClient, query: PageInput): Promise<Page<SpeakerResource>> {
  const rows = await prisma.speaker.findMany({
    where: afterCursor(query.cursor),
    orderBy: { id: 'desc' },
    take: query.limit + 1,
    include: speakerInclude,
  })
  return toPage(rows, query.limit, toSpeaker)
}

export async function getSpeaker(prisma: PrismaClient, id: string): Promise<SpeakerResource> {
  const row = await prisma.speaker.findUnique({ where: { id }, include: speakerInclude })
  if (!row) throw notFound('speaker', id)
  return toSpeaker(row)
}

const claimInclude = { speaker: { select: { id: true, name: true } } } satisfies Prisma.ClaimInclude
type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>
const toClaim = (row: ClaimRow): ClaimResource => ({
  id: row.id,
  speaker: row.speaker,
  canonicalText: row.canonicalText,
  renderingCount: row.renderingCount,
  firstAppearance: row.firstArticleId
    ? { articleId: row.firstArticleId, at: row.firstAppearedAt?.toISOString() ?? null }
    : null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
})

export async function listClaims(prisma: PrismaClient, query: PageInput): Promise<Page<ClaimResource>> {
  const rows = await prisma.claim.findMany({
    where: afterCursor(query.cursor),
    orderBy: { id: 'desc' },
    take: query.limit + 1,
    include: claimInclude,
  })
  return toPage(rows, query.limit, toClaim)
}

export async function getClaim(prisma: PrismaClient, id: string): Promise<ClaimResource> {
  const row = await prisma.claim.findUnique({ where: { id }, include: claimInclude })
  if (!row) throw notFound('claim', id)
  return toClaim(row)
}
