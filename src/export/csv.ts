/** CSV as the exports write it (RFC 4180 quoting, LF line ends): columns are the API's field names. */
import { loadSpec } from '../spec.js';

/** The kinds of entity an export holds, as file names. */
export type EntityKind = 'groups' | 'customers' | 'addresses';

/** The spec schema that describes each kind's API representation. */
export const KIND_SCHEMA: Record<EntityKind, string> = {
  groups: 'CustomerGroup',
  customers: 'Customer',
  addresses: 'Address',
};

/** The columns of a kind: the field names of its API representation, in the spec's (the platform's) order. */
export function csvColumns(kind: EntityKind): string[] {
  const schema = loadSpec().components.schemas[KIND_SCHEMA[kind]];
  return Object.keys(schema?.properties ?? {});
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: text as is, numbers and booleans as JSON, null empty, objects and lists JSON-encoded. */
export function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line (with its `\n`) of cells. */
export const csvLine = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\n`;
