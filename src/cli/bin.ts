#!/usr/bin/env node
// The `verbatim` executable: everything it does is in main(), which the tests call directly.
import { main } from './verbatim.js'

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
})
