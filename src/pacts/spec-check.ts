/**
 * Pact ↔ spec check: every interaction of every pact checked against the OpenAPI spec with
 * @pactflow/swagger-mock-validator, so a consumer cannot expect what the spec does not promise.
 */
import type { ValidationResult } from '@pactflow/swagger-mock-validator';
import { loadMockValidator } from './mock-validator.js';
import { describeInteraction, listPactFiles, readPact, type PactFile } from './pact-files.js';

/** One thing the spec does not allow (or, for warnings, does not describe). */
export interface SpecFinding {
  /** The interaction, named by description and states. */
  interaction: string;
  /** The validator's code, e.g. `response.body.incompatible`. */
  code: string;
  message: string;
  /** Where in the pact, e.g. `[root].interactions[3].response.body.store_credit`. */
  pactLocation: string;
  /** Where in the spec. */
  specLocation: string;
}

/** The outcome for one pact file. */
export interface PactSpecResult {
  file: string;
  consumer: string;
  provider: string;
  interactions: number;
  errors: SpecFinding[];
  warnings: SpecFinding[];
}

/** The outcome of `checkPactsAgainstSpec`. */
export interface SpecCheckReport {
  ok: boolean;
  spec: string;
  pacts: PactSpecResult[];
}

/** Options of `checkPactsAgainstSpec`. */
export interface SpecCheckOptions {
  /** The OpenAPI file (or URL). */
  spec: string;
  /** Pact files, or directories of them. */
  pacts: string[];
}

const INTERACTION_INDEX = /^\[root\]\.interactions\[(\d+)\]/;

function toFinding(result: ValidationResult, pact: PactFile): SpecFinding {
  const location = result.mockDetails?.location ?? '';
  const index = INTERACTION_INDEX.exec(location)?.[1];
  const interaction = index === undefined ? undefined : pact.interactions[Number(index)];
  return {
    interaction: interaction
      ? describeInteraction(interaction)
      : (result.mockDetails?.interactionDescription ?? '(the pact as a whole)'),
    code: result.code,
    message: result.message,
    pactLocation: location,
    specLocation: result.specDetails?.location ?? '',
  };
}

/** Checks each pact against the spec; `ok` is false when any interaction breaks it. */
export async function checkPactsAgainstSpec(options: SpecCheckOptions): Promise<SpecCheckReport> {
  const files = options.pacts.flatMap(listPactFiles);
  if (files.length === 0) throw new Error(`No pact files (*.json) in ${options.pacts.join(', ')}.`);
  const { SwaggerMockValidatorFactory } = await loadMockValidator();
  const validator = SwaggerMockValidatorFactory.create();
  const pacts: PactSpecResult[] = [];
  for (const file of files) {
    const pact = readPact(file);
    const outcome = await validator.validate({ mockPathOrUrl: file, specPathOrUrl: options.spec });
    pacts.push({
      file,
      consumer: pact.consumer.name,
      provider: pact.provider.name,
      interactions: pact.interactions.length,
      errors: outcome.errors.map((r) => toFinding(r, pact)),
      warnings: outcome.warnings.map((r) => toFinding(r, pact)),
    });
  }
  return { ok: pacts.every((p) => p.errors.length === 0), spec: options.spec, pacts };
}

function findingLines(mark: string, f: SpecFinding): string[] {
  return [
    `  ${mark} ${f.interaction}`,
    `      ${f.code}: ${f.message}`,
    `      pact: ${f.pactLocation}`,
    ...(f.specLocation ? [`      spec: ${f.specLocation}`] : []),
  ];
}

/** The report as a person reads it: one block per pact, one entry per finding. */
export function formatSpecCheckReport(report: SpecCheckReport): string {
  const lines: string[] = [];
  for (const p of report.pacts) {
    const verdict = p.errors.length === 0 ? 'OK' : `FAILED (${p.errors.length} error(s))`;
    lines.push(`${p.consumer} → ${p.provider} (${p.file}): ${p.interactions} interactions, ${verdict}`);
    for (const f of p.errors) lines.push(...findingLines('✗', f));
    for (const f of p.warnings) lines.push(...findingLines('!', f));
  }
  const failed = report.pacts.filter((p) => p.errors.length > 0).length;
  lines.push(
    report.ok
      ? `Every interaction of ${report.pacts.length} pact(s) is allowed by ${report.spec}.`
      : `${failed} of ${report.pacts.length} pact(s) expect what ${report.spec} does not allow.`,
  );
  return lines.join('\n');
}
