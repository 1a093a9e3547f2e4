import t from 'tap'
import { tallyLogLine } from '../../scripts/bench-server.js'

// The benchmarks count the server's warnings and errors as errors: a request can succeed while
// something behind it failed and was only logged.
t.test('warnings and errors are counted by level and message; other lines are not', (t) => {
  const tally = new Map<string, number>()
  const line = (level: number, msg?: string) => JSON.stringify({ level, time: 1, pid: 7, ...(msg ? { msg } : {}) })
  t.equal(tallyLogLine(tally, line(40, 'a pass was given up')), 'first')
  t.equal(tallyLogLine(tally, line(40, 'a pass was given up')), 'repeat')
  t.equal(tallyLogLine(tally, line(50, 'a pass was given up')), 'first', 'the same message at another level')
  t.equal(tallyLogLine(tally, line(60)), 'first')
  t.equal(tallyLogLine(tally, line(30, 'request completed')), null, 'info is not counted')
  t.equal(tallyLogLine(tally, 'Server listening at http://127.0.0.1:3000'), null, 'not JSON')
  t.equal(tallyLogLine(tally, 'null'), null, 'JSON but no entry')
  t.equal(tallyLogLine(tally, '{"level":"warn","msg":"x"}'), null, 'a level pino would not write')
  t.same(Object.fromEntries(tally), {
    'warn: a pass was given up': 2,
    'error: a pass was given up': 1,
    'fatal: (no message)': 1,
  })
  t.end()
})
