import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from './config.js'
import { clientErrorHandler, frameworkErrors } from './http/framework-errors.js'
import { requestIdOf } from './http/request-id.js'
import { serializeError } from './http/log-serializers.js'
import { validatorCompiler } from './http/validation.js'
import authPlugin from './plugins/auth.js'
import configPlugin from './plugins/config.js'
import corsPlugin from './plugins/cors.js'
import databasePlugin from './plugins/database.js'
import errorsPlugin from './plugins/errors.js'
import extractionPlugin from './plugins/extraction.js'
import refusalLimitPlugin from './plugins/refusal-limit.js'
import requestIdPlugin from './plugins/request-id.js'
import securityPlugin from './plugins/security.js'
import swaggerPlugin from './plugins/swagger.js'
import webhooksPlugin from './plugins/webhooks.js'
import healthRoutes from './routes/health.js'
import pageRoutes from './routes/pages.js'
import problemRoutes from './routes/problems.js'
import articleRoutes from './routes/v1/articles.js'
import auditRoutes from './routes/v1/audit.js'
import batchRoutes from './routes/v1/batch.js'
import catalogRoutes from './routes/v1/catalog.js'
import claimRoutes from './routes/v1/claims.js'
import articleHistoryRoutes from './routes/v1/article-history.js'
import claimCorrectionRoutes from './routes/v1/claim-corrections.js'
import claimNoteRoutes from './routes/v1/claim-notes.js'
import correctionRoutes from './routes/v1/corrections.js'
import speakerCorrectionRoutes from './routes/v1/speaker-corrections.js'
import extractRoutes from './routes/v1/extract.js'
import factCheckRoutes from './routes/v1/fact-check.js'
import keyRoutes from './routes/v1/keys.js'
import webhookRoutes from './routes/v1/webhooks.js'

export interface AppOptions {
  config: Config
}

/** Options of the Fastify instance the app is registered on (by src/server.ts, and by the tests). */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: {
      level: config.LOG_LEVEL,
      redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
      // Errors by kind, message, stack and codes only: driver errors carry secrets (src/http/log-serializers.ts).
      serializers: { err: serializeError },
    },
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    // The caller's x-request-id when it is a plain token (so a client can follow its own id into the log), a
    // fresh UUID otherwise; src/plugins/request-id.ts returns it on every answer.
    requestIdHeader: false,
    genReqId: requestIdOf,
    return503OnClosing: true,
    // Opening the database applies its migrations first: on a busy machine that outlasts Fastify's
    // default 10 s for a plugin, and a server that gives up on a healthy database helps nobody.
    pluginTimeout: 120_000,
    // What the router and Node's HTTP parser refuse is answered as a problem too (src/http/framework-errors.ts).
    frameworkErrors,
    clientErrorHandler,
  }
}

/** The whole service: its plugins, in dependency order, then its routes. */
async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  fastify.setValidatorCompiler(validatorCompiler)
  // The API speaks JSON only: a text/plain body is refused with 415 rather than read as a string.
  fastify.removeContentTypeParser('text/plain')
  await fastify.register(configPlugin, { config: options.config })
  await fastify.register(requestIdPlugin)
  await fastify.register(errorsPlugin)
  // Before authentication: a browser's preflight carries no key.
  await fastify.register(corsPlugin)
  // Before authentication: an address that keeps being refused is turned away before its key is looked up.
  await fastify.register(refusalLimitPlugin)
  await fastify.register(databasePlugin)
  await fastify.register(extractionPlugin)
  await fastify.register(webhooksPlugin)
  await fastify.register(authPlugin)
  await fastify.register(securityPlugin)
  await fastify.register(swaggerPlugin)
  await fastify.register(healthRoutes)
  await fastify.register(problemRoutes)
  await fastify.register(
    async (v1) => {
      await v1.register(articleRoutes)
      await v1.register(articleHistoryRoutes)
      await v1.register(auditRoutes)
      await v1.register(batchRoutes)
      await v1.register(catalogRoutes)
      await v1.register(claimRoutes)
      await v1.register(claimCorrectionRoutes)
      await v1.register(claimNoteRoutes)
      await v1.register(correctionRoutes)
      await v1.register(extractRoutes)
      await v1.register(factCheckRoutes)
      await v1.register(keyRoutes)
      await v1.register(speakerCorrectionRoutes)
      await v1.register(webhookRoutes)
    },
    { prefix: '/v1' },
  )
  // Pages for editors (outside /v1: they are not the API), with an error handler of their own that answers HTML.
  await fastify.register(pageRoutes)
}

export default fp(app, { name: 'verbatim', fastify: '5.x' })
