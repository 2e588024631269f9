/**
 * node-bigcommerce 4.1.0, unmodified, pointed at a fake on 127.0.0.1. It always dials
 * https://api.bigcommerce.com:443, so its `agent` hands it a plain TCP socket to the fake
 * instead; https.request then speaks HTTP/1.1 over that socket.
 */
import { Agent, type RequestOptions } from 'node:https';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

/** The part of node-bigcommerce's API the tests use (the package ships no types). */
export interface BigCommerceClient {
  get(path: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  post(path: string, data: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  put(path: string, data: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  delete(path: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What node-bigcommerce rejects with on a status >= 400 (or a 429 with failOnLimitReached). */
export interface NodeBigCommerceError extends Error {
  code?: number;
  responseBody?: string;
  retryAfter?: number;
}

/** node-bigcommerce's constructor. */
export const BigCommerce = createRequire(import.meta.url)('node-bigcommerce') as new (config: {
  accessToken: string;
  clientId: string;
  storeHash: string;
  responseType: 'json' | 'xml';
  apiVersion: 'v2';
  agent: Agent;
  failOnLimitReached?: boolean;
}) => BigCommerceClient;

/** An https agent whose "TLS" connection is a plain socket to the fake on 127.0.0.1. */
export class FakeStoreAgent extends Agent {
  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }

  override createConnection(_options: RequestOptions): Duplex {
    return connect(this.port, '127.0.0.1');
  }
}

/** The rejection of a promise that must fail. */
export async function failure(promise: Promise<unknown>): Promise<NodeBigCommerceError> {
  try {
    await promise;
  } catch (err) {
    return err as NodeBigCommerceError;
  }
  throw new Error('expected the request to fail');
}
