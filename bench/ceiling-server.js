/**
 * The ceiling: a bare node:http server that answers each benchmarked request with the exact bytes
 * (status, headers, body) the fake answered it with, looked up by method and URL, and does nothing
 * else (a request with a body is read to its end first, as any server must). What the fake costs
 * beyond this is the fake's own work.
 *
 * Plain JavaScript for the same reason as fake-server.js. Usage:
 * `node bench/ceiling-server.js <replies.json>` where the file holds
 * `[{method, url, status, headers: [name, value, ...], body}]`; prints `{url, pid}` once it listens.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const replies = new Map();
for (const r of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  replies.set(`${r.method} ${r.url}`, { status: r.status, headers: r.headers, body: Buffer.from(r.body) });
}
const missing = Buffer.from('{"status":404}');

const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
  const reply = replies.get(`${req.method} ${req.url}`);
  const send = () => {
    if (reply) res.writeHead(reply.status, reply.headers).end(reply.body);
    else res.writeHead(404, ['Content-Type', 'application/json']).end(missing);
  };
  if (req.method === 'GET' || req.method === 'HEAD') send();
  else req.on('data', () => {}).on('end', send);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}\n`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
