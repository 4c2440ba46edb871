import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

interface AwaitingSync {
  readonly firstPosition: number;
  readonly onDurable: () => void;
  readonly onFailure: (error: Error) => void;
}

/**
 * Makes commits durable off the event loop. SQLite commits with synchronous=NORMAL (no
 * fsync), then this flushes the WAL file with fdatasync on libuv's thread pool, and only
 * then are the commits acknowledged. One fdatasync covers every commit made before it
 * started, so commits that arrive while one runs share the next: group commit, without
 * blocking request handling on the disk. Acknowledged appends are exactly as durable as
 * with synchronous=FULL (see docs/adr/0001).
 */
export class WalDurability {
  private readonly walFd: number;
  private awaiting: AwaitingSync[] = [];
  private syncing: AwaitingSync[] = [];
  private failure: Error | undefined;
  private drained: (() => void)[] = [];

  /** `databaseFile` must be open in WAL mode already, so that its -wal file exists. */
  constructor(databaseFile: string) {
    this.walFd = openSync(`${databaseFile}-wal`, 'r');
    // The WAL file's directory entry must survive a power cut as well as its contents.
    const directory = openSync(dirname(databaseFile), 'r');
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
  }

  /** Calls `onDurable` once everything committed so far is on disk. */
  afterCommit(firstPosition: number, onDurable: () => void, onFailure: (error: Error) => void): void {
    if (this.failure) return onFailure(this.failure);
    this.awaiting.push({ firstPosition, onDurable, onFailure });
    if (this.syncing.length === 0) this.sync();
  }

  /** The lowest position committed but not yet known to be on disk. */
  get unsyncedFrom(): number | undefined {
    return (this.syncing[0] ?? this.awaiting[0])?.firstPosition;
  }

  /** Resolves when every commit handed in so far is durable (or has failed). */
  drain(): Promise<void> {
    if (this.syncing.length === 0 && this.awaiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  close(): void {
    closeSync(this.walFd);
  }

  private sync(): void {
    this.syncing = this.awaiting;
    this.awaiting = [];
    fdatasync(this.walFd, (error) => {
      const done = this.syncing;
      this.syncing = [];
      if (error) {
        // Whether the commits reached the disk is unknown: never acknowledge them, and
        // refuse everything after (as databases do after a failed fsync).
        this.failure = new Error(`The ledger could not make its log durable: ${error.message}`);
        for (const commit of [...done, ...this.awaiting]) commit.onFailure(this.failure);
        this.awaiting = [];
      } else {
        for (const commit of done) commit.onDurable();
      }
      if (this.awaiting.length > 0) this.sync();
      else for (const resolve of this.drained.splice(0)) resolve();
    });
  }
}
