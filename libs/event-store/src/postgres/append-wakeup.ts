import type { Client } from 'pg';
import { APPEND_CHANNEL } from './postgres-schema';

/**
 * Wakes readers waiting for the next append: at once for appends of this process, on a
 * NOTIFY for those of other processes, and after `pollMs` whatever happened.
 *
 * Nothing is ever delivered through it: a woken reader reads the log by position, so a lost
 * notification (a dropped connection, a full queue) only delays it until the next poll.
 * The listening connection is opened with the first wait and reopened after it drops.
 */
export class AppendWakeup {
  /** Counts the wake-ups, so that a reader can tell one came while it was reading. */
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private listener: Client | undefined;
  private closed = false;

  constructor(
    private readonly newClient: () => Client,
    private readonly pollMs: number,
  ) {}

  /** Where the count stands now: pass it to {@link after} once a read has finished. */
  get current(): number {
    return this.generation;
  }

  /** Resolves at the first wake-up after `generation` (at once if one already came), or after the poll interval. */
  after(generation: number): Promise<void> {
    this.listen();
    if (this.closed || generation !== this.generation) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.add(resolve);
      this.timer ??= setTimeout(() => this.wake(), this.pollMs).unref();
    });
  }

  wake(): void {
    this.generation += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const resolve of waiting) resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private listen(): void {
    if (this.listener || this.closed) return;
    const client = this.newClient();
    this.listener = client;
    const drop = () => {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
    };
    client.on('notification', () => this.wake());
    // An error on an idle connection must not crash the process: polling carries on.
    client.on('error', drop);
    client.on('end', drop);
    client
      .connect()
      .then(() => client.query(`LISTEN ${APPEND_CHANNEL}`))
      .catch(drop);
  }
}
