/** Collection pages put together from cached JSON bytes, without joining or re-encoding text. */
import type { Reply } from './route.js';

/**
 * A page from documents given as UTF-8 bytes: 204 when empty, else the array, put together by
 * copying bytes, with no text joined, measured or encoded per request.
 */
export function pageOfBytes(items: Buffer[]): Reply {
  if (items.length === 0) return { status: 204 };
  let size = items.length + 1;
  for (const item of items) size += item.length;
  const out = pageBuffer(size);
  out[0] = 0x5b; // [
  let at = 1;
  for (const item of items) {
    if (at > 1) out[at++] = 0x2c; // ,
    out.set(item, at);
    at += item.length;
  }
  out[at] = 0x5d; // ]
  // [control] `parts` are the cached documents, for the journal (nothing is copied).
  return { status: 200, bytes: out, parts: items };
}

const SLAB_SIZE = 1 << 20;
let slab = Buffer.allocUnsafeSlow(0);
let slabUsed = 0;

/**
 * Room for one page body, cut from a 1 MiB slab (as Node pools small buffers): one allocation
 * outside the JS heap per slab instead of per page keeps V8 from collecting for "external
 * memory pressure" at every few hundred pages. A slab is never written twice, so each body
 * stays its own until it is collected.
 */
function pageBuffer(size: number): Buffer {
  if (size > SLAB_SIZE / 8) return Buffer.allocUnsafe(size);
  if (slabUsed + size > slab.length) {
    slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + size);
  slabUsed += (size + 7) & ~7;
  return out;
}
