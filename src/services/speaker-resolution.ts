import {
  bySpeakerName,
  chooseBySpelling,
  givenNamesAgree,
  referenceKeys,
  referenceSurname,
  type SpeakerCandidate,
  type SpeakerResolution,
  withoutTitle,
} from '../domain/speaker-resolution.js'
import { isSurnameAlone, nameKey, slugify } from '../domain/speaker-identity.js'
import type { PrismaClient } from '../generated/prisma/client.js'
import { unknownSpeaker } from '../http/problem.js'
import { isUuid } from './query-filters.js'
import { prominentBearers } from './surname-bearers.js'

/**
 * The one place a speaker named by a reader is resolved: verify and every list filter that takes a
 * speaker go through here. By id or slug; then the alias keys of the name (with and without its
 * title; a surname typed alone that several go by, its prominent bearer as ingestion has it); then
 * the surname of a longer name when exactly one person goes by it; then close spellings (trigram
 * candidates from the alias index, chosen between in src/domain/speaker-resolution.ts).
 */

// Speakers offered when none is resolved, and the nearest aliases read for close spellings, per key.
const MAX_SUGGESTIONS = 5
const SPELLING_CANDIDATES = 20

const select = { id: true, name: true } as const

export async function resolveSpeaker(prisma: PrismaClient, reference: string): Promise<SpeakerResolution> {
  if (isUuid(reference)) {
    const speaker = await prisma.speaker.findUnique({ where: { id: reference }, select })
    if (speaker) return { speaker, by: 'id' }
    // A speaker an editor merged into another is the survivor now.
    const redirect = await prisma.speakerRedirect.findUnique({
      where: { fromId: reference },
      select: { to: { select } },
    })
    return redirect ? { speaker: redirect.to, by: 'id' } : { speaker: null, suggestions: [] }
  }
  const bySlug = await prisma.speaker.findUnique({ where: { slug: reference }, select })
  if (bySlug) return { speaker: bySlug, by: 'slug' }

  const keys = referenceKeys(reference)
  const aliased = await prisma.speakerAlias.findMany({
    where: { aliasKey: { in: keys } },
    select: { aliasKey: true, speaker: { select } },
  })
  // The most literal key that names anyone decides; several speakers by it is an ambiguity, not a pick,
  // unless ingestion would place a mention of it, and so does this: a body known by exactly that name
  // takes its own mentions; a person's surname alone goes to its prominent bearer (surname-bearers.ts),
  // otherwise to the speaker of that name ("Roe" beside Jane and John Roe quoted alike, by slug, quotes.ts).
  for (const key of keys) {
    const speakers = distinct(aliased.filter((row) => row.aliasKey === key).map((row) => row.speaker))
    if (speakers.length === 1) return { speaker: speakers[0]!, by: 'alias' }
    if (speakers.length > 1) {
      const found = await prisma.speaker.findUnique({
        where: { slug: slugify(key) },
        select: { ...select, kind: true },
      })
      const named = found !== null && speakers.some((speaker) => speaker.id === found.id) ? found : null
      if (named?.kind !== 'organisation' && isSurnameTyped(reference, key)) {
        const prominent = (await prominentBearers({ query: (statement) => prisma.$queryRaw(statement) }, [key])).get(
          key,
        )
        const bearer = speakers.find((speaker) => speaker.id === prominent)
        if (bearer) return { speaker: bearer, by: 'surname' }
      }
      if (named !== null) return { speaker: { id: named.id, name: named.name }, by: 'alias' }
      return { speaker: null, suggestions: speakers.sort(bySpeakerName).slice(0, MAX_SUGGESTIONS) }
    }
  }

  const surname = referenceSurname(reference)
  const bySurname = surname
    ? distinct(
        (
          await prisma.speakerAlias.findMany({
            where: { aliasKey: surname, speaker: { kind: 'person' } },
            select: { speaker: { select } },
          })
        ).map((row) => row.speaker),
      ).sort(bySpeakerName)
    : []
  const agreeing = bySurname.filter((speaker) => givenNamesAgree(reference, speaker.name))
  if (bySurname.length === 1 && agreeing.length === 1) return { speaker: agreeing[0]!, by: 'surname' }

  // One statement a key: with the key a value the planner sees, the trigram index is used (a join on
  // unnested keys was planned as a scan of every alias).
  const rows = (
    await Promise.all(
      keys.map(
        (key) => prisma.$queryRaw<Array<{ id: string; name: string; alias_key: string }>>`
          SELECT a.speaker_id AS id, s.name, a.alias_key FROM speaker_alias a JOIN speaker s ON s.id = a.speaker_id
          WHERE a.alias_key % ${key} ORDER BY similarity(a.alias_key, ${key}) DESC, a.alias_key
          LIMIT ${SPELLING_CANDIDATES}`,
      ),
    )
  ).flat()
  const candidates = new Map<string, { speaker: SpeakerCandidate; aliasKeys: string[] }>()
  for (const row of rows) {
    const candidate = candidates.get(row.id) ?? { speaker: { id: row.id, name: row.name }, aliasKeys: [] }
    if (!candidate.aliasKeys.includes(row.alias_key)) candidate.aliasKeys.push(row.alias_key)
    candidates.set(row.id, candidate)
  }
  const { chosen, ranked } = chooseBySpelling(keys, [...candidates.values()])
  if (chosen) return { speaker: chosen, by: 'spelling' }
  return { speaker: null, suggestions: distinct([...bySurname, ...ranked]).slice(0, MAX_SUGGESTIONS) }
}

/**
 * The id of the speaker a list filter names; a name nobody goes by is a problem naming the filter
 * and carrying the suggestions, never a silent empty list.
 */
export async function speakerFilter(
  prisma: PrismaClient,
  reference: string,
  field: { in: string; field: string },
): Promise<string> {
  const resolution = await resolveSpeaker(prisma, reference)
  if (resolution.speaker) return resolution.speaker.id
  throw unknownSpeaker(reference, field, resolution.suggestions)
}

/**
 * Whether the key is the typed name after its title and that name a surname standing alone ("Roe", "Sen.
 * Roe"), as ingestion reads a printed one (`isSurnameAlone`, on the name as typed, case and all).
 */
function isSurnameTyped(reference: string, key: string): boolean {
  const name = withoutTitle(reference)
  return nameKey(name) === key && isSurnameAlone(name)
}

function distinct<S extends SpeakerCandidate>(speakers: S[]): S[] {
  const seen = new Set<string>()
  return speakers.filter((speaker) => !seen.has(speaker.id) && seen.add(speaker.id))
}
