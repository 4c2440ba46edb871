import { UnknownSchemaVersionError } from '@samen/ledger-kernel';
import type { ProjectionEvent } from '@samen/event-store';
import { toLedgerFact } from './to-ledger-fact';

const vaalsRegistered: ProjectionEvent = {
  position: 7n,
  streamName: 'party-gemeente-vaals',
  type: 'PartyRegistered',
  schemaVersion: 2,
  data: { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals', visibility: { kind: 'shared' } },
  occurredAt: Date.parse('2022-12-01T10:00:00+01:00'),
  recordedAt: Date.parse('2026-12-08T00:00:00Z'),
  actor: 'programme-team:kernteam',
};

describe('a stored event read by the views', () => {
  it('keeps data at its current version as the very object stored, copying nothing', () => {
    expect(toLedgerFact(vaalsRegistered).data).toBe(vaalsRegistered.data);
  });

  it('is refused when its version is newer than this code knows, naming the type and version', () => {
    const fromTheFuture = { ...vaalsRegistered, schemaVersion: 3 };

    expect(() => toLedgerFact(fromTheFuture)).toThrow(UnknownSchemaVersionError);
    expect(() => toLedgerFact(fromTheFuture)).toThrow(/PartyRegistered is stored at schema version 3/);
  });

  it('reads a version 1 fact, stored before visibility, as shared', () => {
    const { visibility: _none, ...storedThen } = vaalsRegistered.data;
    expect(toLedgerFact({ ...vaalsRegistered, schemaVersion: 1, data: storedThen }).data).toEqual(vaalsRegistered.data);
  });
});
