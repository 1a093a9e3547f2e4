import t from 'tap'
import { ConfigError, loadConfig, MIN_API_KEY_LENGTH } from '../src/config.js'

t.test('defaults give a runnable service on embedded Postgres', async (t) => {
  const config = loadConfig({})
  t.equal(config.HOST, '127.0.0.1')
  t.equal(config.PORT, 3000)
  t.equal(config.DATABASE_URL, undefined)
  t.equal(config.DATA_DIR, './data')
  t.equal(config.BODY_LIMIT, 2 * 1024 * 1024)
  t.equal(config.REQUIRE_KEY_FOR_READS, false)
  t.same(config.apiKeys, [])
  t.same(config.corsOrigins, [], 'no browser origin is allowed until one is named')
  t.equal(config.CLAIM_REVIEW_PUBLISHER, 'Verbatim')
  t.equal(config.CLAIM_REVIEW_PUBLISHER_URL, undefined, 'the reviews name the address the API is reached at')
})

t.test('values from the environment are typed and API_KEYS is split', async (t) => {
  const config = loadConfig({
    PORT: '8080',
    REQUIRE_KEY_FOR_READS: 'true',
    DATABASE_URL: 'postgres://u@db:5432/verbatim',
    API_KEYS: ' aaaaaaaaaaaaaaaaaaaa , ,bbbbbbbbbbbbbbbbbbbb',
    UNRELATED: 'ignored',
  })
  t.equal(config.PORT, 8080)
  t.equal(config.REQUIRE_KEY_FOR_READS, true)
  t.equal(config.DATABASE_URL, 'postgres://u@db:5432/verbatim')
  t.same(config.apiKeys, [
    { key: 'aaaaaaaaaaaaaaaaaaaa', scopes: ['read', 'ingest'] },
    { key: 'bbbbbbbbbbbbbbbbbbbb', scopes: ['read', 'ingest'] },
  ])
})

t.test('an API_KEYS entry may name its scopes before a colon', async (t) => {
  const config = loadConfig({
    API_KEYS:
      'edit+ingest:aaaaaaaaaaaaaaaaaaaa,admin:bbbbbbbbbbbbbbbbbbbb,read:cccccccccccccccccccc,Key:With:Colons0123',
  })
  t.same(config.apiKeys, [
    { key: 'aaaaaaaaaaaaaaaaaaaa', scopes: ['read', 'ingest', 'edit'] },
    { key: 'bbbbbbbbbbbbbbbbbbbb', scopes: ['read', 'admin'] },
    { key: 'cccccccccccccccccccc', scopes: ['read'] },
    // Not a list of lower-case scope names: the whole entry is the key.
    { key: 'Key:With:Colons0123', scopes: ['read', 'ingest'] },
  ])
  t.throws(() => loadConfig({ API_KEYS: 'edit+wirte:aaaaaaaaaaaaaaaaaaaa' }), {
    name: 'ConfigError',
    message: /API_KEYS entry 1 names no scope "wirte" \(scopes: read, ingest, edit, admin\)/,
  })
  t.throws(() => loadConfig({ API_KEYS: 'admin:short' }), { message: /API_KEYS entry 1 is shorter than/ })
})

t.test('a bad value stops boot with a message naming it', async (t) => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'eighty' }, /PORT must be integer/],
    [{ PORT: '70000' }, /PORT must be <= 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must match pattern/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be equal to one of the allowed values/],
    [{ BODY_LIMIT: '10' }, /BODY_LIMIT must be >= 1024/],
    [{ REQUIRE_KEY_FOR_READS: 'maybe' }, /REQUIRE_KEY_FOR_READS must be boolean/],
    [{ API_KEYS: 'short' }, new RegExp(`API_KEYS entry 1 is shorter than ${MIN_API_KEY_LENGTH}`)],
    [
      { CORS_ORIGINS: 'https://desk.example.org/' },
      /CORS_ORIGINS entry "https:\/\/desk.example.org\/" is not an origin/,
    ],
    [{ CORS_ORIGINS: 'https://desk.example.org/tools' }, /CORS_ORIGINS entry .* is not an origin/],
    [{ CORS_ORIGINS: 'desk.example.org' }, /CORS_ORIGINS entry "desk.example.org" is not an origin/],
    [{ CORS_ORIGINS: 'ftp://desk.example.org' }, /CORS_ORIGINS entry .* is not an origin/],
    [{ CORS_ORIGINS: 'HTTPS://Desk.Example.org' }, /CORS_ORIGINS entry .* is not an origin/],
    [
      { CLAIM_REVIEW_PUBLISHER_URL: 'factcheck.example.org' },
      /CLAIM_REVIEW_PUBLISHER_URL "factcheck.example.org" is not a web/,
    ],
    [{ CLAIM_REVIEW_PUBLISHER_URL: 'mailto:desk@factcheck.example.org' }, /CLAIM_REVIEW_PUBLISHER_URL .* is not a web/],
    [{ CLAIM_REVIEW_PUBLISHER: '' }, /CLAIM_REVIEW_PUBLISHER must NOT have fewer than 1 characters/],
    [{ CORS_ORIGINS: '*, https://desk.example.org' }, /CORS_ORIGINS entry "\*" is not an origin .*\(\* stands alone\)/],
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, JSON.stringify(env))
  }
  t.type(new ConfigError('x'), Error)
})

t.test('CORS_ORIGINS: origins as browsers send them, or * for any', async (t) => {
  t.same(loadConfig({ CORS_ORIGINS: ' https://desk.example.org , http://localhost:5173,' }).corsOrigins, [
    'https://desk.example.org',
    'http://localhost:5173',
  ])
  t.equal(loadConfig({ CORS_ORIGINS: ' * ' }).corsOrigins, '*')
})
