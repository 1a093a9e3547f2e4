import { Type } from 'typebox'

/**
 * The one date-time every date input takes (`publishedAt`, `from`, `to`). RFC 3339 alone is not
 * enough: a date must also survive the round trip through Postgres (timestamptz) and back out as a
 * JavaScript Date's ISO string. Year 0 was stored and then broke every read of it, a year past 9999
 * after its offset cannot be rendered as four digits, and a leap second (`23:59:60`) is no instant
 * JavaScript knows. So the range is years 1000 to 9999 in UTC, and seconds go to 59.
 */
export const EARLIEST_DATE_TIME = '1000-01-01T00:00:00.000Z'
export const LATEST_DATE_TIME = '9999-12-31T23:59:59.999Z'

const EARLIEST_MS = Date.parse(EARLIEST_DATE_TIME)
const LATEST_MS = Date.parse(LATEST_DATE_TIME)

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last of this one; setUTCFullYear takes years below 100 as they are.
  const date = new Date(0)
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

/**
 * Whether `value` is an RFC 3339 date-time, with uppercase `T` and `Z` (JavaScript's parser reads no
 * other), of a real calendar day, without a leap second, within the range above once its offset is
 * applied, and read by `new Date` as that same instant (the services parse it that way).
 */
export function isStorableDateTime(value: string): boolean {
  const match = RFC_3339.exec(value)
  if (!match) return false
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const offsetHours = Number(match[10] ?? 0)
  const offsetMinutes = Number(match[11] ?? 0)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return false
  const instant = Date.parse(value)
  return instant >= EARLIEST_MS && instant <= LATEST_MS
}

/** A date input: a string the `date-time` format (isStorableDateTime, in src/http/validation.ts) accepts. */
export const DateTimeInput = (options: { description?: string; examples?: string[] } = {}) =>
  Type.String({
    format: 'date-time',
    ...options,
    description: `${options.description ? `${options.description}; ` : ''}RFC 3339, from ${EARLIEST_DATE_TIME} to ${LATEST_DATE_TIME} after the offset, no leap second`,
  })
