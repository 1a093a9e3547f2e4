import net from 'node:net'
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import t, { type Test } from 'tap'
import { clientErrorHandler, frameworkErrors } from '../../src/http/framework-errors.js'
import { validatorCompiler } from '../../src/http/validation.js'
import { buildApp } from '../helper.js'

interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** Sends bytes as they are (no client library to tidy them up) and reads the answer to the end. */
function rawRequest(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', body = ''] = text.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      )
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
  })
}

const assertProblem = (t: Test, response: RawResponse, status: number, type: string) => {
  t.equal(response.status, status, type)
  t.match(response.headers['content-type'], /^application\/problem\+json/, `${type} is problem+json`)
  t.equal(response.headers['x-content-type-options'], 'nosniff', `${type} has the security headers`)
  t.match(response.headers['content-security-policy'], /default-src 'self'/)
  t.match(response.headers['strict-transport-security'], /max-age=/)
  t.match(response.headers['x-request-id'], /^[0-9a-f-]{36}$/, `${type} names its request`)
  t.match(JSON.parse(response.body), { type, status, title: String })
}

t.test('answers the router and the HTTP parser give are problems with the security headers', async (t) => {
  const app = await buildApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as net.AddressInfo

  const badEncoding = await rawRequest(
    port,
    'GET /v1/articles/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  )
  assertProblem(t, badEncoding, 400, '/problems/malformed-url')

  const longParam = await rawRequest(
    port,
    `GET /v1/articles/${'a'.repeat(500)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
  )
  assertProblem(t, longParam, 414, '/problems/uri-too-long')

  const bigHeaders = await rawRequest(
    port,
    `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
  )
  assertProblem(t, bigHeaders, 431, '/problems/headers-too-large')

  const garbage = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n')
  assertProblem(t, garbage, 400, '/problems/malformed-request')

  const connect = await rawRequest(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')
  assertProblem(t, connect, 501, '/problems/not-implemented')

  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'the server is still serving')
})

t.test('a problem does not echo back a path too long to be any route', async (t) => {
  const app = await buildApp(t)
  const long = `/v1/articles/${'a'.repeat(70_000)}`
  const tooLong = await app.inject({ url: long })
  t.equal(tooLong.statusCode, 414)
  t.notOk('instance' in tooLong.json(), 'no instance')
  t.ok(tooLong.rawPayload.length < 1000, `${tooLong.rawPayload.length} bytes`)
  const unknown = await app.inject({ url: `/nowhere/${'b'.repeat(5000)}` })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.json(), { detail: 'no route GET for this path' })
  t.notOk('instance' in unknown.json(), 'no instance')
  const short = await app.inject({ url: '/nowhere?x=1' })
  t.match(short.json(), { detail: 'no route GET /nowhere', instance: '/nowhere' })
})

t.test('query integers are plain decimal numbers', async (t) => {
  const app = await buildApp(t)
  for (const limit of ['0x10', '1e1', ' 16', '16 ', '+16', '0b1', '1.0', '']) {
    const response = await app.inject({ url: `/v1/outlets?limit=${encodeURIComponent(limit)}` })
    t.equal(response.statusCode, 400, `limit=${JSON.stringify(limit)}`)
    t.match(response.json(), {
      type: '/problems/validation',
      errors: [{ in: 'querystring', field: '/limit' }],
    })
  }
  for (const limit of ['16', '016', '200']) {
    t.equal((await app.inject({ url: `/v1/outlets?limit=${limit}` })).statusCode, 200, `limit=${limit}`)
  }
})

t.test(
  'what cannot be answered is left alone; other parser errors and router errors still get a problem',
  async (t) => {
    const log = { info: () => undefined } as unknown as FastifyBaseLogger
    const written: string[] = []
    const socket = (state: { destroyed?: boolean; writable?: boolean }) => {
      let destroyed = false
      return {
        destroyed: false,
        ...state,
        end: (chunk: string) => written.push(chunk),
        destroy: () => (destroyed = true),
        get wasDestroyed() {
          return destroyed
        },
      }
    }
    const reset = socket({ writable: true })
    clientErrorHandler.call({ log }, Object.assign(new Error('reset'), { code: 'ECONNRESET' }), reset as never)
    clientErrorHandler.call({ log }, new Error('gone'), socket({ destroyed: true, writable: true }) as never)
    t.same(written, [], 'a reset or destroyed connection gets no answer')
    const closing = socket({ writable: false })
    clientErrorHandler.call({ log }, new Error('half closed'), closing as never)
    t.ok(closing.wasDestroyed, 'a socket that cannot be written to is closed')
    clientErrorHandler.call(
      { log },
      Object.assign(new Error('slow'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
      socket({ writable: true }) as never,
    )
    t.match(written[0], /^HTTP\/1\.1 408 Request Timeout\r\n[^]*"type":"\/problems\/request-timeout"/)

    let sent: unknown
    const reply = {
      code: () => reply,
      headers: () => reply,
      type: () => reply,
      send: (body: unknown) => (sent = body),
    }
    frameworkErrors(
      Object.assign(new Error('constraint'), { code: 'FST_ERR_ASYNC_CONSTRAINT' }) as FastifyError,
      { url: '/x?y', log } as unknown as FastifyRequest,
      reply as unknown as FastifyReply,
    )
    t.match(sent, { status: 500, instance: '/x' })
  },
)

t.test('a query or path with no properties to coerce is validated as it is', async (t) => {
  const validate = validatorCompiler({ schema: { type: 'null' }, httpPart: 'querystring', method: 'GET', url: '/' })
  t.equal(validate(null), true)
  const object = validatorCompiler({ schema: { type: 'object' }, httpPart: 'params', method: 'GET', url: '/' })
  t.equal(object({ id: '0x10' }), true)
})
