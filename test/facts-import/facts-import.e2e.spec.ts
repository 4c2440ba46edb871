import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FactsFileError } from '../../apps/ledger-api/src/facts-import/facts-file';
import { FactImportHaltedError, importFactsFile } from '../../apps/ledger-api/src/facts-import/import-facts';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

const lines = (...facts: (string | object)[]) =>
  facts.map((f) => (typeof f === 'string' ? f : JSON.stringify(f))).join('\n') + '\n';

const programme = {
  fact: 'ProgrammeLaunched',
  programmeId: 'programma-samen',
  name: 'Programma SAMEN',
  startsOn: '2022-12-01',
  occurredAt: '2022-12-01T10:00:00+01:00',
};
const vaals = {
  fact: 'PartyRegistered',
  partyId: 'gemeente-vaals',
  kind: 'municipality',
  name: 'Gemeente Vaals',
  occurredAt: '2022-12-05T10:00:00+01:00',
};
const meeting = {
  fact: 'MeetingScheduled',
  meetingId: 'm-utrecht',
  programmeId: 'programma-samen',
  kind: 'collective',
  title: 'Collectieve bijeenkomst Utrecht',
  startsAt: '2023-03-09T13:00:00+01:00',
  place: 'Utrecht',
  expectedPartyIds: ['gemeente-vaals'],
  occurredAt: '2023-02-01T10:00:00+01:00',
};
const person = {
  fact: 'PersonRegistered',
  personId: 'p-0001',
  name: 'Mira Voorbeeld',
  occurredAt: '2022-12-05T11:00:00+01:00',
};
const present = {
  fact: 'AttendanceRecorded',
  meetingId: 'm-utrecht',
  personId: 'p-0001',
  partyId: 'gemeente-vaals',
  status: 'present',
  occurredAt: '2023-03-09T13:00:00+01:00',
};

describe('importing a facts file', () => {
  let api: LedgerApi;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeEach(async () => {
    api = await startLedgerApi();
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-facts-'));
  });
  afterEach(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records every fact through its endpoint, in order, and a second run records nothing', async () => {
    const path = file(
      'story.facts',
      lines('# Programma SAMEN, a slice', '', programme, vaals, person, meeting, present),
    );
    expect(await importFactsFile(api.app, path)).toEqual({ file: path, facts: 5, written: 5, alreadyPresent: 0 });
    const events = await api.eventsAfter(undefined);
    expect(events.map((e) => [e.streamName, e.type])).toEqual([
      ['programme-programma-samen', 'ProgrammeLaunched'],
      ['party-gemeente-vaals', 'PartyRegistered'],
      ['person-p-0001', 'PersonRegistered'],
      ['meeting-m-utrecht', 'MeetingScheduled'],
      ['meeting-m-utrecht', 'AttendanceRecorded'],
    ]);
    expect(events[4].metadata.occurredAt).toBe('2023-03-09T13:00:00+01:00');

    expect(await importFactsFile(api.app, path)).toEqual({ file: path, facts: 5, written: 0, alreadyPresent: 5 });
    expect(await api.store.headPosition()).toBe(5n);
  });

  it('checks the whole file first: every bad line is named with its field, and nothing is written', async () => {
    const path = file(
      'bad.facts',
      lines(
        programme,
        { ...vaals, fact: 'PartyInvented' },
        { ...person, personId: undefined },
        { ...meeting, startsAt: '2023-02-30T13:00:00+01:00' },
        '{"fact": "PersonRegistered", "personId": ',
        { ...present, occurredAt: undefined },
      ),
    );
    const error = await importFactsFile(api.app, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactsFileError);
    const message = (error as Error).message;
    expect(message).toContain(`${path}: 5 problem(s); nothing was written`);
    expect(message).toContain(`${path}:2 fact: unknown fact "PartyInvented"`);
    expect(message).toContain(`${path}:3 personId: `);
    expect(message).toMatch(new RegExp(`${path}:4 startsAt: .*date that exists`));
    expect(message).toContain(`${path}:5: not one JSON object on one line`);
    expect(message).toContain(`${path}:6 occurredAt: is required in a facts file`);
    expect(await api.store.headPosition()).toBeUndefined();
  });

  it('stops at a fact the ledger refuses, reports what was written, and resumes after a fix', async () => {
    const twice = { ...present, status: 'absent' };
    const path = file('halts.facts', lines(programme, vaals, person, meeting, present, twice));
    const error = await importFactsFile(api.app, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactImportHaltedError);
    expect((error as Error).message).toContain(`${path}:6: AttendanceRecorded refused (422)`);
    expect((error as Error).message).toContain('Recorded before line 6: 5 new, 0 already present; nothing after it.');
    expect(await api.store.headPosition()).toBe(5n);

    const fixed = file(
      'halts.facts',
      lines(programme, vaals, person, meeting, present, {
        fact: 'AttendanceCorrected',
        meetingId: 'm-utrecht',
        personId: 'p-0001',
        status: 'absent',
        reason: 'Toch niet geweest',
        occurredAt: '2023-03-10T09:00:00+01:00',
      }),
    );
    expect(await importFactsFile(api.app, fixed)).toMatchObject({ written: 1, alreadyPresent: 5 });
  });

  it('names a fact whose path id is missing or malformed', async () => {
    const path = file('ids.facts', lines({ ...present, meetingId: 'Vergadering 1!' }));
    await expect(importFactsFile(api.app, path)).rejects.toThrow(`${path}:1 meetingId: must be an id`);
  });
});
