import Fastify from 'fastify'
import app, { serverOptions } from './app.js'
import { loadConfig } from './config.js'

export const OPENAPI_FILE = new URL('../openapi/openapi.json', import.meta.url)

/** The OpenAPI document as served, serialised the way it is committed (2-space JSON, final newline). */
export async function buildOpenApiDocument(): Promise<string> {
  // The document depends only on the routes, so an in-memory database and no keys will do.
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://' })
  const fastify = Fastify(serverOptions(config))
  await fastify.register(app, { config })
  await fastify.ready()
  try {
    return `${JSON.stringify(fastify.swagger(), null, 2)}\n`
  } finally {
    await fastify.close()
  }
}
