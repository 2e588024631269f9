/** A fake on a socket for control-plane tests: its admin client, one fresh store and `fetch` to it. */
import { createAdminClient, type AdminClient } from '../../src/admin-client/index.js';
import type { ServerOptions } from '../../src/server.js';
import { freshHash, testServer, TOKEN } from '../helpers.js';

/** A listening fake (every answer checked against the specs), a store of its own, and clients. */
export interface ControlFake {
  url: string;
  hash: string;
  admin: AdminClient;
  /** `fetch` to the store's API (`/customers/1`), with the token and, for a body, the JSON type. */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a fake for one test. */
export async function controlFake(options: ServerOptions = {}): Promise<ControlFake> {
  const running = await testServer(options);
  const hash = freshHash();
  return {
    url: running.url,
    hash,
    admin: createAdminClient({ url: running.url }),
    api: (path, init = {}) =>
      fetch(`${running.url}/stores/${hash}/v2${path}`, {
        ...init,
        headers: {
          'X-Auth-Token': TOKEN,
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
    close: () => running.close(),
  };
}

/** A JSON body for `fetch`. */
export const jsonBody = (method: string, value: unknown): RequestInit => ({
  method,
  body: JSON.stringify(value),
});
