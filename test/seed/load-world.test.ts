import { describe, expect, it } from 'vitest';
import type { WorldRecords } from '../../src/domain/records.js';
import { generateWorld, worldFill } from '../../src/seed/index.js';

/** Reads a fill through, as a backend does. */
async function collect(fill: ReturnType<typeof worldFill>): Promise<WorldRecords & { batches: number }> {
  const out: WorldRecords & { batches: number } = { groups: [], customers: [], addresses: [], batches: 0 };
  for await (const b of fill.batches()) {
    out.batches++;
    out.groups.push(...(b.groups ?? []));
    out.customers.push(...(b.customers ?? []));
    out.addresses.push(...(b.addresses ?? []));
  }
  return out;
}

describe('worldFill', () => {
  it('gives exactly the world generateWorld makes, with the same fingerprint', async () => {
    const options = { seed: 7, storeHash: 'slices', customers: 300, groups: 4 };
    const world = generateWorld(options);
    const fill = worldFill(options, 37);
    const got = await collect(fill);
    expect(fill.fingerprint()).toBe(world.fingerprint);
    expect(got.customers).toEqual(world.customers);
    expect(got.addresses).toEqual(world.addresses);
    expect(got.groups).toEqual(world.groups);
    expect(got.batches).toBe(1 + Math.ceil(300 / 37));
  });

  it('yields to the event loop between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const got = await collect(worldFill({ customers: 20_000, storeHash: 'yields' }, 500));
    clearInterval(timer);
    expect(got.customers).toHaveLength(20_000);
    expect(ticks).toBeGreaterThan(0);
  });
});
