/** OpenAPI security requirements: writes always need a key; reads may (REQUIRE_KEY_FOR_READS). */
type SecurityRequirement = Record<string, string[]>
export const WRITE_SECURITY: SecurityRequirement[] = [{ apiKey: [] }]
export const READ_SECURITY: SecurityRequirement[] = [{}, { apiKey: [] }]
