import { availableParallelism } from 'node:os'
import { MessageChannel } from 'node:worker_threads'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Piscina } from 'piscina'
import { extractQuotes, type ExtractedQuote } from '../domain/extraction/index.js'
import { readArticlePage, type PageReading } from '../domain/html/article-page.js'
import { HttpProblem } from '../http/problem.js'
import type { ExtractionTask } from '../workers/extract-quotes.js'
import type { PageReadingTask } from '../workers/read-article-page.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The quotations in a text, found off the event loop and within the configured time. */
    extractQuotes: (text: string) => Promise<ExtractedQuote[]>
    /** A web page's article and its quotations (src/domain/html), read like a text: off the loop, in time. */
    readArticlePage: (html: string, baseUrl: string | undefined, maxTextLength: number) => Promise<PageReading>
  }
}

export interface ExtractionPluginOptions {
  /** the worker's module; tests give one that cannot start */
  workerFile?: URL
}

/**
 * Extraction is CPU work: linear in the text, but a megabyte of text is seconds of it. Run on the
 * event loop, one such request held every other request — health checks included — for as long
 * (issue: 100,000 quote marks stalled /health for 22 s). Here it runs on a pool of worker threads:
 * the event loop keeps serving while a text is read, a text that takes longer than
 * EXTRACTION_TIMEOUT_MS has its worker stopped and is answered 503, and when every thread is busy
 * and the queue is full a caller is told to come back instead of waiting without bound.
 * EXTRACTION_THREADS=0 extracts on the event loop, with no time limit (a CLI-sized deployment).
 */
async function extractionPlugin(fastify: FastifyInstance, options: ExtractionPluginOptions): Promise<void> {
  const { EXTRACTION_THREADS, EXTRACTION_TIMEOUT_MS: timeoutMs } = fastify.config
  const threads = EXTRACTION_THREADS ?? Math.max(1, availableParallelism() - 1)
  if (threads === 0) {
    fastify.decorate('extractQuotes', async (text: string) => extractQuotes(text))
    fastify.decorate('readArticlePage', async (html: string, baseUrl: string | undefined, maxTextLength: number) =>
      readArticlePage(html, baseUrl, maxTextLength),
    )
    return
  }
  // Waiting tasks beyond this are refused: a queue without bound is memory without bound.
  const maxQueue = threads * 32
  const pool = new Piscina<ExtractionTask | PageReadingTask, ExtractedQuote[] | PageReading>({
    filename: (options.workerFile ?? new URL(`../workers/extract-quotes${SOURCE_EXTENSION}`, import.meta.url)).href,
    // Kept started: a thread stopped for taking too long is replaced at once, not on the next request.
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
  })
  // A thread that cannot start fails the tasks given to it; without a listener it would end the process.
  pool.on('error', (error: Error) => fastify.log.error({ err: error }, 'extraction thread failed'))
  fastify.log.info({ threads, timeoutMs }, 'extraction pool ready')

  /** Runs a task on the pool, refused when the queue is full and stopped when it outlasts the limit. */
  async function runTimed<Result>(
    task: Omit<ExtractionTask, 'started'> | Omit<PageReadingTask, 'started'>,
    name: string,
  ): Promise<Result> {
    if (pool.queueSize >= maxQueue) throw busy()
    // The limit runs from when a thread starts on the text: time spent queued is bounded by the
    // queue's length, and a thread's start-up is not the text's fault.
    const { port1: startedHere, port2: started } = new MessageChannel()
    const stop = new AbortController()
    let timer: NodeJS.Timeout | undefined
    startedHere.once('message', () => (timer = setTimeout(() => stop.abort(), timeoutMs)))
    try {
      return (await pool.run({ ...task, started } as ExtractionTask | PageReadingTask, {
        name,
        signal: stop.signal,
        transferList: [started],
      })) as Result
    } catch (error) {
      throw stop.signal.aborted ? tooSlow(timeoutMs) : error
    } finally {
      clearTimeout(timer)
      startedHere.close()
    }
  }

  fastify.decorate('extractQuotes', (text: string) => runTimed<ExtractedQuote[]>({ text }, 'default'))
  fastify.decorate('readArticlePage', (html: string, baseUrl: string | undefined, maxTextLength: number) =>
    runTimed<PageReading>({ html, baseUrl, maxTextLength }, 'readArticlePageTask'),
  )
  fastify.addHook('onClose', async () => pool.destroy())
}

// The worker is this module's sibling in the same form: compiled .js under dist/, or the .ts source
// when the service runs under a TypeScript loader (tsx, the tests), which loads a worker's entry file
// only by its real name.
const SOURCE_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js'

const busy = () =>
  new HttpProblem(
    'extraction-busy',
    'every extraction thread is busy and the queue is full; retry shortly',
    undefined,
    { headers: { 'retry-after': '1' } },
  )

const tooSlow = (ms: number) =>
  new HttpProblem(
    'extraction-timeout',
    `reading the text took longer than ${ms} ms and was stopped; the server may be busy (retry later) or the text unusually long (send a shorter one)`,
  )

export default fp(extractionPlugin, { name: 'extraction', dependencies: ['config', 'errors'], fastify: '5.x' })
