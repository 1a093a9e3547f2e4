import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { IngestArticleInput } from '../../schemas/articles.js'
import type { IngestResult } from '../../schemas/resources.js'

/**
 * Loads the articles of a seed folder (a manifest.json plus one text file per article) through the
 * ingest path the API uses, so seeded data is exactly what POSTing the articles would store.
 */
interface SeedManifest {
  articles: Array<Omit<IngestArticleInput, 'text'> & { file: string }>
}

export async function seedArticles(
  directory: string,
  ingest: (input: IngestArticleInput) => Promise<IngestResult>,
  out: NodeJS.WritableStream,
): Promise<IngestResult[]> {
  const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as SeedManifest
  const results: IngestResult[] = []
  for (const { file, ...metadata } of manifest.articles) {
    const text = await readFile(join(directory, file), 'utf8')
    const result = await ingest({ ...metadata, text })
    out.write(`${result.status.padEnd(9)} ${file} → ${result.id} (${result.quoteCount} quotes)\n`)
    results.push(result)
  }
  return results
}
