/**
 * Loads @pactflow/swagger-mock-validator. The package ships it bundled in dist/vendor/ (bin/build.js
 * explains why it is not a dependency); from the sources it comes from node_modules.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { packageFile, RUNNING_FROM_SOURCES } from '../package-files.js';

type MockValidator = typeof import('@pactflow/swagger-mock-validator');

/** The bundled copy, built into dist/vendor/. */
const VENDORED = packageFile('dist', 'vendor', 'swagger-mock-validator.js');

export async function loadMockValidator(): Promise<MockValidator> {
  if (!RUNNING_FROM_SOURCES && existsSync(VENDORED))
    return (await import(pathToFileURL(VENDORED).href)) as MockValidator;
  return import('@pactflow/swagger-mock-validator');
}
