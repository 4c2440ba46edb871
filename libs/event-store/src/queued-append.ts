import { type AppendLimits, type PreparedEvent, prepareAppend } from './append-validation';
import type { AppendResult, ExpectedRevision, NewEvent } from './envelope';
import { StoreClosedError } from './errors';

/** An append checked and waiting for a store's next transaction, with how to answer it. */
export interface PendingAppend {
  readonly streamName: string;
  readonly events: PreparedEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The start of every queued append: refused at once, with nothing queued, when the store
 * is closed or the input is invalid ({@link prepareAppend}); otherwise handed to `enqueue`,
 * and the promise settles when the store answers it.
 */
export function queueAppend(
  request: { streamName: string; events: readonly NewEvent[]; expected: ExpectedRevision },
  store: { closed: boolean; limits: AppendLimits },
  enqueue: (append: PendingAppend) => void,
): Promise<AppendResult> {
  if (store.closed) return Promise.reject(new StoreClosedError());
  let events: PreparedEvent[];
  try {
    events = prepareAppend(request.streamName, request.events, request.expected, store.limits);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => enqueue({ ...request, events, resolve, reject }));
}
