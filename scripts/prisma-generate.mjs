// Generates the Prisma client from prisma/schema.prisma.
//
// `prisma generate` needs no schema engine, but the CLI still insists that one exists and tries to
// download it when PRISMA_SCHEMA_ENGINE_BINARY is unset, which fails where Prisma's binary host is
// unreachable. It only checks that the file exists, so point it at one we have unless the caller
// set a real engine.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const env = { ...process.env }
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('../package.json', import.meta.url))
env.PRISMA_HIDE_UPDATE_MESSAGE = '1'
const result = spawnSync('prisma', ['generate'], { stdio: 'inherit', env, shell: process.platform === 'win32' })
process.exit(result.status ?? 1)
