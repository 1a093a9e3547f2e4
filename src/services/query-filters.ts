import type { Prisma } from '../generated/prisma/client.js'
import { badRequest } from '../http/problem.js'

/** Query conditions several lists share: an outlet named by id or domain, and a time window. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isUuid = (value: string): boolean => UUID.test(value)

/** The form outlet domains are stored and matched in: lowercase, without "www.". */
export const outletDomain = (domain: string): string => domain.toLowerCase().replace(/^www\./, '')

/** An outlet given as its id or its domain. */
export const outletWhere = (outlet: string): Prisma.OutletWhereInput =>
  isUuid(outlet) ? { id: outlet } : { domain: outletDomain(outlet) }

/** `from` (inclusive) to `to` (exclusive), either open; undefined for no window. */
export function timeWindow(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } | undefined {
  if (from && to && new Date(from) >= new Date(to)) {
    throw badRequest('validation', '`from` must be earlier than `to`', [
      { in: 'querystring', field: '/from', message: 'must be earlier than to' },
    ])
  }
  if (!from && !to) return undefined
  return { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) }
}
