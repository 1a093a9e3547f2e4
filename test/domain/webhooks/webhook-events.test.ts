import t from 'tap'
import {
  DIVERGENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  wantsEvent,
  type WebhookEventSubject,
  type WebhookFilter,
} from '../../../src/domain/webhooks/index.js'
import { labelRendering } from '../../../src/domain/wording/index.js'
import { RenderingLabel } from '../../../src/generated/prisma/enums.js'

const SPEAKER = 'a0000000-0000-7000-8000-000000000001'
const OTHER = 'a0000000-0000-7000-8000-000000000002'
const OUTLET = 'b0000000-0000-7000-8000-000000000001'
const CLAIM = 'c0000000-0000-7000-8000-000000000001'

const event: WebhookEventSubject = {
  type: 'quote.misattributed',
  speakerIds: [SPEAKER, OTHER],
  outletId: OUTLET,
  claimId: CLAIM,
}
const filter = (changes: Partial<WebhookFilter> = {}): WebhookFilter => ({
  events: [...WEBHOOK_EVENT_TYPES],
  speakerId: null,
  outletId: null,
  claimId: null,
  ...changes,
})

t.test('a subscriber hears the types it asked for, narrowed by every filter it gave', async (t) => {
  t.ok(wantsEvent(filter(), event))
  t.notOk(wantsEvent(filter({ events: ['claim.created', 'correction'] }), event))
  t.ok(wantsEvent(filter({ speakerId: OTHER }), event), 'either speaker of a misattribution')
  t.notOk(wantsEvent(filter({ speakerId: OUTLET }), event))
  t.ok(wantsEvent(filter({ outletId: OUTLET, claimId: CLAIM, speakerId: SPEAKER }), event))
  t.notOk(wantsEvent(filter({ outletId: OUTLET, claimId: OTHER }), event), 'every filter must hold')
  const speakerCorrection: WebhookEventSubject = {
    type: 'correction',
    speakerIds: [SPEAKER],
    outletId: null,
    claimId: null,
  }
  t.notOk(wantsEvent(filter({ outletId: OUTLET }), speakerCorrection), 'a filter narrows, never widens')
  t.notOk(wantsEvent(filter({ claimId: CLAIM }), speakerCorrection))
  t.ok(wantsEvent(filter({ speakerId: SPEAKER }), speakerCorrection))
})

// The store selects divergent renderings in SQL with this list: it must be every label the wording
// rules give but verbatim, and only labels the database knows.
t.test('divergent labels are every stored label but verbatim', async (t) => {
  t.same(
    [...DIVERGENT_LABELS].sort(),
    Object.values(RenderingLabel)
      .filter((label) => label !== 'verbatim')
      .sort(),
  )
  t.equal(labelRendering('Our ports stay open.', 'Our ports stay open.').label, 'verbatim')
  t.ok(
    (DIVERGENT_LABELS as readonly string[]).includes(
      labelRendering('Our ports stay open', 'Our ports stay open to every ship that keeps the rules.').label,
    ),
  )
})
