import type { TestProject } from 'vitest/node';
import { startFakeServer } from 'bc-fakestore/testing';

// One fake for the whole run; each test file (and test) takes a store of its own.
export default async function setup(project: TestProject) {
  const fake = await startFakeServer();
  project.provide('fakeUrl', fake.url);
  return () => fake.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    fakeUrl: string;
  }
}
