import t from 'tap'
import { isDatabaseUnavailable, isTransactionConflict } from '../../src/http/database-errors.js'

t.test('lost or refused connections are recognised wherever Prisma wraps them', async (t) => {
  const wrapped = (inner: object) =>
    Object.assign(new Error('Invalid `prisma.article.findMany()` invocation'), { cause: inner })
  for (const error of [
    Object.assign(new Error('x'), { code: 'P1001' }),
    Object.assign(new Error('x'), { code: 'P2024' }),
    wrapped(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    wrapped(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
    wrapped(Object.assign(new Error('x'), { code: '08006' })),
    wrapped({ kind: 'DatabaseNotReachable' }),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new Error('Query read timeout'),
    wrapped(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })),
    Object.assign(new Error('Raw query failed'), {
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: '57014', kind: 'postgres' } } },
    }),
  ]) {
    t.ok(isDatabaseUnavailable(error), String((error as Error).message))
  }
})

t.test('other errors are not mistaken for an outage', async (t) => {
  const cyclic: { cause?: unknown; message: string } = { message: 'loop' }
  cyclic.cause = cyclic
  for (const error of [
    new Error('boom'),
    Object.assign(new Error('unique'), { code: 'P2002' }),
    Object.assign(new Error('syntax'), { code: '42601' }),
    cyclic,
    null,
    'a string',
    { kind: 'UniqueConstraintViolation' },
  ]) {
    t.notOk(isDatabaseUnavailable(error))
  }
})

t.test('conflicts with a concurrent transaction are told apart from other failures', async (t) => {
  const raw = (originalCode: string) =>
    Object.assign(new Error('Raw query failed'), {
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode, kind: 'x' } } },
    })
  for (const error of [
    Object.assign(new Error('unique'), { code: 'P2002' }),
    Object.assign(new Error('deadlock'), { code: 'P2034' }),
    raw('40P01'),
    raw('23505'),
    raw('23503'),
    Object.assign(new Error('foreign key'), { code: 'P2003' }),
    Object.assign(new Error('wrapped'), { cause: Object.assign(new Error('x'), { code: '40001' }) }),
  ]) {
    t.ok(isTransactionConflict(error), (error as Error).message)
  }
  for (const error of [raw('42601'), new Error('boom'), Object.assign(new Error('x'), { code: 'P2025' }), null]) {
    t.notOk(isTransactionConflict(error))
  }
})
