/** A mistake in how the CLI was called: reported as its message alone, with exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
