/** Parsers of `serve`'s control flags: `--journal <n>`, `--chaos <preset>`, `--clock <start>`. */
import { InvalidArgumentError } from 'commander';
import { isChaosLevel, type ChaosLevel } from '../control/chaos.js';
import type { ClockStart } from '../control/clock.js';
import { parseInstant } from '../control/time-values.js';

/** A chaos preset: `light` or `heavy`. */
export function parseChaos(value: string): ChaosLevel {
  if (!isChaosLevel(value)) throw new InvalidArgumentError('Use light or heavy.');
  return value;
}

/**
 * Where the virtual clock starts: `real`, `frozen@<ISO 8601>` (stopped there), or `<ISO 8601>`
 * (running from there). Null for real time.
 */
export function parseClockStart(value: string): ClockStart | null {
  if (value === 'real') return null;
  const frozen = value.startsWith('frozen@');
  const at = parseInstant(frozen ? value.slice('frozen@'.length) : value);
  if (at === null)
    throw new InvalidArgumentError(
      'Use real, frozen@<ISO 8601> (e.g. frozen@2024-01-01T00:00:00Z) or <ISO 8601>.',
    );
  return { at, frozen };
}
