import { Type, type Static } from 'typebox'
import { auditReason } from './common.js'
import { named } from './named.js'

const CLAIM = '0196a1f0-3c4d-7e5f-9a6b-7c8d9e0f1a2b'
const QUOTE = '0196a1f1-4d5e-7f6a-8b7c-8d9e0f1a2b3c'

export const ClaimMergeBody = named(
  'ClaimMergeInput',
  Type.Object(
    {
      claimId: Type.String({
        format: 'uuid',
        description: 'the other claim, of the same speaker: the same utterance the grouping kept apart',
        examples: [CLAIM],
      }),
      reason: auditReason('the same sentence, quoted from two interviews'),
    },
    { additionalProperties: false },
  ),
)
export type ClaimMergeInput = Static<typeof ClaimMergeBody>

export const RenderingMoveBody = named(
  'RenderingMoveInput',
  Type.Object(
    {
      quoteId: Type.String({
        format: 'uuid',
        description: 'a quote (a rendering) of the claim’s speaker, in another of the speaker’s claims',
        examples: [QUOTE],
      }),
      reason: auditReason('an excerpt of this statement, not of the earlier one'),
    },
    { additionalProperties: false },
  ),
)
export type RenderingMoveInput = Static<typeof RenderingMoveBody>

export const ClaimSplitBody = named(
  'ClaimSplitInput',
  Type.Object(
    {
      quoteIds: Type.Array(Type.String({ format: 'uuid' }), {
        minItems: 1,
        maxItems: 1000,
        uniqueItems: true,
        description: 'renderings of the claim that are another utterance; at least one rendering must stay',
        examples: [[QUOTE]],
      }),
      reason: auditReason('two different answers in the same interview'),
    },
    { additionalProperties: false },
  ),
)
export type ClaimSplitInput = Static<typeof ClaimSplitBody>
