import { Type, type Static } from 'typebox'
import { ActorSchema } from './audit.js'
import { auditReason, DateTime, Nullable, PaginationQuery } from './common.js'
import { named } from './named.js'

const Reason = auditReason('a test post')

export const DeleteArticleQuery = Type.Object({ reason: Reason }, { additionalProperties: false })

export const ArticleDeletionSchema = named(
  'ArticleDeletion',
  Type.Object(
    {
      articleId: Type.String({ format: 'uuid', description: 'answers 410 from now on' }),
      url: Type.String(),
      quotesRemoved: Type.Integer({ minimum: 0, description: 'its quotes, which left their claims' }),
      deletedAt: DateTime,
      deletedBy: ActorSchema,
      reason: Nullable(Type.String()),
    },
    {
      examples: [
        {
          articleId: '0196a1f0-2b3c-7d4e-8f5a-6b7c8d9e0f1a',
          url: 'https://example.com/string',
          quotesRemoved: 0,
          deletedAt: '2025-05-04T09:30:00.000Z',
          deletedBy: { id: 'key:0196a1ef-0a1b-7c2d-8e3f-4a5b6c7d8e9f', name: 'standards desk' },
          reason: 'posted from Swagger UI’s example body',
        },
      ],
    },
  ),
)
export type ArticleDeletionResource = Static<typeof ArticleDeletionSchema>

const revisionFields = {
  id: Type.String({ format: 'uuid' }),
  title: Nullable(Type.String()),
  contentHash: Type.String({ description: 'SHA-256 of the text, hex' }),
  length: Type.Integer({ minimum: 0, description: 'the text’s length in characters (Unicode code points)' }),
  createdAt: Type.String({ format: 'date-time', description: 'when the service stored this text' }),
}

export const RevisionSummarySchema = named(
  'ArticleRevisionSummary',
  Type.Object(revisionFields, { description: 'one text the article has had' }),
)

export const RevisionSchema = named(
  'ArticleRevision',
  Type.Object({ ...revisionFields, text: Type.String() }, { description: 'one text the article has had, whole' }),
)
export type RevisionResource = Static<typeof RevisionSchema>
export type RevisionSummary = Static<typeof RevisionSummarySchema>

export const ListRevisionsQuery = Type.Object({ ...PaginationQuery }, { additionalProperties: false })
export type ListRevisionsInput = Static<typeof ListRevisionsQuery>

export const RevisionParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'the article' }),
  revisionId: Type.String({ format: 'uuid', description: 'one of its revisions' }),
})
