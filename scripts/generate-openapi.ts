// Writes openapi/openapi.json from the routes of the real app, so the committed document is exactly
// what the service serves at /openapi.json (test/openapi.test.ts fails when the two drift apart).
import { mkdir, writeFile } from 'node:fs/promises'
import { buildOpenApiDocument, OPENAPI_FILE } from '../src/openapi-document.js'

const document = await buildOpenApiDocument()
await mkdir(new URL('.', OPENAPI_FILE), { recursive: true })
await writeFile(OPENAPI_FILE, document)
console.log(`wrote ${OPENAPI_FILE.pathname}`)
