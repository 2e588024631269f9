/** Consumer pacts of the address operations: nested under their customer, ids from the provider state. */
import { MatchersV3 } from '@pact-foundation/pact';
import { expect } from 'vitest';
import type { AddressCreate } from '../../src/types.js';
import {
  addressShape,
  clientAt,
  clientHeaders,
  expectApiError,
  notFoundBody,
  statePath,
  type ContractCase,
} from './pact-shapes.js';

const { eachLike } = MatchersV3;

const WITH_ADDRESS = 'a customer with an address exists';
const IDS = { customerId: 1, addressId: 1 };
const ADDRESS_PATH = '/customers/${customerId}/addresses/${addressId}';
const NEW_ADDRESS: AddressCreate = {
  first_name: 'Jane',
  last_name: 'Doe',
  phone: '512-555-0100',
  street_1: '123 Main Street',
  city: 'Austin',
  state: 'Texas',
  zip: '78726',
  country: 'United States',
};

/** The address cases. */
export const addressCases: ContractCase[] = [
  {
    behaviour: 'lists the addresses of a customer',
    interaction: (i) =>
      i
        .given(WITH_ADDRESS)
        .uponReceiving('a request for the addresses of a customer')
        .withRequest('GET', statePath('/customers/${customerId}/addresses', IDS), (r) =>
          r.headers(clientHeaders()),
        )
        .willRespondWith(200, (r) => r.jsonBody(eachLike(addressShape(), 1))),
    async run(url) {
      const addresses = await clientAt(url).listCustomerAddresses(1);
      expect(addresses.length).toBeGreaterThan(0);
      expect(addresses[0]).toMatchObject({ customer_id: 1, country_iso2: 'US' });
    },
  },
  {
    behaviour: 'adds an address to a customer and reads back the derived country code',
    interaction: (i) =>
      i
        .given('a customer with email {email} exists', { email: 'jane.doe@example.com' })
        .uponReceiving('a request to add an address to a customer')
        .withRequest('POST', statePath('/customers/${customerId}/addresses', IDS), (r) =>
          r.headers(clientHeaders()).jsonBody(NEW_ADDRESS),
        )
        .willRespondWith(201, (r) =>
          r.jsonBody(addressShape({ country: 'United States', country_iso2: 'US' })),
        ),
    async run(url) {
      const address = await clientAt(url).createCustomerAddress(1, NEW_ADDRESS);
      expect(address).toMatchObject({ customer_id: 1, country: 'United States', country_iso2: 'US' });
    },
  },
  {
    behaviour: 'gets one address of a customer',
    interaction: (i) =>
      i
        .given(WITH_ADDRESS)
        .uponReceiving('a request for an address of a customer')
        .withRequest('GET', statePath(ADDRESS_PATH, IDS), (r) => r.headers(clientHeaders()))
        .willRespondWith(200, (r) => r.jsonBody(addressShape())),
    async run(url) {
      const address = await clientAt(url).getCustomerAddress(1, 1);
      expect(address).toMatchObject({ id: 1, customer_id: 1, address_type: 'residential' });
    },
  },
  {
    behaviour: 'updates an address and reads back the changed field',
    interaction: (i) =>
      i
        .given(WITH_ADDRESS)
        .uponReceiving('a request to change the street of an address')
        .withRequest('PUT', statePath(ADDRESS_PATH, IDS), (r) =>
          r.headers(clientHeaders()).jsonBody({ street_1: '500 Congress Avenue' }),
        )
        .willRespondWith(200, (r) => r.jsonBody(addressShape({ street_1: '500 Congress Avenue' }))),
    async run(url) {
      const address = await clientAt(url).updateCustomerAddress(1, 1, { street_1: '500 Congress Avenue' });
      expect(address.street_1).toBe('500 Congress Avenue');
    },
  },
  {
    behaviour: 'deletes an address',
    interaction: (i) =>
      i
        .given(WITH_ADDRESS)
        .uponReceiving('a request to delete an address')
        .withRequest('DELETE', statePath(ADDRESS_PATH, IDS), (r) => r.headers(clientHeaders()))
        .willRespondWith(204),
    async run(url) {
      await expect(clientAt(url).deleteCustomerAddress(1, 1)).resolves.toBeUndefined();
    },
  },
  {
    behaviour: 'rejects with a 404 error for the address of another customer',
    interaction: (i) =>
      i
        .given('a customer with an address and another customer exist')
        .uponReceiving('a request for an address through a customer it does not belong to')
        .withRequest(
          'GET',
          statePath('/customers/${otherCustomerId}/addresses/${addressId}', {
            otherCustomerId: 2,
            addressId: 1,
          }),
          (r) => r.headers(clientHeaders()),
        )
        .willRespondWith(404, (r) => r.jsonBody(notFoundBody())),
    async run(url) {
      await expectApiError(clientAt(url).getCustomerAddress(2, 1), 404);
    },
  },
];
