/**
 * Engine operations are generator functions, so that one piece of rule code runs on every backend.
 *
 * An operation writes `const c = yield* view.customer(id)` where async code would write `await`.
 * A synchronous backend (memory, SQLite) answers each call without yielding, so the whole
 * operation, rules and writes, runs in one synchronous step: atomic, with no interleaving and no
 * promise per call. An asynchronous backend (PostgreSQL, later) yields promises, and `run` awaits
 * them. Read more in docs/architecture.md.
 */

/** An operation that ends with a T; it yields only promises, and only on asynchronous backends. */
export type Op<T> = Generator<Promise<unknown>, T, unknown>;

/** Drives an operation: synchronously to its end when it never yields, else through its promises. */
export function run<T>(op: Op<T>): T | Promise<T> {
  const step = op.next();
  return step.done ? step.value : finish(op, step.value);
}

async function finish<T>(op: Op<T>, first: Promise<unknown>): Promise<T> {
  let pending = first;
  for (;;) {
    let value: unknown;
    let failure: { error: unknown } | undefined;
    try {
      value = await pending;
    } catch (error) {
      failure = { error };
    }
    // A failed call is thrown into the operation where it yielded, which may handle it.
    const step = failure ? op.throw(failure.error) : op.next(value);
    if (step.done) return step.value;
    pending = step.value;
  }
}

/** Drives an operation that must not wait (a synchronous backend inside its transaction). */
export function runSync<T>(op: Op<T>): T {
  const step = op.next();
  if (!step.done) throw new Error('an operation waited on a synchronous backend');
  return step.value;
}

/** `next(value)` at once for a plain value, or once a promise settles: sync work stays sync. */
export function andThen<T, U>(value: T | Promise<T>, next: (v: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
