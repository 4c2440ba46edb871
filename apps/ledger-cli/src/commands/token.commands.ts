import { parseArgs } from 'node:util';
import {
  type AccessTokens,
  openAccessStores,
  PRINCIPAL_KINDS,
  type PrincipalKind,
  type TokenRecord,
} from '@samen/access';
import { ID_PATTERN } from '@samen/command-handling';
import { partyStream } from '@samen/structure/domain';
import { type CliCommand, type CliContext, UsageError, wholeNumber } from '../cli-command';

const MAX_DAYS = 3660;

/** The tokens where the API keeps them: in the PostgreSQL database of its events, or in the data folder. */
async function withTokens<T>(config: CliContext['config'], work: (tokens: AccessTokens) => T | Promise<T>): Promise<T> {
  const stores = await openAccessStores(config.eventStore, config.access.file);
  try {
    return await work(stores.tokens);
  } finally {
    await stores.close();
  }
}

export const tokenIssue: CliCommand = {
  name: 'token issue',
  usage: 'token issue --kind programme-team|evaluator|party-member [--party ID] [--label TEXT] [--days N]',
  summary: 'Een toegangstoken uitgeven (eenmalig getoond) / issue a bearer token, shown once',
  async run(args, { config, store, out }) {
    const { values } = parseArgs({
      args,
      options: {
        kind: { type: 'string' },
        party: { type: 'string' },
        label: { type: 'string' },
        days: { type: 'string' },
      },
      strict: true,
    });
    const kind = values.kind as PrincipalKind | undefined;
    if (!kind || !PRINCIPAL_KINDS.includes(kind)) {
      throw new UsageError(`--kind must be one of ${PRINCIPAL_KINDS.join(', ')}`);
    }
    if ((kind === 'party-member') !== (values.party !== undefined)) {
      throw new UsageError('--party ID is required for a party-member, and only for one');
    }
    if (values.party !== undefined && !ID_PATTERN.test(values.party)) {
      throw new UsageError(`--party must be a party id such as gemeente-vaals, got "${values.party}"`);
    }
    // A typo would give a token that reads the shared views but never its own party's facts.
    if (
      values.party !== undefined &&
      (await store.readStream(partyStream(values.party), { maxCount: 1 })).length === 0
    ) {
      throw new UsageError(
        `--party: no party "${values.party}" is registered in this ledger (see /views or the demo's parties)`,
      );
    }
    const days = wholeNumber('--days', values.days, 90);
    if (days < 1 || days > MAX_DAYS) throw new UsageError(`--days must be from 1 to ${MAX_DAYS}`);
    const label = values.label ?? kind;
    const id = label.slice(0, 80);
    const principal: TokenRecord['principal'] =
      kind === 'party-member' ? { kind, id, partyId: values.party! } : { kind, id };
    const { token, record } = await withTokens(config, (tokens) => tokens.issue(principal, label, days));
    out(`token: ${token}`);
    out(`id: ${record.tokenId}  expires: ${record.expiresAt}  principal: ${describe(record)}`);
    out('Bewaar het nu; het wordt niet opnieuw getoond. / Keep it now; it is not shown again.');
  },
};

export const tokenList: CliCommand = {
  name: 'token list',
  usage: 'token list',
  summary: 'Uitgegeven tokens, zonder geheimen / issued tokens, without secrets',
  async run(args, { config, out }) {
    parseArgs({ args, options: {}, strict: true });
    const records = await withTokens(config, (tokens) => tokens.list());
    const now = Date.now();
    for (const record of records) {
      const state = record.revokedAt
        ? `revoked ${record.revokedAt}`
        : Date.parse(record.expiresAt) <= now
          ? `expired ${record.expiresAt}`
          : `valid until ${record.expiresAt}`;
      out(`${record.tokenId}  ${describe(record)}  "${record.label}"  ${state}`);
    }
  },
};

export const tokenRevoke: CliCommand = {
  name: 'token revoke',
  usage: 'token revoke TOKEN_ID',
  summary: 'Een token intrekken, direct van kracht / revoke a token, effective at once',
  async run(args, { config, out }) {
    const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('name exactly one token id (see token list)');
    const revoked = await withTokens(config, (tokens) => tokens.revoke(positionals[0]));
    if (!revoked) throw new UsageError(`no valid token with id "${positionals[0]}" (see token list)`);
    out(`revoked ${positionals[0]}`);
  },
};

const describe = ({ principal }: TokenRecord) =>
  principal.kind === 'party-member' ? `party-member of ${principal.partyId}` : principal.kind;
