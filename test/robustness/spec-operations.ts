/**
 * Every operation of spec/customers.v2.yaml as one concrete request against a store that holds
 * customer 1 (with address 1) and group 1: derived from the spec, so a new operation is covered
 * (or fails loudly for want of a sample body) without editing the tests.
 */
import { loadSpec } from '../../src/spec.js';
import { newAddress, newCustomer, testApp } from '../helpers.js';

/** One operation, ready to send with the test helper. */
export interface SpecOperation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/stores/{hash}/v2`. */
  path: string;
  body?: unknown;
  write: boolean;
}

/** A valid body for each request schema of the spec. */
const SAMPLE_BODIES: Record<string, unknown> = {
  CustomerCreate: newCustomer(9, { _authentication: { password: 'secret123' } }),
  CustomerUpdate: { notes: 'changed', _authentication: { password: 'secret456' } },
  AddressCreate: newAddress(),
  AddressUpdate: { city: 'Dallas' },
  GroupCreate: { name: 'New group' },
  GroupUpdate: { name: 'Renamed' },
  PasswordCheck: { password: 'secret123' },
};

const IDS: Record<string, string> = { customer_id: '1', customer_address_id: '1', customer_group_id: '1' };
const PREFIX = '/stores/{store_hash}/v2';

interface RawOperation {
  operationId: string;
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
}

/** The spec's operations, in spec order. */
export function specOperations(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [template, item] of Object.entries(loadSpec().paths)) {
    for (const method of ['get', 'post', 'put', 'delete'] as const) {
      const op = item[method] as RawOperation | undefined;
      if (!op) continue;
      const path = template.slice(PREFIX.length).replace(/\{(\w+)\}/g, (_, name: string) => {
        const id = IDS[name];
        if (!id) throw new Error(`no sample value for path parameter ${name}`);
        return id;
      });
      const ref = op.requestBody?.content['application/json'].schema.$ref;
      const schema = ref?.split('/').pop();
      if (schema && !(schema in SAMPLE_BODIES)) throw new Error(`no sample body for ${schema}`);
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase() as SpecOperation['method'],
        path,
        body: schema ? SAMPLE_BODIES[schema] : undefined,
        write: method !== 'get',
      });
    }
  }
  return out;
}

/** A test app whose store holds group 1, customer 1 (password `secret123`, in group 1) and address 1. */
export async function populatedApp(options: Parameters<typeof testApp>[0] = {}) {
  const t = testApp(options);
  const steps = [
    await t.post('/customer_groups', { name: 'Group one' }),
    await t.post(
      '/customers',
      newCustomer(1, { customer_group_id: 1, _authentication: { password: 'secret123' } }),
    ),
    await t.post('/customers/1/addresses', newAddress()),
  ];
  if (steps.some((s) => s.status !== 201)) throw new Error('populatedApp: setup failed');
  return t;
}

/** Everything the store holds, read back through the API (for "nothing changed" checks). */
export async function storeSnapshot(t: Awaited<ReturnType<typeof populatedApp>>): Promise<string> {
  const reads = await Promise.all([
    t.get('/customers?limit=250'),
    t.get('/customer_groups?limit=250'),
    t.get('/customers/1/addresses?limit=250'),
    t.post('/customers/1/validate', { password: 'secret123' }),
  ]);
  return JSON.stringify(reads.map((r) => [r.status, r.body]));
}
