import fc from 'fast-check';
import { ALL_TIME, dutchMidnight, endOfDutchDay, type TimeWindow } from '../core/time-window';
import { replay } from '../ledger-views';
import { commitmentAudit, commitmentDetail, commitmentsPerParty, type CommitmentFilter } from './commitments.query';
import { interleave } from '../testing/interleave';
import { noon, samenStory } from './samen-story.testing';

const facts = samenStory().facts;
const views = replay(facts);
/** "Today" for the questions without asOf or knownAt. */
const newYear2024 = noon('2024-01-01');
const asOf = (date: string): TimeWindow => ({ ...ALL_TIME, asOf: endOfDutchDay(date) });

const audit = (filter: CommitmentFilter = {}, window: TimeWindow = ALL_TIME, now = newYear2024) =>
  commitmentAudit(views.directory, views.commitments, filter, window, now).commitments;
const one = (commitmentId: string, window: TimeWindow = ALL_TIME) =>
  commitmentDetail(views.directory, views.commitments, commitmentId, window, newYear2024);
const partyRow = (partyId: string, window: TimeWindow = ALL_TIME) =>
  commitmentsPerParty(views.directory, views.commitments, {}, window, newYear2024).parties.find(
    (p) => p.partyId === partyId,
  );

describe('the commitment audit', () => {
  it('shows a fulfilled, a broken and a withdrawn commitment with their status and when they closed', () => {
    expect(one('c-attend')).toMatchObject({ status: 'fulfilled', closedAt: '2023-11-30T11:00:00.000Z' });
    expect(one('c-house')).toMatchObject({ status: 'broken', overdue: false, daysOverdue: null });
    expect(one('c-support')).toMatchObject({ status: 'withdrawn', overdue: false });
  });

  it('derives overdue from the due date as amended, judged on today when no date is asked', () => {
    // c-budget: due 30 Jun, amended to 30 Sep, still open. On 1 Jan 2024:
    // 30 Sep → 31 Oct 31 days, → 30 Nov 61, → 31 Dec 92, → 1 Jan 93.
    expect(one('c-budget')).toMatchObject({
      status: 'open',
      dueOn: '2023-09-30',
      overdue: true,
      daysOverdue: 93,
    });
  });

  it('is not overdue on its due date, and overdue by 5 days five days later', () => {
    expect(one('c-budget', asOf('2023-09-30'))).toMatchObject({ overdue: false, daysOverdue: null });
    expect(one('c-budget', asOf('2023-10-05'))).toMatchObject({ overdue: true, daysOverdue: 5 });
  });

  it('judges as of a date with the terms of that date: before the amendment it was due 30 June', () => {
    // On 15 Apr the first due date (30 Jun) was not yet passed; on 15 Jul the amendment of
    // 1 May had already moved it to 30 Sep, so it was not overdue then either.
    expect(one('c-budget', asOf('2023-04-15'))).toMatchObject({ dueOn: '2023-06-30', overdue: false });
    expect(one('c-budget', asOf('2023-07-15'))).toMatchObject({ dueOn: '2023-09-30', overdue: false });
    // c-house, due 1 Apr, was open and 9 days overdue on 10 Apr; broken on 15 May.
    expect(one('c-house', asOf('2023-04-10'))).toMatchObject({ status: 'open', overdue: true, daysOverdue: 9 });
    expect(one('c-house', asOf('2023-05-20'))).toMatchObject({ status: 'broken', overdue: false });
  });

  it('keeps every fact of a commitment’s history in order, with actor, times and position, and no handover note', () => {
    const budget = one('c-budget');
    expect(budget?.history.map((e) => e.type)).toEqual([
      'CommitmentMade',
      'CommitmentAmended',
      'CommitmentOwnershipTransferred',
      'HandoverRecorded',
    ]);
    const made = facts.find((f) => f.type === 'CommitmentMade' && f.data.commitmentId === 'c-budget');
    expect(budget?.history[0]).toEqual({
      type: 'CommitmentMade',
      actor: 'actor-gemeente-kampen',
      occurredAt: '2023-02-01T11:00:00.000Z',
      recordedAt: new Date(made!.recordedAt).toISOString(),
      position: made!.position,
    });
    expect(JSON.stringify(budget)).not.toContain('Vertrouwelijk');
  });

  it('names the owner: the person named, then whoever it was transferred or handed over to', () => {
    // p-lotte made it; transferred to p-sanne on 1 Aug; handed over to p-joost on 1 Oct.
    expect(one('c-budget', asOf('2023-03-01'))).toMatchObject({ ownerPersonId: 'p-lotte', ownerRoleId: 'r-beleid' });
    expect(one('c-budget', asOf('2023-08-15'))).toMatchObject({ ownerPersonId: 'p-sanne', ownerRoleId: 'r-beleid' });
    expect(one('c-budget')).toMatchObject({ ownerPersonId: 'p-joost' });
    expect(one('c-budget', asOf('2023-08-15'))?.history).toHaveLength(3);
  });

  it('does not know a commitment before it was made', () => {
    expect(one('c-budget', asOf('2023-01-31'))).toBeUndefined();
    expect(one('c-nergens')).toBeUndefined();
  });

  it('counts per party that made them: made, fulfilled, broken, withdrawn, open and overdue', () => {
    // Gemeente Kampen made c-budget (open, overdue), c-attend (fulfilled), c-house (broken), c-support (withdrawn).
    expect(partyRow('gemeente-kampen')).toEqual({
      partyId: 'gemeente-kampen',
      name: 'Gemeente Kampen',
      kind: 'municipality',
      made: 4,
      fulfilled: 1,
      broken: 1,
      withdrawn: 1,
      open: 1,
      overdue: 1,
    });
    // VSBfonds broke its promise; Stichting DOEN withdrew; the Oranje Fonds (no due date) is open, not overdue.
    expect(partyRow('vsbfonds')).toMatchObject({ made: 1, broken: 1, open: 0 });
    expect(partyRow('stichting-doen')).toMatchObject({ made: 1, withdrawn: 1 });
    expect(partyRow('oranje-fonds')).toMatchObject({ made: 1, open: 1, overdue: 0 });
  });

  it('answers as the ledger knew it: before the late fulfilment was recorded, c-attend was open', () => {
    // The fulfilment of 30 Nov 2023 was recorded on 1 Feb 2026; on 31 Jan 2026 the ledger
    // knew 2 open commitments of Kampen, judged on that date: c-budget 30 Sep 2023 → 30 Sep
    // 2025 is 731 days (with 29 Feb 2024), → 31 Jan 2026 another 123: 854 days overdue.
    const knownAt = { ...ALL_TIME, knownAt: Date.parse('2026-01-31T00:00:00Z') };
    expect(one('c-attend', knownAt)).toMatchObject({ status: 'open', closedAt: null });
    expect(one('c-budget', knownAt)).toMatchObject({ daysOverdue: 854 });
    expect(partyRow('gemeente-kampen', knownAt)).toMatchObject({ open: 2, fulfilled: 0, overdue: 1 });
  });

  it('filters by party (made by or to), site, status and the period they were made in', () => {
    // Everything made to init-a, by date made (ties by id).
    expect(audit({ partyId: 'init-a' }).map((c) => c.commitmentId)).toEqual([
      'c-oranje',
      'c-vsb',
      'c-attend',
      'c-budget',
      'c-doen',
      'c-house',
      'c-support',
    ]);
    expect(audit({ siteId: 'groningen' }).map((c) => c.commitmentId)).toEqual(['c-fee']);
    expect(audit({ status: 'overdue' }).map((c) => c.commitmentId)).toEqual(['c-budget']);
    expect(audit({ status: 'broken' }).map((c) => c.commitmentId)).toEqual(['c-vsb', 'c-house']);
    const february = { from: dutchMidnight('2023-02-01'), to: endOfDutchDay('2023-02-28') };
    expect(audit(february).map((c) => c.commitmentId)).toEqual(['c-attend', 'c-budget', 'c-doen', 'c-house', 'c-fee']);
  });

  it('shows the amount as amended', () => {
    expect(one('c-oranje', asOf('2023-02-28'))?.amountInCents).toBe(1_000_000);
    expect(one('c-oranje')?.amountInCents).toBe(1_500_000);
  });
});

describe('the commitment audit in time', () => {
  const start = Date.parse('2022-11-15T00:00:00Z');
  const end = Date.parse('2024-02-01T00:00:00Z');

  it('as of any moment equals a replay of only what had happened by then, whatever the order of streams', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }),
        (moment, picks) => {
          const then = replay(
            interleave(
              facts.filter((f) => f.occurredAt <= moment),
              picks,
            ),
          );
          const window = { ...ALL_TIME, asOf: moment };
          expect(commitmentAudit(then.directory, then.commitments, {}, ALL_TIME, moment)).toEqual(
            commitmentAudit(views.directory, views.commitments, {}, window, newYear2024),
          );
          expect(commitmentsPerParty(then.directory, then.commitments, {}, ALL_TIME, moment)).toEqual(
            commitmentsPerParty(views.directory, views.commitments, {}, window, newYear2024),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order in which independent streams were written', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }), (picks) => {
        const shuffled = replay(interleave(facts, picks));
        const knownAt = { ...ALL_TIME, knownAt: Date.parse('2026-01-31T00:00:00Z') };
        for (const window of [ALL_TIME, asOf('2023-08-15'), knownAt]) {
          expect(commitmentAudit(shuffled.directory, shuffled.commitments, {}, window, newYear2024)).toEqual(
            commitmentAudit(views.directory, views.commitments, {}, window, newYear2024),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
