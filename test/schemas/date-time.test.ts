import t from 'tap'
import { EARLIEST_DATE_TIME, isStorableDateTime, LATEST_DATE_TIME } from '../../src/schemas/date-time.js'

t.test('a date-time is accepted only when it can be stored and rendered back as the same instant', async (t) => {
  for (const value of [
    EARLIEST_DATE_TIME,
    LATEST_DATE_TIME,
    '2024-02-29T12:00:00Z',
    '2000-02-29T00:00:00Z',
    '2025-05-03T18:30:00.123456+05:30',
    '9999-12-31T23:59:59+00:00',
    '1000-01-01T00:00:00-12:00',
  ]) {
    t.ok(isStorableDateTime(value), value)
    t.equal(new Date(new Date(value).toISOString()).getTime(), Date.parse(value), `${value} renders back`)
  }
  for (const value of [
    '1900-02-29T00:00:00Z',
    '2025-00-10T00:00:00Z',
    '2025-13-10T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-04-00T00:00:00Z',
    '2025-04-30T12:60:00Z',
    '2025-04-30T12:00:00+24:00',
    '2025-04-30T12:00:00+01:60',
    '2025-04-30T12:00:00',
    '2025-04-30 12:00:00Z',
    '+002025-04-30T12:00:00Z',
    '10000-01-01T00:00:00Z',
  ]) {
    t.notOk(isStorableDateTime(value), value)
  }
})
