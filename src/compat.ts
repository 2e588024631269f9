/**
 * Compatibility switches: behaviours the behaviour sheet marks as low confidence, each chosen in
 * one place, documented in the spec (`x-fidelity`) and switchable with `serve --compat key=value`
 * or the `compat` option. The defaults are the most plausible reading of the evidence.
 */

/** The switchable behaviours and their values. */
export interface Compat {
  /** `limit` above 250: the status-codes page's 413 (default), or served as 250 (sheet 1.5). */
  limitOverMax: '413' | 'clamp';
  /** Status of a create: 201 Created (default), or the 200 the customers document lists (sheet 6.7). */
  createStatus: 201 | 200;
  /** Group dates: `2023-07-17 06:30:41` as the document's examples show (default), or RFC 2822 (sheet 2.3). */
  groupDates: 'sql' | 'rfc2822';
}

/** The defaults. */
export const DEFAULT_COMPAT: Readonly<Compat> = { limitOverMax: '413', createStatus: 201, groupDates: 'sql' };

/** Each switch as written on the command line (`--compat create-status=200`) and its values. */
export const COMPAT_KEYS: Readonly<Record<string, { key: keyof Compat; values: readonly string[] }>> = {
  'limit-over-max': { key: 'limitOverMax', values: ['413', 'clamp'] },
  'create-status': { key: 'createStatus', values: ['201', '200'] },
  'group-dates': { key: 'groupDates', values: ['sql', 'rfc2822'] },
};

/** Applies one `key=value`; throws an Error naming the keys or values it accepts. */
export function parseCompat(text: string, into: Partial<Compat> = {}): Partial<Compat> {
  const [name = '', value = ''] = text.split('=', 2).map((s) => s.trim());
  const entry = COMPAT_KEYS[name];
  if (!entry) throw new Error(`unknown compat key '${name}'; use ${Object.keys(COMPAT_KEYS).join(', ')}`);
  if (!entry.values.includes(value)) {
    throw new Error(`compat ${name} takes ${entry.values.join(' or ')}, not '${value}'`);
  }
  const out: Record<string, unknown> = { ...into };
  out[entry.key] = entry.key === 'createStatus' ? Number(value) : value;
  return out as Partial<Compat>;
}
