import { parseArgs } from 'node:util';
import {
  ChainBrokenError,
  ChainNotAvailableError,
  describeVerification,
  parseExpectedHead,
  verifyEventLog,
} from '@samen/event-store';
import { type CliCommand, UsageError } from '../cli-command';

/**
 * Walks the tamper-evident chain (ADR 0006). Intact: one line with the head hash, exit 0.
 * Broken, or a store that keeps no chain (KurrentDB): the error carries the one line and
 * main.ts prints it and exits 1, so `ledger-cli verify && …` never passes over a break.
 */
export const verify: CliCommand = {
  name: 'verify',
  usage: 'verify [--expect-head POSITION:HASH]',
  summary: 'Controleer de hash-keten van het logboek / check the log’s hash chain (tamper evidence)',
  async run(args, { store, out }) {
    const { values } = parseArgs({ args, options: { 'expect-head': { type: 'string' } }, strict: true });
    const text = values['expect-head'];
    const expectHead = text === undefined ? undefined : parseExpectedHead(text);
    if (text !== undefined && !expectHead) {
      throw new UsageError(`--expect-head must be POSITION:HASH (a position and 64 hex digits), got "${text}"`);
    }
    const result = await verifyEventLog(store, { expectHead });
    if (result.intact === null) throw new ChainNotAvailableError(result.reason);
    if (!result.intact) throw new ChainBrokenError(result.position, result.reason);
    out(describeVerification(result));
  },
};
