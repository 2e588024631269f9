/** Pact files on disk: finding them, reading them, and comparing them without machine-specific noise. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A provider state as a pact file names it. */
export interface PactState {
  name: string;
  params?: Record<string, unknown>;
}

/** One interaction of a pact file, as far as this kit reads it (V2 to V4). */
export interface PactInteraction {
  description: string;
  type?: string;
  providerState?: string;
  providerStates?: PactState[];
  request: { method: string; path: string; [key: string]: unknown };
  response: { status: number; [key: string]: unknown };
  [key: string]: unknown;
}

/** A pact file. */
export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata?: Record<string, unknown>;
}

/** The `.json` files of a directory (sorted), or the file itself; an error names a path that is neither. */
export function listPactFiles(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new Error(`No pact file or directory at '${path}'.`);
  }
  if (!stats.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

/**
 * The pact files of the given files and directories, each read and checked: run before anything
 * starts, so a wrong path fails at once with one line naming it.
 */
export function resolvePactFiles(paths: string[]): string[] {
  const files = paths.flatMap(listPactFiles);
  if (files.length === 0) throw new Error(`No pact files (*.json) in ${paths.join(', ')}.`);
  for (const file of files) readPact(file);
  return files;
}

/** Reads and checks a pact file; an error names the file and what is wrong with it. */
export function readPact(file: string): PactFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(
      `'${file}' is not a readable JSON pact: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const pact = parsed as Partial<PactFile>;
  if (!pact.consumer?.name || !pact.provider?.name || !Array.isArray(pact.interactions)) {
    throw new Error(`'${file}' is not a pact: it needs consumer.name, provider.name and interactions.`);
  }
  return pact as PactFile;
}

/** The state sentences of an interaction, whatever the pact version. */
export function interactionStates(interaction: PactInteraction): PactState[] {
  if (interaction.providerStates) return interaction.providerStates;
  return interaction.providerState ? [{ name: interaction.providerState }] : [];
}

/** How an interaction is named in reports: its description and its states. */
export function describeInteraction(interaction: PactInteraction): string {
  const states = interactionStates(interaction).map((s) => s.name);
  return states.length
    ? `${interaction.description} (given ${states.join(' and ')})`
    : interaction.description;
}

/**
 * A pact without what varies by machine (library versions in `metadata`, interaction order), for
 * comparing a freshly written pact with the committed one.
 */
export function normalizePact(pact: PactFile): unknown {
  const spec = (pact.metadata?.pactSpecification as { version?: string } | undefined)?.version;
  return {
    consumer: pact.consumer,
    provider: pact.provider,
    interactions: [...pact.interactions].sort((a, b) =>
      describeInteraction(a).localeCompare(describeInteraction(b)),
    ),
    pactSpecification: spec ?? null,
  };
}
