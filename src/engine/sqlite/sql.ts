/**
 * Kysely as a query compiler only: queries are built with its typed builders and compiled for
 * SQLite (no driver runs them), then executed synchronously through better-sqlite3 statements,
 * prepared once per SQL text. A PostgreSQL backend compiles the same builders with its dialect.
 *
 * A query is compiled once into a `Template`: its builder gets `slot(i)` placeholders where the
 * call's arguments go, and running it binds the arguments in the order the SQL needs them.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type { Tables } from './schema.js';

/** Builds and compiles queries for SQLite; it cannot execute anything. */
export const qb = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const SLOT = Symbol('slot');
interface Slot {
  [SLOT]: number;
}

/** The placeholder of argument `i` in a template's builder (typed to fit wherever a value goes). */
export const slot = (i: number): never => ({ [SLOT]: i }) as Slot as never;

const isSlot = (value: unknown): value is Slot =>
  typeof value === 'object' && value !== null && SLOT in value;

/** A compiled query: its SQL, and where each argument goes. */
export interface Template {
  readonly sql: string;
  /** The parameters for a call's arguments. */
  bind(args: readonly unknown[]): unknown[];
}

/** Compiles a query whose builder used `slot(i)` for the arguments (other values stay fixed). */
export function template(query: Compilable): Template {
  const { sql, parameters } = query.compile();
  const from = parameters.map((p) => (isSlot(p) ? p[SLOT] : -1));
  const fixed = parameters.map((p) => (isSlot(p) ? undefined : p));
  const identity = from.every((slotIndex, position) => slotIndex === position);
  return {
    sql,
    bind: identity
      ? (args) => args as unknown[]
      : (args) => from.map((slotIndex, position) => (slotIndex < 0 ? fixed[position] : args[slotIndex])),
  };
}

/** Compiles a query that takes no arguments, or a statement of the schema. */
export const fixedSql = (query: Compilable): string => query.compile().sql;

/** Runs templates on one connection, each SQL text prepared once. */
export class Runner {
  private readonly prepared = new Map<string, Statement>();
  private readonly plucked = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  /** The prepared statement of a SQL text. */
  statement(sql: string): Statement {
    let s = this.prepared.get(sql);
    if (!s) this.prepared.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** The first row, or undefined. */
  get<R>(t: Template, args: readonly unknown[]): R | undefined {
    return this.statement(t.sql).get(t.bind(args)) as R | undefined;
  }

  /** Every row. */
  all<R>(t: Template, args: readonly unknown[]): R[] {
    return this.statement(t.sql).all(t.bind(args)) as R[];
  }

  /** The first column of every row. */
  column<V>(t: Template, args: readonly unknown[]): V[] {
    let s = this.plucked.get(t.sql);
    if (!s) this.plucked.set(t.sql, (s = this.db.prepare(t.sql).pluck(true)));
    return s.all(t.bind(args)) as V[];
  }

  /** Runs a write; returns how many rows it changed. */
  run(t: Template, args: readonly unknown[]): number {
    return this.statement(t.sql).run(t.bind(args)).changes;
  }

  /** Runs a write and returns the new row's rowid. */
  insertId(t: Template, args: readonly unknown[]): number {
    return Number(this.statement(t.sql).run(t.bind(args)).lastInsertRowid);
  }
}
