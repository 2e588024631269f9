/** Vitest setup of every test file: the backends the helpers opened are closed and removed after it. */
import { afterAll } from 'vitest';
import { closeTestBackends } from './helpers.js';

afterAll(closeTestBackends);
