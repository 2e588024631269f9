import { describe, expect, it } from 'vitest';
import { generateWorld, loadWorld } from '../../src/seed/index.js';
import { Tenant } from '../../src/store/tenant.js';

describe('loadWorld', () => {
  it('loads exactly the world generateWorld makes, with the same fingerprint', async () => {
    const options = { seed: 7, storeHash: 'slices', customers: 300, groups: 4 };
    const world = generateWorld(options);
    const tenant = new Tenant('slices', 'https://api.bigcommerce.com');
    await loadWorld(tenant, options, 37);
    expect(tenant.fingerprint).toBe(world.fingerprint);
    expect([...tenant.customers.all()]).toEqual(world.customers);
    expect([...tenant.addresses.all()]).toEqual(world.addresses);
    expect(tenant.groups.all()).toEqual(world.groups);
  });

  it('yields to the event loop between slices', async () => {
    const tenant = new Tenant('yields', 'https://api.bigcommerce.com');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await loadWorld(tenant, { customers: 20_000, storeHash: 'yields' }, 500);
    clearInterval(timer);
    expect(tenant.customers.size).toBe(20_000);
    expect(ticks).toBeGreaterThan(0);
  });
});
