import { Type, type Static } from 'typebox'

/**
 * What the pages (src/routes/pages.ts) read from their address. Looser than the API's: a browser sends
 * a form's empty fields as empty values, and an id that is no UUID names no page (a 404, not a 400).
 */

export const PageIdParams = Type.Object({ id: Type.String({ maxLength: 200 }) })

const Cursor = Type.Optional(Type.String({ maxLength: 200 }))

export const ListPageQuery = Type.Object({ cursor: Cursor })

export const SearchPageQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 2000 })),
  speaker: Type.Optional(Type.String({ maxLength: 200 })),
  outlet: Type.Optional(Type.String({ maxLength: 200 })),
  cursor: Cursor,
})
export type SearchPageInput = Static<typeof SearchPageQuery>

export const VerifyPageQuery = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 20_000 })),
  speaker: Type.Optional(Type.String({ maxLength: 200 })),
})
