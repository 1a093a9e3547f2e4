import type { Editor } from '../services/audit.js'

/**
 * Who makes an editor's change and why, as the services record it: the request's actor (set by the auth
 * plugin; a route that needs a scope always has one) and the reason the request gave, if any.
 */
export const editorOf = (request: { actor: string | null }, reason: string | undefined): Editor => ({
  actor: request.actor as string,
  reason: reason ?? null,
})
