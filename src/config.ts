import envSchema from 'env-schema'
import { Type, type Static } from 'typebox'
import { DEFAULT_SCOPES, parseScopes, SCOPES, type Scope } from './http/scopes.js'

/**
 * Everything the service can be told from its environment, validated once at boot. Code reads the
 * result from `fastify.config`; nothing below src/ reads process.env.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'production', 'test'], { default: 'development' }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'postgres://… ; unset: embedded PGlite under DATA_DIR' }),
  ),
  DATABASE_POOL_SIZE: Type.Integer({ default: 10, minimum: 1, maximum: 200 }),
  DATA_DIR: Type.String({
    default: './data',
    minLength: 1,
    description: 'where the embedded database lives; memory:// keeps it in memory (tests)',
  }),
  API_KEYS: Type.String({
    default: '',
    description:
      'comma-separated keys, each optionally prefixed by its scopes ("edit+ingest:KEY"); a key without a prefix may read and ingest',
  }),
  REQUIRE_KEY_FOR_READS: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  BODY_LIMIT: Type.Integer({ default: 2 * 1024 * 1024, minimum: 1024, maximum: 100 * 1024 * 1024 }),
  BATCH_MAX_LINES: Type.Integer({
    default: 100,
    minimum: 1,
    maximum: 10_000,
    description: 'most lines in one batch (POST /v1/articles:batch, /v1/verify:batch)',
  }),
  BATCH_BODY_LIMIT: Type.Integer({
    default: 32 * 1024 * 1024,
    minimum: 1024,
    maximum: 1024 * 1024 * 1024,
    description: 'largest batch body in bytes; each line is also held to BODY_LIMIT',
  }),
  RATE_LIMIT_MAX: Type.Integer({ default: 600, minimum: 1, description: 'requests per window per key or IP' }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({ default: 60_000, minimum: 1000 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  CORS_ORIGINS: Type.String({
    default: '',
    description:
      'comma-separated origins (scheme://host[:port]) whose pages may call the API from a browser; * for any; empty: none',
  }),
  EXTRACTION_THREADS: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 64,
      description:
        'worker threads that find quotations; unset: one fewer than the cores (at least 1); 0: on the event loop',
    }),
  ),
  EXTRACTION_TIMEOUT_MS: Type.Integer({
    default: 10_000,
    minimum: 100,
    description: 'longest one text may take to extract before it is stopped and answered 503',
  }),
  DATABASE_TIMEOUT_MS: Type.Integer({
    default: 5000,
    minimum: 100,
    description: 'connect, pool-acquire and ready-check timeout',
  }),
  CLAIM_REVIEW_PUBLISHER: Type.String({
    default: 'Verbatim',
    minLength: 1,
    maxLength: 200,
    description: 'the organisation named as the author of the ClaimReviews the service publishes',
  }),
  CLAIM_REVIEW_PUBLISHER_URL: Type.Optional(
    Type.String({ description: 'its web site (http or https); unset: the address the API is reached at' }),
  ),
  WEBHOOKS: Type.Boolean({
    default: true,
    description:
      'run the webhook worker in this process: dispatch events to subscribers and deliver them; off, events wait for a process that runs it',
  }),
  WEBHOOK_TIMEOUT_MS: Type.Integer({
    default: 10_000,
    minimum: 100,
    maximum: 120_000,
    description: 'how long a receiver has to answer a delivery',
  }),
  WEBHOOK_RETRY_LIMIT: Type.Integer({
    default: 8,
    minimum: 0,
    maximum: 50,
    description: 'attempts after the first before a delivery is marked failed',
  }),
  WEBHOOK_RETRY_DELAY_SECONDS: Type.Integer({
    default: 30,
    minimum: 1,
    maximum: 3600,
    description: 'the first retry’s delay; each next one doubles, with jitter',
  }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({
    default: 15_000,
    minimum: 100,
    description: 'longest a statement may run (Postgres); a server silent for a second more is given up on',
  }),
})

/** A key given in API_KEYS, with what it may do. */
export interface ConfiguredKey {
  key: string
  scopes: Scope[]
}

export type Config = Static<typeof ConfigSchema> & {
  /** API_KEYS split, trimmed, empty entries dropped, each with its scopes */
  apiKeys: ConfiguredKey[]
  /** CORS_ORIGINS as origins, or '*' for any */
  corsOrigins: string[] | '*'
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Minimum length of a key given in API_KEYS: short keys are guessable, so boot refuses them. */
export const MIN_API_KEY_LENGTH = 16

export function loadConfig(env: Record<string, string | undefined>): Config {
  let raw: Static<typeof ConfigSchema>
  try {
    raw = envSchema<Static<typeof ConfigSchema>>({ schema: ConfigSchema, data: env, env: false, dotenv: false })
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${(error as Error).message}`)
  }
  const apiKeys = raw.API_KEYS.split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry, index) => parseKeyEntry(entry, index + 1))
  const short = apiKeys.findIndex(({ key }) => key.length < MIN_API_KEY_LENGTH)
  if (short !== -1) {
    throw new ConfigError(
      `invalid configuration: API_KEYS entry ${short + 1} is shorter than ${MIN_API_KEY_LENGTH} characters`,
    )
  }
  checkPublisherUrl(raw.CLAIM_REVIEW_PUBLISHER_URL)
  return { ...raw, apiKeys, corsOrigins: parseOrigins(raw.CORS_ORIGINS) }
}

/**
 * "KEY" or "SCOPES:KEY", SCOPES being scope names joined by "+". A prefix of lower-case letters and "+" before
 * the first colon is read as scopes, and one naming no scope stops boot: a misspelt scope must not leave a key
 * with other rights than meant.
 */
function parseKeyEntry(entry: string, position: number): ConfiguredKey {
  const prefix = /^([a-z+]+):(.*)$/.exec(entry)
  if (!prefix) return { key: entry, scopes: [...DEFAULT_SCOPES] }
  const parsed = parseScopes(prefix[1] as string)
  if ('unknown' in parsed) {
    throw new ConfigError(
      `invalid configuration: API_KEYS entry ${position} names no scope ${JSON.stringify(parsed.unknown.join('+'))} (scopes: ${SCOPES.join(', ')})`,
    )
  }
  return { key: prefix[2] as string, scopes: parsed.scopes }
}

/** The reviewing organisation's site is printed in every ClaimReview: an address no reader could open is refused. */
function checkPublisherUrl(value: string | undefined): void {
  if (value === undefined) return
  let protocol: string | null = null
  try {
    protocol = new URL(value).protocol
  } catch {
    protocol = null
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError(
      `invalid configuration: CLAIM_REVIEW_PUBLISHER_URL "${value}" is not a web address such as https://factcheck.example.org`,
    )
  }
}

/**
 * CORS_ORIGINS as a list of origins, each exactly as a browser sends it in its Origin header
 * ("https://desk.example.org", no path, no trailing slash): an entry in any other form would never
 * match, so boot refuses it rather than leave a browser tool mysteriously blocked.
 */
function parseOrigins(value: string): string[] | '*' {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  if (entries.length === 1 && entries[0] === '*') return '*'
  for (const entry of entries) {
    let origin: string | null = null
    try {
      const url = new URL(entry)
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin
    } catch {
      origin = null
    }
    if (origin !== entry) {
      throw new ConfigError(
        `invalid configuration: CORS_ORIGINS entry "${entry}" is not an origin such as https://desk.example.org` +
          (entries.includes('*') ? ' (* stands alone)' : ''),
      )
    }
  }
  return entries
}
