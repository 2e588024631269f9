/**
 * Loads @pactflow/swagger-mock-validator. The package ships it bundled in dist/vendor/ (bin/build.js
 * explains why it is not a dependency); from the sources it comes from node_modules.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type MockValidator = typeof import('@pactflow/swagger-mock-validator');

/** The bundled copy beside the built code: dist/vendor/ seen from dist/pacts/. */
const VENDORED = new URL('../vendor/swagger-mock-validator.js', import.meta.url);

export async function loadMockValidator(): Promise<MockValidator> {
  if (existsSync(fileURLToPath(VENDORED))) return (await import(VENDORED.href)) as MockValidator;
  return import('@pactflow/swagger-mock-validator');
}
