import type { SqlTransaction } from '../db/database.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { mergedInto, notFound } from '../http/problem.js'
import type { OutletResource, SpeakerResource } from '../schemas/resources.js'
import { htmlLink, pagePaths } from '../pages/paths.js'
import { afterCursor, pageLimit, toPage } from './pagination.js'

/** Read access to outlets and speakers: the resources the API lists and shows as they are. */

type Page<Item> = { items: Item[]; nextCursor: string | null }
interface PageInput {
  limit?: number | undefined
  cursor?: string | undefined
}

type OutletRow = Prisma.OutletGetPayload<object>
const toOutlet = (row: OutletRow): OutletResource => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  kind: row.kind,
  createdAt: row.createdAt.toISOString(),
  links: htmlLink(pagePaths.outlet(row.id)),
})

export async function listOutlets(prisma: PrismaClient, query: PageInput): Promise<Page<OutletResource>> {
  const limit = pageLimit(query.limit)
  const rows = await prisma.outlet.findMany({
    where: afterCursor(query.cursor),
    orderBy: { id: 'desc' },
    take: limit + 1,
  })
  return toPage(rows, limit, toOutlet)
}

export async function getOutlet(prisma: PrismaClient, id: string): Promise<OutletResource> {
  const row = await prisma.outlet.findUnique({ where: { id } })
  if (!row) throw notFound('outlet', id)
  return toOutlet(row)
}

const speakerInclude = {
  aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
} satisfies Prisma.SpeakerInclude
type SpeakerRow = Omit<Prisma.SpeakerGetPayload<{ include: typeof speakerInclude }>, 'aliases' | 'updatedAt'> & {
  aliases: Array<{ alias: string }>
}
const toSpeaker = (row: SpeakerRow): SpeakerResource => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  kind: row.kind,
  title: row.title,
  description: row.description,
  wikidataId: row.wikidataId,
  aliases: row.aliases.map((alias) => alias.alias),
  nameCorrected: row.nameCorrected,
  createdAt: new Date(row.createdAt).toISOString(),
  links: htmlLink(pagePaths.speaker(row.id)),
})

/** A speaker as the API shows it, read in a transaction (the corrections that change it read it so). */
export async function readSpeaker(sql: Pick<SqlTransaction, 'query'>, id: string): Promise<SpeakerResource> {
  const [row] = await sql.query<SpeakerRow>(Prisma.sql`
    SELECT s.id, s.name, s.slug, s.kind::text AS kind, s.title, s.description, s.wikidata_id AS "wikidataId",
      s.name_corrected AS "nameCorrected", s.created_at AS "createdAt",
      COALESCE((SELECT json_agg(json_build_object('alias', a.alias) ORDER BY a.alias)
        FROM speaker_alias a WHERE a.speaker_id = s.id), '[]') AS aliases
    FROM speaker s WHERE s.id = ${id}::uuid`)
  if (!row) throw notFound('speaker', id)
  return toSpeaker(row)
}

export async function listSpeakers(prisma: PrismaClient, query: PageInput): Promise<Page<SpeakerResource>> {
  const limit = pageLimit(query.limit)
  const rows = await prisma.speaker.findMany({
    where: afterCursor(query.cursor),
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: speakerInclude,
  })
  return toPage(rows, limit, toSpeaker)
}

/** A speaker by id; one an editor merged into another answers with the survivor's `locationOf`. */
export async function getSpeaker(
  prisma: PrismaClient,
  id: string,
  locationOf: (survivor: string) => string = (survivor) => `/v1/speakers/${survivor}`,
): Promise<SpeakerResource> {
  const row = await prisma.speaker.findUnique({ where: { id }, include: speakerInclude })
  if (row) return toSpeaker(row)
  const redirect = await prisma.speakerRedirect.findUnique({ where: { fromId: id }, select: { toId: true } })
  if (redirect) throw mergedInto('speaker', id, redirect.toId, locationOf(redirect.toId))
  throw notFound('speaker', id)
}
