import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { openDatabase, type Database } from '../db/database.js'
import type { PrismaClient } from '../generated/prisma/client.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
    prisma: PrismaClient
  }
}

/** Opens (and migrates) the database the configuration names, and closes it with the app. */
async function databasePlugin(fastify: FastifyInstance): Promise<void> {
  const { config } = fastify
  const log = fastify.log.child({ component: 'database' })
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    timeoutMs: config.DATABASE_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    log: { info: log.info.bind(log), warn: log.warn.bind(log), error: log.error.bind(log) },
  })
  log.info({ engine: db.engine }, 'database ready')
  fastify.decorate('db', db)
  fastify.decorate('prisma', db.prisma)
  fastify.addHook('onClose', async () => db.close())
}

export default fp(databasePlugin, { name: 'database', dependencies: ['config'], fastify: '5.x' })
