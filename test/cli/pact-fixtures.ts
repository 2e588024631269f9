/** Pacts and servers for tests of the pact commands: the committed pact cut down, and bare HTTP servers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed pact of the typed client. */
export const PACT = fileURLToPath(
  new URL('../../contracts/pacts/bc-fakestore-client-bigcommerce-customers-v2.json', import.meta.url),
);

interface Interaction {
  description: string;
  response: { body: { content: Record<string, unknown> } };
}

/** The committed pact reduced to the named interactions (checks of few are fast), optionally changed, written to `dir`. */
export function pactOf(
  dir: string,
  descriptions: string[],
  change: (interaction: Interaction) => void = () => {},
): string {
  const pact = JSON.parse(readFileSync(PACT, 'utf8'));
  pact.interactions = descriptions.map((description) => {
    const interaction = (pact.interactions as Interaction[]).find((i) => i.description === description);
    if (!interaction) throw new Error(`the committed pact has no interaction '${description}'`);
    change(interaction);
    return interaction;
  });
  const file = join(dir, `${descriptions.join('+').replace(/\W+/g, '-').slice(0, 80)}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

/** A bare HTTP server on 127.0.0.1 and a free port, with the requests it received. */
export interface BareServer {
  url: string;
  requests: { method: string; url: string }[];
  close(): Promise<void>;
}

/** Starts a bare server that answers with `handle`. */
export async function bareServer(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>,
): Promise<BareServer> {
  const requests: { method: string; url: string }[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => void handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** An address where nothing listens: a port of 127.0.0.1 that was free a moment ago. */
export async function closedAddress(): Promise<string> {
  const server = await bareServer((_req, res) => void res.end());
  await server.close();
  return server.url;
}
