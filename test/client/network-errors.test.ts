import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  BigCommerceApiError,
  BigCommerceNetworkError,
  createClient,
  type BigCommerceClient,
} from '../../src/client/index.js';
import * as library from '../../src/index.js';

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

/** An address where nothing listens: a port that was free a moment ago. */
async function closedAddress(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await close(server);
  return url;
}

const clientAt = (baseUrl: string): BigCommerceClient =>
  createClient({ baseUrl, storeHash: 'abc123', token: 'fakestore-token' });

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

describe('client network failures', () => {
  it('throws BigCommerceNetworkError naming the method, the URL and ECONNREFUSED when nothing listens', async () => {
    const baseUrl = await closedAddress();
    const error = await rejection(clientAt(baseUrl).getCustomer(7));
    expect(error).toBeInstanceOf(BigCommerceNetworkError);
    expect(error).not.toBeInstanceOf(BigCommerceApiError);
    const network = error as BigCommerceNetworkError;
    expect(network.name).toBe('BigCommerceNetworkError');
    expect(network.method).toBe('GET');
    expect(network.url).toBe(`${baseUrl}/stores/abc123/v2/customers/7`);
    expect(network.code).toBe('ECONNREFUSED');
    expect(network.message).toBe(`GET ${baseUrl}/stores/abc123/v2/customers/7 got no answer (ECONNREFUSED)`);
    expect((network.cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('throws BigCommerceNetworkError when the server drops the connection without answering', async () => {
    const server = createServer((req) => req.socket.destroy());
    const baseUrl = await listen(server);
    try {
      const error = await rejection(clientAt(baseUrl).createCustomerGroup({ name: 'VIP' }));
      expect(error).toBeInstanceOf(BigCommerceNetworkError);
      expect((error as BigCommerceNetworkError).method).toBe('POST');
      expect((error as BigCommerceNetworkError).message).toMatch(
        new RegExp(`^POST ${baseUrl}/stores/abc123/v2/customer_groups got no answer \\(.+\\)$`),
      );
    } finally {
      await close(server);
    }
  });

  it('is still caught by handlers written for the TypeError that fetch throws', async () => {
    const error = await rejection(clientAt(await closedAddress()).countCustomers());
    expect(error).toBeInstanceOf(TypeError);
  });

  it('leaves an abort as the AbortError the caller caused', async () => {
    const controller = new AbortController();
    controller.abort();
    const client = createClient({
      baseUrl: await closedAddress(),
      storeHash: 'abc123',
      token: 'fakestore-token',
      fetch: (request) => fetch(request, { signal: controller.signal }),
    });
    const error = await rejection(client.listCustomers());
    expect((error as Error).name).toBe('AbortError');
  });

  it('is exported from the package', () => {
    expect(library.BigCommerceNetworkError).toBe(BigCommerceNetworkError);
  });
});
