import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { editorOf } from '../../http/editor.js'
import { badRequest } from '../../http/problem.js'
import { IdParams, LOCATION_HEADER, responses, SCOPED_BODY_PROBLEMS, success } from '../../schemas/common.js'
import { SpeakerSchema } from '../../schemas/resources.js'
import {
  AliasParams,
  AliasReasonQuery,
  SpeakerAliasBody,
  SpeakerMergeBody,
  SpeakerSplitBody,
  SpeakerPatchBody,
  type SpeakerPatchInput,
} from '../../schemas/speaker-corrections.js'
import { mergeSpeakers } from '../../services/speaker-merge.js'
import { splitSpeaker } from '../../services/speaker-split.js'
import {
  addSpeakerAlias,
  removeSpeakerAlias,
  updateSpeaker,
  type SpeakerChange,
} from '../../services/speaker-corrections.js'

const HOLDS =
  'Kept as a fact later articles respect, and on the audit trail. The speaker’s quotes keep their speaker; one printed under a wrong name is corrected on the quote (PUT /v1/quotes/{id}/speaker).'

/** The fields a PATCH changes, trimmed; at least one, or the request says nothing. */
function speakerChange({ reason: _reason, ...fields }: SpeakerPatchInput): SpeakerChange {
  const trimmed = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : value)
  const change: SpeakerChange = {}
  if (fields.name !== undefined) change.name = fields.name.trim()
  if (fields.title !== undefined) change.title = trimmed(fields.title) ?? null
  if (fields.description !== undefined) change.description = trimmed(fields.description) ?? null
  if (fields.wikidataId !== undefined) change.wikidataId = fields.wikidataId
  if (Object.keys(change).length === 0) {
    throw badRequest('validation', 'give at least one of name, title, description and wikidataId', [
      { in: 'body', field: '', message: 'changes nothing' },
    ])
  }
  return change
}

/** Editors correct speakers: the name and facts shown, and the aliases articles find them by. */
export default async function speakerCorrectionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.patch(
    '/speakers/:id',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['speakers'],
        operationId: 'updateSpeaker',
        summary: 'Rename a speaker, or set their title, description or Wikidata id',
        description: `A name given here stands: articles printing a fuller form no longer replace it, and it becomes an alias. ${HOLDS}`,
        params: IdParams,
        body: SpeakerPatchBody,
        response: responses(
          { 200: success(SpeakerSchema, 'The speaker as now shown.') },
          ...SCOPED_BODY_PROBLEMS,
          404,
          409,
        ),
      },
    },
    async (request) =>
      updateSpeaker(app.db, request.params.id, speakerChange(request.body), editorOf(request, request.body.reason)),
  )

  app.post(
    '/speakers/:id/aliases',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['speakers'],
        operationId: 'addSpeakerAlias',
        summary: 'Add a name articles print for a speaker',
        description: `Later articles printing the alias find this speaker by it (an alias two speakers share finds neither). 201 when it is new, 200 when the speaker had it already. ${HOLDS}`,
        params: IdParams,
        body: SpeakerAliasBody,
        response: responses(
          {
            200: success(SpeakerSchema, 'The speaker had the alias already.'),
            201: success(SpeakerSchema, 'The alias is added; Location is the speaker’s.', LOCATION_HEADER),
          },
          ...SCOPED_BODY_PROBLEMS,
          404,
        ),
      },
    },
    async (request, reply) => {
      const { speaker, added } = await addSpeakerAlias(
        app.db,
        request.params.id,
        request.body.alias.trim(),
        editorOf(request, request.body.reason),
      )
      if (!added) return speaker
      return reply.code(201).header('location', `/v1/speakers/${speaker.id}`).send(speaker)
    },
  )

  app.post(
    '/speakers/:id/merge',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['speakers'],
        operationId: 'mergeSpeakers',
        summary: 'Merge a duplicate speaker into this one',
        description:
          'For two speakers that are one person or body. The duplicate’s quotes, aliases and corrections become this speaker’s, and its claims are regrouped with this speaker’s as if every article had printed this name: claims that turn out to be one merge, and a claim id once returned keeps answering (308 to the claim that holds its renderings). The duplicate’s id answers 308 to this speaker from then on, and later articles printing any of its names find this speaker. Quotes one outlet printed under one name and another outlet under the other are no longer misattributions. The title, description and Wikidata id stay this speaker’s, taken from the duplicate where this one has none. Asked again, it changes nothing (200 all the same). Two speakers of different kinds, or with different Wikidata ids, cannot be merged (409). On the audit trail under the duplicate’s id.',
        params: IdParams,
        body: SpeakerMergeBody,
        response: responses(
          { 200: success(SpeakerSchema, 'The speaker, with the duplicate’s aliases.') },
          ...SCOPED_BODY_PROBLEMS,
          404,
          409,
        ),
      },
    },
    async (request) =>
      mergeSpeakers(app.db, request.params.id, request.body.duplicateId, editorOf(request, request.body.reason)),
  )

  app.post(
    '/speakers/:id/split',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['speakers'],
        operationId: 'splitSpeaker',
        summary: 'Split a name off a speaker that stands for two people',
        description:
          'The alias becomes a new speaker (named `name`, or the alias), and is taken from this speaker for good (adding it back lifts that). Every article quoting this speaker is read again as an ingest would read it now: each quote whose article names the new speaker (or anyone else) moves there, keeping its id, and the claims regroup; a claim whose renderings all move keeps its id under the new speaker. Quotes an editor gave this speaker stay. Later articles printing the alias find the new speaker. 201 with the new speaker; asked again, 200 with the same one. An alias the speaker lacks is a 404; the speaker’s own name, or a name another speaker goes by, a 409. On the audit trail under this speaker’s id.',
        params: IdParams,
        body: SpeakerSplitBody,
        response: responses(
          {
            200: success(SpeakerSchema, 'The alias had been split off already: the speaker it became.'),
            201: success(SpeakerSchema, 'The new speaker; Location is its path.', LOCATION_HEADER),
          },
          ...SCOPED_BODY_PROBLEMS,
          404,
          409,
        ),
      },
    },
    async (request, reply) => {
      const alias = request.body.alias.trim()
      const { speaker, created } = await splitSpeaker(
        app.db,
        request.params.id,
        { alias, name: request.body.name?.trim() ?? alias },
        editorOf(request, request.body.reason),
        app.extractQuotes,
      )
      if (!created) return speaker
      return reply.code(201).header('location', `/v1/speakers/${speaker.id}`).send(speaker)
    },
  )

  app.delete(
    '/speakers/:id/aliases/:alias',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['speakers'],
        operationId: 'removeSpeakerAlias',
        summary: 'Remove an alias a speaker was wrongly given',
        description: `For a name that is not theirs ("He", another person’s surname): later articles no longer find the speaker by it, and ingestion does not learn it for them again (adding it back lifts that). The speaker’s current name cannot be removed (409): rename first. ${HOLDS}`,
        params: AliasParams,
        querystring: AliasReasonQuery,
        response: responses({ 200: success(SpeakerSchema, 'The speaker without the alias.') }, 400, 401, 403, 404, 409),
      },
    },
    async (request) =>
      removeSpeakerAlias(app.db, request.params.id, request.params.alias, editorOf(request, request.query.reason)),
  )
}
