import { randomUUID } from 'node:crypto';
import type { Instance } from '../instances/instance-registry.ts';
import type { DataLayer } from '../storage/index.ts';

/** Asks every instance to cancel a send (id: JSON of who asks, the request id, the caller). */
const ASK_CHANNEL = 'send-cancel';
/** Each instance's answer to an ask: whether it had that send and aborted it. */
const ANSWER_CHANNEL = 'send-cancel-answer';

interface Ask {
  /** The ask's own id, for its answers. */
  t: string;
  /** The instance asking (it does not answer itself). */
  from: string;
  r: string;
  o: string;
}

/**
 * The sends in progress that `DELETE /api/send/:requestId` may cancel, on whichever instance
 * runs them. A send is known by its client-chosen request id together with its caller (a digest
 * of the session, or '' without sign-in), so only the session that started a send can cancel it.
 * A cancel that finds nothing here asks the other live instances through a change notice (a few
 * hundred bytes: ids only) and waits for their answers, at most `answerTimeoutMs`.
 */
export function createSendCancels(deps: { data: DataLayer; instance: Pick<Instance, 'id' | 'othersAlive'> }, opts: { answerTimeoutMs?: number } = {}) {
  const answerTimeoutMs = opts.answerTimeoutMs ?? 2_000;
  const inflight = new Map<string, AbortController>();
  const waiting = new Map<string, (found: boolean) => void>();
  const key = (requestId: string, caller: string) => `${caller}\n${requestId}`;

  const abortHere = (requestId: string, caller: string): boolean => {
    const controller = inflight.get(key(requestId, caller));
    if (!controller) return false;
    controller.abort();
    inflight.delete(key(requestId, caller));
    return true;
  };

  const announce = (channel: string, id: string) => deps.data.transaction(async (_trx, scope) => scope.notify(channel, id));

  deps.data.onChange((change) => {
    if (change?.channel === ASK_CHANNEL) {
      const ask = parse(change.id);
      if (!ask || ask.from === deps.instance.id) return;
      const found = abortHere(ask.r, ask.o);
      void announce(ANSWER_CHANNEL, JSON.stringify({ t: ask.t, found })).catch(() => {});
    } else if (change?.channel === ANSWER_CHANNEL) {
      const answer = parseAnswer(change.id);
      if (answer) waiting.get(answer.t)?.(answer.found);
    }
  });

  return {
    /** Makes a send cancellable by `requestId` for `caller`; call the result when it has ended. */
    register(requestId: string, caller: string, controller: AbortController): () => void {
      const k = key(requestId, caller);
      inflight.set(k, controller);
      return () => {
        if (inflight.get(k) === controller) inflight.delete(k);
      };
    },
    /** Aborts `caller`'s send `requestId` here or on another instance; false when none is in progress. */
    async cancel(requestId: string, caller: string): Promise<boolean> {
      if (abortHere(requestId, caller)) return true;
      const others = await deps.instance.othersAlive();
      if (others === 0) return false;
      const t = randomUUID();
      const ask: Ask = { t, from: deps.instance.id, r: requestId, o: caller };
      return new Promise<boolean>((resolve, reject) => {
        let answers = 0;
        const finish = (found: boolean) => {
          clearTimeout(timer);
          waiting.delete(t);
          resolve(found);
        };
        const timer = setTimeout(() => finish(false), answerTimeoutMs);
        waiting.set(t, (found) => {
          answers++;
          if (found || answers >= others) finish(found);
        });
        announce(ASK_CHANNEL, JSON.stringify(ask)).catch((err: unknown) => {
          clearTimeout(timer);
          waiting.delete(t);
          reject(err);
        });
      });
    },
  };
}
export type SendCancels = ReturnType<typeof createSendCancels>;

function parse(id: string): Ask | undefined {
  try {
    const v = JSON.parse(id) as Partial<Ask>;
    return typeof v.t === 'string' && typeof v.from === 'string' && typeof v.r === 'string' && typeof v.o === 'string' ? (v as Ask) : undefined;
  } catch {
    return undefined;
  }
}

function parseAnswer(id: string): { t: string; found: boolean } | undefined {
  try {
    const v = JSON.parse(id) as { t?: unknown; found?: unknown };
    return typeof v.t === 'string' && typeof v.found === 'boolean' ? { t: v.t, found: v.found } : undefined;
  } catch {
    return undefined;
  }
}
