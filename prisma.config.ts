import { defineConfig } from 'prisma/config'

// Used by the Prisma CLI only (generate, and migrate status/deploy where Prisma's engines can be had).
// The service never reads this file: it applies prisma/migrations itself, see src/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/verbatim' },
})
