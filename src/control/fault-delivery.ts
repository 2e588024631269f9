/**
 * Putting an injected fault on the wire: after its delay, a status answer, a broken body, a reset
 * or closed connection, or nothing at all (a hang, until the client gives up).
 */
import type { ServerResponse } from 'node:http';
import { replyText, type Reply } from '../http/reply.js';
import {
  answerOf,
  broken,
  statusReply,
  storeHeaders,
  withRoomForBody,
  type Answer,
} from './fault-answers.js';
import type { AppliedFault } from './faults.js';

/** What the pipeline served, as the fault sees it. */
export interface ServedAnswer {
  reply: Reply;
  rate?: Record<string, string>;
}

/** How a fault is put on the wire, from the pipeline. */
export interface Delivery {
  head: boolean;
  /** A reply as it goes out (its format, CORS headers). */
  present(reply: Reply): Reply;
  /** Writes the store's own answer. */
  sendStore(): void;
  /** Called once the outcome is known. */
  done(): void;
}

/**
 * Delivers a request's fault: waits its delay, then writes the fault's answer (or the store's,
 * for a delay alone). `done` is called once the outcome is known: at once for a hang, when the
 * connection closes during a delay, else after writing.
 */
export function deliverFault(
  res: ServerResponse,
  served: ServedAnswer,
  fault: AppliedFault,
  d: Delivery,
): void {
  let finished = false;
  const finish = (): void => {
    if (!finished) {
      finished = true;
      d.done();
    }
  };
  const act = (): void => {
    res.off('close', onClose);
    if (!res.destroyed) apply(res, served, fault, d);
    else fault.sent = null;
    finish();
  };
  const timer = fault.delayMs > 0 ? setTimeout(act, fault.delayMs) : undefined;
  const onClose = (): void => {
    clearTimeout(timer);
    fault.sent = null;
    finish();
  };
  if (timer) res.once('close', onClose);
  else act();
}

function apply(res: ServerResponse, served: ServedAnswer, fault: AppliedFault, d: Delivery): void {
  const effect = fault.effect;
  const socket = res.socket;
  switch (effect?.type) {
    case undefined:
      d.sendStore();
      return;
    case 'status': {
      const { reply, extra } = statusReply(effect.status, served.rate, effect.retry_after);
      write(res, answerOf(d.present(reply), extra, fault.rule), fault, d.head);
      return;
    }
    case 'malformed': {
      const store = d.present(served.reply);
      const answer = answerOf(store, storeHeaders(served.rate), fault.rule, broken(replyText(store)));
      write(res, { ...answer, status: withRoomForBody(answer.status) }, fault, d.head);
      return;
    }
    case 'truncated': {
      const store = d.present(served.reply);
      const bytes = Buffer.from(replyText(store) || '{"status":200}');
      const half = bytes.subarray(0, bytes.length >> 1).toString('utf8');
      const answer = answerOf(store, storeHeaders(served.rate), fault.rule, half);
      answer.status = withRoomForBody(answer.status);
      answer.headers['Content-Length'] = String(bytes.length);
      fault.sent = answer;
      res.writeHead(answer.status, answer.headers);
      // The head and half the body go out, then the connection is cut: the client reads less
      // than Content-Length promised.
      res.write(half, () => socket?.destroy());
      return;
    }
    case 'reset':
      fault.sent = null;
      socket?.resetAndDestroy();
      return;
    case 'empty':
      fault.sent = null;
      // A graceful close with nothing written: the client reads an empty reply.
      socket?.end();
      return;
    case 'hang':
      fault.sent = null;
      return;
  }
}

function write(res: ServerResponse, answer: Answer, fault: AppliedFault, head: boolean): void {
  fault.sent = answer;
  res.writeHead(answer.status, answer.headers);
  res.end(head ? undefined : answer.body);
}
