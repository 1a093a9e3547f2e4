import closeWithGrace from 'close-with-grace'
import Fastify from 'fastify'
import app, { serverOptions } from './app.js'
import { loadConfig, type Config } from './config.js'

let config: Config
try {
  config = loadConfig(process.env)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

const server = Fastify(serverOptions(config))
await server.register(app, { config })

// SIGTERM/SIGINT or an uncaught error: stop accepting, finish what is in flight, close the database;
// give up after 10 s.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  server.log.info({ signal, err }, 'shutting down')
  await server.close()
})

try {
  await server.listen({ port: config.PORT, host: config.HOST })
} catch (error) {
  server.log.fatal({ err: error }, 'could not start')
  process.exit(1)
}
