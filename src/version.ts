import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
/** The service version, from package.json, for the OpenAPI document and logs. */
export const VERSION: string = (require('../package.json') as { version: string }).version
