import fc from 'fast-check';
import { canonicalEvent, chainHash, GENESIS_HASH, type ChainedEvent } from './chain-hash';
import { describeVerification, parseExpectedHead } from './verify-chain';

/** A commitment as the programme team records it first. */
const tynaarloCommitmentMade: ChainedEvent = {
  position: 1n,
  streamName: 'commitment-tynaarlo-begroting',
  revision: 0,
  id: '5b1f3c52-8a0e-4c53-9d1e-0f3a1c2b7e10',
  type: 'CommitmentMade',
  schemaVersion: 1,
  dataJson: JSON.stringify({
    commitmentId: 'tynaarlo-begroting',
    description: 'Plaats de Wereld in de begroting',
    amountInCents: 2500000,
    to: ['gemeente-tynaarlo'],
  }),
  metadata: { occurredAt: '2023-03-14T10:00:00+01:00', correlationId: 'corr-1', actor: 'principal-7' },
  recordedAt: '2023-03-14T09:00:01.250Z',
};

/** Names and data that need escaping, and metadata with only a cause. */
const awkwardPartyRenamed: ChainedEvent = {
  position: 2,
  streamName: 'party-"vaals"\\zuid',
  revision: 3,
  id: '0a6d2a3e-6f5b-4f0e-8a43-7a1e9d2c5b44',
  type: 'PartyRenamed',
  schemaVersion: 2,
  dataJson: JSON.stringify({ name: 'Gemeente ’s-Gravenhage 🏘️', note: 'regel\nregel', n: -0.5, e: 1e21 }),
  metadata: { occurredAt: '2023-03-15T00:00:00Z', causationId: 'cause-9' },
  recordedAt: '2023-03-15T00:00:00.000Z',
};

// Computed outside Node, with `printf '%s%s' "$previous" "$canonical" | sha256sum`.
const TYNAARLO_HASH = '9b7cad4bc4f88a7431cd503f0dd67e7870350850f59d16835868950e9ffc7a54';
const AWKWARD_HASH = 'a875b2852681e3ce6e54e567d196a75e365d9cf3edb5ee7b771c0aaa68b0b574';

describe('the canonical form of a stored event', () => {
  it('sorts the envelope and metadata members, writes no whitespace and keeps data as stored', () => {
    expect(canonicalEvent(tynaarloCommitmentMade)).toBe(
      '{"data":{"commitmentId":"tynaarlo-begroting","description":"Plaats de Wereld in de begroting",' +
        '"amountInCents":2500000,"to":["gemeente-tynaarlo"]},"id":"5b1f3c52-8a0e-4c53-9d1e-0f3a1c2b7e10",' +
        '"metadata":{"actor":"principal-7","correlationId":"corr-1","occurredAt":"2023-03-14T10:00:00+01:00"},' +
        '"position":"1","recordedAt":"2023-03-14T09:00:01.250Z","revision":0,"schemaVersion":1,' +
        '"streamName":"commitment-tynaarlo-begroting","type":"CommitmentMade"}',
    );
  });

  it('escapes strings and writes numbers as JSON.stringify does, and leaves absent metadata out', () => {
    expect(canonicalEvent(awkwardPartyRenamed)).toBe(
      '{"data":{"name":"Gemeente ’s-Gravenhage 🏘️","note":"regel\\nregel","n":-0.5,"e":1e+21},' +
        '"id":"0a6d2a3e-6f5b-4f0e-8a43-7a1e9d2c5b44","metadata":{"causationId":"cause-9",' +
        '"occurredAt":"2023-03-15T00:00:00Z"},"position":"2","recordedAt":"2023-03-15T00:00:00.000Z",' +
        '"revision":3,"schemaVersion":2,"streamName":"party-\\"vaals\\"\\\\zuid","type":"PartyRenamed"}',
    );
  });

  it('is valid JSON with the envelope members in sorted order', () => {
    const parsed = JSON.parse(canonicalEvent(tynaarloCommitmentMade)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(parsed.position).toBe('1');
  });

  it('writes every name as JSON.stringify writes it, whatever UTF-16 it holds', () => {
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    const names = fc.oneof(fc.string({ unit: anyCodeUnit }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(names, names, (streamName, actor) => {
        const canonical = canonicalEvent({ ...awkwardPartyRenamed, streamName, metadata: { occurredAt: 'x', actor } });
        expect(canonical).toContain(`"streamName":${JSON.stringify(streamName)},`);
        expect(canonical).toContain(`"metadata":{"actor":${JSON.stringify(actor)},`);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a position the same whether it is given as a bigint or a number', () => {
    expect(canonicalEvent({ ...tynaarloCommitmentMade, position: 1 })).toBe(canonicalEvent(tynaarloCommitmentMade));
  });
});

describe('the chain hash', () => {
  it('starts from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('is SHA-256 over the previous hash and the canonical form, as fixed vectors', () => {
    const first = chainHash(GENESIS_HASH, canonicalEvent(tynaarloCommitmentMade));
    expect(first).toBe(TYNAARLO_HASH);
    expect(chainHash(first, canonicalEvent(awkwardPartyRenamed))).toBe(AWKWARD_HASH);
  });

  it('changes when the previous hash changes, though the event is the same', () => {
    expect(chainHash('f'.repeat(64), canonicalEvent(awkwardPartyRenamed))).not.toBe(AWKWARD_HASH);
  });
});

describe('an expected head as an auditor writes it down', () => {
  it('is read from POSITION:HASH, the hash in lower case', () => {
    expect(parseExpectedHead(`1042:${TYNAARLO_HASH.toUpperCase()}`)).toEqual({ position: 1042n, hash: TYNAARLO_HASH });
  });

  it.each([
    '',
    '1042',
    `0:${TYNAARLO_HASH}`,
    `-1:${TYNAARLO_HASH}`,
    `12:${TYNAARLO_HASH.slice(1)}`,
    `12:${'g'.repeat(64)}`,
  ])('refuses %j', (text) => {
    expect(parseExpectedHead(text)).toBeUndefined();
  });

  it('is what an intact verification prints', () => {
    expect(describeVerification({ intact: true, events: 2, headPosition: 2n, headHash: AWKWARD_HASH })).toBe(
      `intact: 2 events, head position 2, head hash ${AWKWARD_HASH}`,
    );
  });
});
