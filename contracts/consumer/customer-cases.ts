/** Consumer pacts of the customer operations: what the client expects and how it uses the answers. */
import { MatchersV3 } from '@pact-foundation/pact';
import { expect } from 'vitest';
import {
  clientAt,
  clientHeaders,
  customerPage,
  customerShape,
  countShape,
  errorList,
  expectApiError,
  forbiddenBody,
  MONEY,
  notFoundBody,
  READ_ONLY_TOKEN,
  RFC2822,
  statePath,
  storePath,
  type ContractCase,
} from './pact-shapes.js';

const { like } = MatchersV3;

const EMAIL = 'jane.doe@example.com';
const PASSWORD = 'secret123';
const WITH_EMAIL = 'a customer with email {email} exists';
const ONE = { customerId: 1 };

/** The customer cases. */
export const customerCases: ContractCase[] = [
  {
    behaviour: 'lists the customers that match an email filter',
    interaction: (i) =>
      i
        .given(WITH_EMAIL, { email: EMAIL })
        .uponReceiving('a request for the customers with an email')
        .withRequest('GET', storePath('/customers'), (r) =>
          r.headers(clientHeaders()).query({ email: EMAIL }),
        )
        .willRespondWith(200, (r) => r.jsonBody(customerPage())),
    async run(url) {
      const customers = await clientAt(url).listCustomers({ email: EMAIL });
      expect(customers.length).toBeGreaterThan(0);
      expect(customers[0]?.email).toBe(EMAIL);
      expect(customers[0]?.store_credit).toMatch(new RegExp(MONEY));
      expect(customers[0]?.date_created).toMatch(new RegExp(RFC2822));
    },
  },
  {
    behaviour: 'reads the second page of customers',
    interaction: (i) =>
      i
        .given('{count} customers exist', { count: 3 })
        .uponReceiving('a request for the second page of two customers')
        .withRequest('GET', storePath('/customers'), (r) =>
          r.headers(clientHeaders()).query({ page: '2', limit: '2' }),
        )
        .willRespondWith(200, (r) => r.jsonBody(customerPage())),
    async run(url) {
      const customers = await clientAt(url).listCustomers({ page: 2, limit: 2 });
      expect(customers.map((c) => typeof c.id)).toEqual(['number']);
    },
  },
  {
    behaviour: 'turns the 204 of an empty customer list into an empty array',
    interaction: (i) =>
      i
        .given('no customers exist')
        .uponReceiving('a request for the customers of an empty store')
        .withRequest('GET', storePath('/customers'), (r) => r.headers(clientHeaders()))
        .willRespondWith(204),
    async run(url) {
      expect(await clientAt(url).listCustomers()).toEqual([]);
    },
  },
  {
    behaviour: 'gets a customer by id',
    interaction: (i) =>
      i
        .given(WITH_EMAIL, { email: EMAIL })
        .uponReceiving('a request for a customer')
        .withRequest('GET', statePath('/customers/${customerId}', ONE), (r) => r.headers(clientHeaders()))
        .willRespondWith(200, (r) => r.jsonBody(customerShape({ email: EMAIL }))),
    async run(url) {
      const customer = await clientAt(url).getCustomer(1);
      expect(customer).toMatchObject({ id: 1, email: EMAIL, customer_group_id: 0, store_credit: '0.0000' });
    },
  },
  {
    behaviour: 'rejects with a 404 error for an unknown customer',
    interaction: (i) =>
      i
        .given('no customers exist')
        .uponReceiving('a request for a customer that does not exist')
        .withRequest('GET', storePath('/customers/999'), (r) => r.headers(clientHeaders()))
        .willRespondWith(404, (r) => r.jsonBody(notFoundBody())),
    async run(url) {
      const err = await expectApiError(clientAt(url).getCustomer(999), 404);
      expect(err.errors[0]?.status).toBe(404);
    },
  },
  {
    behaviour: 'creates a customer and reads back the stored customer',
    interaction: (i) =>
      i
        .given('no customers exist')
        .uponReceiving('a request to create a customer')
        .withRequest('POST', storePath('/customers'), (r) =>
          r.headers(clientHeaders()).jsonBody({ first_name: 'Jane', last_name: 'Doe', email: EMAIL }),
        )
        .willRespondWith(201, (r) =>
          r.jsonBody(customerShape({ first_name: 'Jane', last_name: 'Doe', email: EMAIL })),
        ),
    async run(url) {
      const customer = await clientAt(url).createCustomer({
        first_name: 'Jane',
        last_name: 'Doe',
        email: EMAIL,
      });
      expect(customer).toMatchObject({ first_name: 'Jane', last_name: 'Doe', email: EMAIL });
      expect(customer.id).toBeGreaterThan(0);
    },
  },
  {
    behaviour: 'reports why a duplicate email is refused (details.invalid_reason)',
    interaction: (i) =>
      i
        .given(WITH_EMAIL, { email: EMAIL })
        .uponReceiving('a request to create a customer with an email already in use')
        .withRequest('POST', storePath('/customers'), (r) =>
          r.headers(clientHeaders()).jsonBody({ first_name: 'Janet', last_name: 'Doe', email: EMAIL }),
        )
        .willRespondWith(400, (r) =>
          r.jsonBody(
            errorList(400, "The field 'email' is invalid.", {
              invalid_reason: like('This email address is already in use by a customer.'),
            }),
          ),
        ),
    async run(url) {
      const client = clientAt(url);
      const err = await expectApiError(
        client.createCustomer({ first_name: 'Janet', last_name: 'Doe', email: EMAIL }),
        400,
        "The field 'email' is invalid.",
      );
      expect(err.errors[0]?.details?.invalid_reason).toBe(
        'This email address is already in use by a customer.',
      );
    },
  },
  {
    behaviour: 'reports the field of a validation error',
    interaction: (i) =>
      i
        .given('no customers exist')
        .uponReceiving('a request to create a customer with a malformed email')
        .withRequest('POST', storePath('/customers'), (r) =>
          r
            .headers(clientHeaders())
            .jsonBody({ first_name: 'Jane', last_name: 'Doe', email: 'not-an-email' }),
        )
        .willRespondWith(400, (r) => r.jsonBody(errorList(400, "The field 'email' is invalid."))),
    async run(url) {
      await expectApiError(
        clientAt(url).createCustomer({ first_name: 'Jane', last_name: 'Doe', email: 'not-an-email' }),
        400,
        "The field 'email' is invalid.",
      );
    },
  },
  {
    behaviour: 'updates a customer and reads back the changed field',
    interaction: (i) =>
      i
        .given(WITH_EMAIL, { email: EMAIL })
        .uponReceiving('a request to change the first name of a customer')
        .withRequest('PUT', statePath('/customers/${customerId}', ONE), (r) =>
          r.headers(clientHeaders()).jsonBody({ first_name: 'Janet' }),
        )
        .willRespondWith(200, (r) => r.jsonBody(customerShape({ first_name: 'Janet', email: EMAIL }))),
    async run(url) {
      const customer = await clientAt(url).updateCustomer(1, { first_name: 'Janet' });
      expect(customer).toMatchObject({ first_name: 'Janet', email: EMAIL });
    },
  },
  {
    behaviour: 'deletes a customer',
    interaction: (i) =>
      i
        .given(WITH_EMAIL, { email: EMAIL })
        .uponReceiving('a request to delete a customer')
        .withRequest('DELETE', statePath('/customers/${customerId}', ONE), (r) => r.headers(clientHeaders()))
        .willRespondWith(204),
    async run(url) {
      await expect(clientAt(url).deleteCustomer(1)).resolves.toBeUndefined();
    },
  },
  {
    behaviour: 'counts customers',
    interaction: (i) =>
      i
        .given('{count} customers exist', { count: 3 })
        .uponReceiving('a request for the number of customers')
        .withRequest('GET', storePath('/customers/count'), (r) => r.headers(clientHeaders()))
        .willRespondWith(200, (r) => r.jsonBody(countShape(3))),
    async run(url) {
      expect(await clientAt(url).countCustomers()).toBe(3);
    },
  },
  {
    behaviour: 'validates a correct password as true',
    interaction: (i) =>
      i
        .given('a customer with email {email} and password {password} exists', {
          email: EMAIL,
          password: PASSWORD,
        })
        .uponReceiving('a request to validate the password of a customer')
        .withRequest('POST', statePath('/customers/${customerId}/validate', ONE), (r) =>
          r.headers(clientHeaders()).jsonBody({ password: PASSWORD }),
        )
        .willRespondWith(200, (r) => r.jsonBody({ success: true })),
    async run(url) {
      expect(await clientAt(url).validateCustomerPassword(1, { password: PASSWORD })).toBe(true);
    },
  },
  {
    behaviour: 'validates a wrong password as false',
    interaction: (i) =>
      i
        .given('a customer with email {email} and password {password} exists', {
          email: EMAIL,
          password: PASSWORD,
        })
        .uponReceiving('a request to validate a wrong password')
        .withRequest('POST', statePath('/customers/${customerId}/validate', ONE), (r) =>
          r.headers(clientHeaders()).jsonBody({ password: 'wrong-password-1' }),
        )
        .willRespondWith(200, (r) => r.jsonBody({ success: false })),
    async run(url) {
      expect(await clientAt(url).validateCustomerPassword(1, { password: 'wrong-password-1' })).toBe(false);
    },
  },
  {
    behaviour: 'rejects a write made with a read-only token with the gateway 403 object',
    interaction: (i) =>
      i
        .given(WITH_EMAIL, { email: EMAIL })
        .uponReceiving('a request to change a customer with a read-only token')
        .withRequest('PUT', statePath('/customers/${customerId}', ONE), (r) =>
          r.headers(clientHeaders(READ_ONLY_TOKEN)).jsonBody({ first_name: 'Janet' }),
        )
        .willRespondWith(403, (r) => r.jsonBody(forbiddenBody())),
    async run(url) {
      const err = await expectApiError(
        clientAt(url, READ_ONLY_TOKEN).updateCustomer(1, { first_name: 'Janet' }),
        403,
      );
      expect(err.messages[0]).toBe("You don't have a required scope to access the endpoint");
    },
  },
];
