/**
 * How a speaker named in one article is recognised in another: by comparison keys of the names and
 * aliases articles use for them. Pure; the service stores the keys and looks them up.
 */

/** Lowercase, without accents, curly apostrophes or a leading article, spaces collapsed. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' .-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|a|an) /, '')
}

/** A URL-safe identifier made from a name: "Claudia Sheinbaum" → "claudia-sheinbaum". */
export function slugify(name: string): string {
  return nameKey(name)
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Whether a name identifies someone across articles. "Claudia Sheinbaum", "the White House" and
 * "Trump administration" do; "the spokesman" or "a senator" are roles that mean a different person
 * in every article, so quotes attributed to them keep their mention but join no shared speaker.
 */
export function isProperName(name: string): boolean {
  return name
    .trim()
    .replace(/^(the|a|an)\s+/i, '')
    .split(/\s+/)
    .some((word) => /^\p{Lu}/u.test(word))
}

export interface SpeakerMention {
  /** the canonical name the article gives */
  name: string
  title: string | null
  kind: 'person' | 'organisation'
  /** the words of the mention next to the cue, when it is a name */
  mentionText: string | null
}

/**
 * The names this mention teaches us the speaker goes by: the canonical name, the title with the name
 * ("Mexican President Claudia Sheinbaum"), a person's surname, and a named mention as written.
 */
export function aliasesOf(mention: SpeakerMention): string[] {
  const aliases = [mention.name]
  if (mention.title) aliases.push(`${mention.title} ${mention.name}`)
  const words = mention.name.split(/\s+/)
  if (mention.kind === 'person' && words.length > 1) aliases.push(words[words.length - 1]!)
  if (mention.mentionText && isProperName(mention.mentionText)) aliases.push(mention.mentionText)
  const seen = new Set<string>()
  return aliases.filter((alias) => {
    const key = nameKey(alias)
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}
