/** Consumer pacts of the customer-group operations. */
import { MatchersV3 } from '@pact-foundation/pact';
import { expect } from 'vitest';
import {
  clientAt,
  clientHeaders,
  countShape,
  groupShape,
  statePath,
  storePath,
  type ContractCase,
} from './pact-shapes.js';

const { eachLike } = MatchersV3;

const NAME = 'Wholesale';
const WITH_GROUP = 'a customer group named {name} exists';
const ONE = { groupId: 1 };

/** The customer-group cases. */
export const groupCases: ContractCase[] = [
  {
    behaviour: 'lists customer groups',
    interaction: (i) =>
      i
        .given(WITH_GROUP, { name: NAME })
        .uponReceiving('a request for the customer groups')
        .withRequest('GET', storePath('/customer_groups'), (r) => r.headers(clientHeaders()))
        .willRespondWith(200, (r) => r.jsonBody(eachLike(groupShape(), 1))),
    async run(url) {
      const groups = await clientAt(url).listCustomerGroups();
      expect(groups.length).toBeGreaterThan(0);
      expect(groups[0]?.category_access.type).toBe('all');
    },
  },
  {
    behaviour: 'creates a customer group',
    interaction: (i) =>
      i
        .given('no customer groups exist')
        .uponReceiving('a request to create a customer group')
        .withRequest('POST', storePath('/customer_groups'), (r) =>
          r.headers(clientHeaders()).jsonBody({ name: NAME }),
        )
        .willRespondWith(201, (r) => r.jsonBody(groupShape({ name: NAME }))),
    async run(url) {
      const group = await clientAt(url).createCustomerGroup({ name: NAME });
      expect(group).toMatchObject({ name: NAME, is_default: false });
    },
  },
  {
    behaviour: 'gets a customer group by id',
    interaction: (i) =>
      i
        .given(WITH_GROUP, { name: NAME })
        .uponReceiving('a request for a customer group')
        .withRequest('GET', statePath('/customer_groups/${groupId}', ONE), (r) => r.headers(clientHeaders()))
        .willRespondWith(200, (r) => r.jsonBody(groupShape({ name: NAME }))),
    async run(url) {
      expect(await clientAt(url).getCustomerGroup(1)).toMatchObject({ id: 1, name: NAME });
    },
  },
  {
    behaviour: 'renames a customer group',
    interaction: (i) =>
      i
        .given(WITH_GROUP, { name: NAME })
        .uponReceiving('a request to rename a customer group')
        .withRequest('PUT', statePath('/customer_groups/${groupId}', ONE), (r) =>
          r.headers(clientHeaders()).jsonBody({ name: 'Retail' }),
        )
        .willRespondWith(200, (r) => r.jsonBody(groupShape({ name: 'Retail' }))),
    async run(url) {
      expect((await clientAt(url).updateCustomerGroup(1, { name: 'Retail' })).name).toBe('Retail');
    },
  },
  {
    behaviour: 'deletes a customer group',
    interaction: (i) =>
      i
        .given(WITH_GROUP, { name: NAME })
        .uponReceiving('a request to delete a customer group')
        .withRequest('DELETE', statePath('/customer_groups/${groupId}', ONE), (r) =>
          r.headers(clientHeaders()),
        )
        .willRespondWith(204),
    async run(url) {
      await expect(clientAt(url).deleteCustomerGroup(1)).resolves.toBeUndefined();
    },
  },
  {
    behaviour: 'counts customer groups',
    interaction: (i) =>
      i
        .given(WITH_GROUP, { name: NAME })
        .uponReceiving('a request for the number of customer groups')
        .withRequest('GET', storePath('/customer_groups/count'), (r) => r.headers(clientHeaders()))
        .willRespondWith(200, (r) => r.jsonBody(countShape(1))),
    async run(url) {
      expect(await clientAt(url).countCustomerGroups()).toBe(1);
    },
  },
];
