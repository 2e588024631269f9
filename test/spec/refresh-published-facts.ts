/**
 * Refreshes spec/customers.v2.published-facts.json from BigCommerce's published Customers V2
 * document: `npm run spec:facts -- <document.yml> [--out <file>]`. Exit 0 written, 1 failure,
 * 2 usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { FACTS_PATH, publishedFactsOf } from './published-facts.js';

const USAGE = 'usage: npm run spec:facts -- <published Customers V2 document (YAML or JSON)> [--out <file>]';

/** Writes the facts of `document` to `out`, formatted as the repository formats JSON; returns the operation count. */
async function refreshPublishedFacts(document: string, out = FACTS_PATH): Promise<number> {
  const facts = publishedFactsOf(readFileSync(document, 'utf8'));
  const options = (await resolveConfig(out)) ?? {};
  writeFileSync(out, await format(JSON.stringify(facts), { ...options, filepath: out }));
  return facts.operations.length;
}

async function main(args: string[]): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const rest = outAt >= 0 ? args.filter((_, i) => i !== outAt && i !== outAt + 1) : args;
  if (rest.length !== 1 || (outAt >= 0 && !out) || rest[0]?.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const document = rest[0] as string;
  try {
    const count = await refreshPublishedFacts(document, out);
    process.stdout.write(`wrote ${count} operations of ${document} to ${out ?? FACTS_PATH}\n`);
    return 0;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`error: cannot read facts from ${document}: ${reason}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
