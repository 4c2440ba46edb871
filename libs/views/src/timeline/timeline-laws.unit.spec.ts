import fc from 'fast-check';
import type { LedgerFact } from '../core/ledger-fact';
import { ALL_TIME, type TimeWindow } from '../core/time-window';
import { replay } from '../ledger-views';
import { interleave } from '../testing/interleave';
import { timelineContent } from '../testing/view-content';
import { MEETING_FACT_TYPES, mergeTimelines } from './timeline-merge';
import { timelineProjection, type TimelineState } from './timeline.projection';
import { timelineChanges, timelinePage, type TimelineFilter } from './timeline.query';

/** A fact before it is in the log: position and recordedAt come with its place in the log. */
type Draft = Pick<LedgerFact, 'type' | 'data' | 'streamName' | 'occurredAt'>;

const ACTIONS = [
  'site',
  'role',
  'role-follow-up',
  'meeting',
  'attendance',
  'cancel',
  'commitment',
  'commitment-follow-up',
  'invoice',
  'payment',
  'reversal',
] as const;
const PARTIES = ['gemeente-a', 'gemeente-b', 'init-a', 'init-b', 'fonds'];
const PROGRAMMES = ['samen', 'tweede'];
const DAY = 86_400_000;
const START = Date.parse('2023-01-02T12:00:00+01:00');

/**
 * A random story told in the order things happened (each step 0-2 days after the last), in
 * which follow-ups and references only name what already happened: attendance at a
 * scheduled meeting, payments of made commitments and submitted invoices, roles at joined
 * sites.
 */
function tell(steps: readonly (readonly [number, number, number, number])[]): Draft[] {
  const drafts: Draft[] = [];
  let day = 0;
  const at = () => START + day * DAY;
  const add = (type: string, data: object, streamName: string) =>
    drafts.push({ type, data, streamName, occurredAt: at() } as Draft);
  const known = {
    sites: [] as string[],
    roles: [] as string[],
    meetings: [] as string[],
    commitments: [] as string[],
    invoices: [] as string[],
    payments: [] as string[],
  };
  for (const programmeId of PROGRAMMES)
    add('ProgrammeLaunched', { programmeId, name: programmeId, startsOn: '2023-01-01' }, `programme-${programmeId}`);
  for (const partyId of PARTIES)
    add('PartyRegistered', { partyId, kind: 'initiative', name: partyId }, `party-${partyId}`);
  for (const [action, a, b, advance] of steps) {
    day += advance % 3;
    const pick = <T>(list: readonly T[], n = a) => list[n % list.length];
    const kind = ACTIONS[action % ACTIONS.length];
    const id = `${kind}-${drafts.length}`;
    if (kind === 'site') {
      known.sites.push(id);
      add(
        'SiteJoined',
        {
          programmeId: pick(PROGRAMMES, b),
          siteId: id,
          name: id,
          gemeentePartyId: pick(PARTIES.slice(0, 2)),
          initiativePartyIds: [pick(PARTIES.slice(2, 4), b)],
          funded: true,
        },
        `programme-${pick(PROGRAMMES, b)}`,
      );
    } else if (kind === 'role') {
      known.roles.push(id);
      const seat =
        known.sites.length > 0 && b % 2 === 0 ? { siteId: pick(known.sites, b) } : { programmeId: pick(PROGRAMMES, b) };
      add('RoleAssigned', { roleId: id, partyId: pick(PARTIES), title: 't', personId: 'p-1', ...seat }, `role-${id}`);
    } else if (kind === 'role-follow-up' && known.roles.length > 0) {
      const roleId = pick(known.roles);
      add(
        pick(['RoleVacated', 'SuccessorAppointed', 'HandoverRecorded'], b),
        {
          roleId,
          personId: 'p-2',
          previousPersonId: 'p-1',
          reason: 'r',
          handoverId: id,
          fromPersonId: 'p-1',
          toPersonId: null,
          handedOverOn: '2023-01-01',
          transferredCommitmentIds: [],
          introducedToPartners: true,
        },
        `role-${roleId}`,
      );
    } else if (kind === 'meeting') {
      known.meetings.push(id);
      const host = known.sites.length > 0 && b % 2 === 0 ? { hostSiteId: pick(known.sites, b) } : {};
      add(
        'MeetingScheduled',
        {
          meetingId: id,
          programmeId: pick(PROGRAMMES, b),
          kind: 'collective',
          title: id,
          startsAt: new Date(at()).toISOString(),
          place: 'Utrecht',
          expectedPartyIds: [pick(PARTIES), pick(PARTIES, b)],
          ...host,
        },
        `meeting-${id}`,
      );
    } else if ((kind === 'attendance' || kind === 'cancel') && known.meetings.length > 0) {
      const meetingId = pick(known.meetings);
      if (kind === 'cancel') add('MeetingCancelled', { meetingId, reason: 'r' }, `meeting-${meetingId}`);
      else
        add(
          pick(['AttendanceRecorded', 'AttendanceCorrected'], b),
          {
            meetingId,
            personId: `p-${b % 4}`,
            partyId: pick(PARTIES, b),
            status: 'present',
            previousStatus: 'absent',
            reason: 'r',
          },
          `meeting-${meetingId}`,
        );
    } else if (kind === 'commitment') {
      known.commitments.push(id);
      const site = known.sites.length > 0 && b % 2 === 0 ? { siteId: pick(known.sites, b) } : {};
      add(
        'CommitmentMade',
        {
          commitmentId: id,
          programmeId: pick(PROGRAMMES, b),
          byPartyId: pick(PARTIES),
          responsiblePersonId: 'p-1',
          toPartyIds: [pick(PARTIES, b)],
          kind: 'support',
          description: id,
          ...site,
        },
        `commitment-${id}`,
      );
    } else if (kind === 'commitment-follow-up' && known.commitments.length > 0) {
      const commitmentId = pick(known.commitments);
      add(
        pick(
          [
            'CommitmentAmended',
            'CommitmentOwnershipTransferred',
            'CommitmentFulfilled',
            'CommitmentBroken',
            'CommitmentWithdrawn',
          ],
          b,
        ),
        { commitmentId, reason: 'r', evidence: 'e', toPersonId: 'p-2', fromPersonId: 'p-1' },
        `commitment-${commitmentId}`,
      );
    } else if (kind === 'invoice') {
      known.invoices.push(id);
      const commitment =
        known.commitments.length > 0 && b % 2 === 0 ? { commitmentId: pick(known.commitments, b) } : {};
      add(
        'InvoiceSubmitted',
        {
          invoiceId: id,
          fromPartyId: pick(PARTIES),
          toPartyId: pick(PARTIES, b),
          amountInCents: 100,
          description: 'd',
          submittedOn: '2023-01-01',
          ...commitment,
        },
        `invoice-${id}`,
      );
    } else if (kind === 'payment') {
      known.payments.push(id);
      const settles =
        b % 3 === 0 && known.commitments.length > 0
          ? { settlesCommitmentId: pick(known.commitments, b) }
          : b % 3 === 1 && known.invoices.length > 0
            ? { settlesInvoiceId: pick(known.invoices, b) }
            : {};
      add(
        'PaymentMade',
        {
          paymentId: id,
          fromPartyId: pick(PARTIES),
          toPartyId: pick(PARTIES, b),
          amountInCents: 100,
          purpose: 'invoice',
          paidOn: '2023-01-01',
          ...settles,
        },
        `payment-${id}`,
      );
      if ('settlesInvoiceId' in settles)
        add(
          'InvoicePaid',
          { invoiceId: settles.settlesInvoiceId, paymentId: id, paidOn: '2023-01-01' },
          `invoice-${settles.settlesInvoiceId}`,
        );
    } else if (kind === 'reversal' && known.payments.length > 0) {
      const paymentId = pick(known.payments);
      add('PaymentReversed', { paymentId, reason: 'r', amountInCents: 100 }, `payment-${paymentId}`);
    }
  }
  return drafts;
}

/** A log of the drafts: streams interleaved at random (from `seed`), each stream in its own order. */
function shuffled<T extends { streamName: string }>(items: readonly T[], seed: number): T[] {
  let random = seed >>> 0 || 1;
  const picks = items.map(() => (random = (Math.imul(random, 1103515245) + 12345) >>> 0));
  return interleave(items, picks);
}

/**
 * Positions and recording times follow the log, as a store gives them; three facts share a
 * recording time (as facts appended together do), so only the position orders them. From
 * `firstPosition` on (KurrentDB's are beyond what a double holds exactly).
 */
const recorded = (log: readonly Draft[], firstPosition = 1n): LedgerFact[] =>
  log.map(
    (draft, k) =>
      ({
        ...draft,
        position: String(firstPosition + BigInt(k)),
        recordedAt: Date.parse('2026-01-01T00:00:00Z') + Math.floor(k / 3) * 1000,
      }) as LedgerFact,
  );

/** Only this view's projection: the property is about it, whatever the other views make of random data. */
function fold(facts: readonly LedgerFact[]): TimelineState {
  const state = timelineProjection.initialState();
  for (const fact of facts) timelineProjection.apply(state, fact);
  return state;
}

const FILTERS: TimelineFilter[] = [
  {},
  { partyId: 'gemeente-a' },
  { partyId: 'init-b' },
  { programmeId: 'samen' },
  { category: 'money' },
  { kind: 'AttendanceRecorded' },
];

function answers(state: TimelineState, window: TimeWindow, sites: readonly string[]) {
  const filters = [
    ...FILTERS,
    ...sites.slice(0, 2).map((siteId) => ({ siteId })),
    { siteId: sites[0] ?? 'none', partyId: 'init-a' },
  ];
  return {
    pages: filters.map((filter) => timelinePage(state, filter, window, { limit: 1000 })),
    firstPages: filters.map((filter) => timelinePage(state, filter, window, { limit: 3 })),
    changes: timelineChanges(state, { after: START + 5 * DAY, until: START + 40 * DAY, by: 'occurred' }, {}, window, {
      limit: 5,
    }),
  };
}

const STORY = fc.record({
  steps: fc.array(fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100)), { maxLength: 80 }),
  logSeed: fc.integer(),
  otherSeed: fc.integer(),
  cutDay: fc.nat(90),
});

describe('timeline laws', () => {
  it('asOf D answers as a replay of only the facts that occurred by D; the interleaving of streams does not matter', () => {
    fc.assert(
      fc.property(STORY, ({ steps, logSeed, otherSeed, cutDay }) => {
        const drafts = tell(steps);
        const sites = drafts.filter((d) => d.type === 'SiteJoined').map((d) => (d.data as { siteId: string }).siteId);
        const log = recorded(shuffled(drafts, logSeed));
        const cut = START + cutDay * DAY;
        const state = fold(log);

        const asOfCut = { ...ALL_TIME, asOf: cut };
        expect(answers(state, asOfCut, sites)).toEqual(
          answers(fold(log.filter((f) => f.occurredAt <= cut)), ALL_TIME, sites),
        );

        // The same facts (same positions and times) applied with the streams interleaved otherwise.
        const reordered = fold(shuffled(log, otherSeed));
        expect(answers(reordered, ALL_TIME, sites)).toEqual(answers(state, ALL_TIME, sites));
        expect(answers(reordered, asOfCut, sites)).toEqual(answers(state, asOfCut, sites));
      }),
      { numRuns: 100 },
    );
  });

  it('built in two parts, meetings and the rest, and merged, it holds and answers what one built in order does, also after more facts', () => {
    const isMeeting = (fact: LedgerFact) => (MEETING_FACT_TYPES as readonly string[]).includes(fact.type);
    fc.assert(
      fc.property(STORY, fc.boolean(), fc.boolean(), ({ steps, logSeed, cutDay }, meetingsFirst, largePositions) => {
        const drafts = tell(steps);
        const sites = drafts.filter((d) => d.type === 'SiteJoined').map((d) => (d.data as { siteId: string }).siteId);
        const log = recorded(shuffled(drafts, logSeed), largePositions ? 2n ** 60n : 1n);
        // Merged after a part of the log, then the rest applied as the live path does.
        const merge = Math.round((log.length * cutDay) / 90);
        const meetings = fold(log.slice(0, merge).filter(isMeeting));
        const others = fold(log.slice(0, merge).filter((fact) => !isMeeting(fact)));
        // Either part may come first: the merge takes the first one's numbers.
        const merged = meetingsFirst ? mergeTimelines(meetings, others) : mergeTimelines(others, meetings);
        for (const fact of log.slice(merge)) timelineProjection.apply(merged, fact);

        const inOrder = fold(log);
        expect(timelineContent(merged)).toEqual(timelineContent(inOrder));
        expect(answers(merged, ALL_TIME, sites)).toEqual(answers(inOrder, ALL_TIME, sites));
        const asOfMerge = { ...ALL_TIME, asOf: log[merge - 1]?.occurredAt ?? START };
        expect(answers(merged, asOfMerge, sites)).toEqual(answers(inOrder, asOfMerge, sites));
      }),
      { numRuns: 100 },
    );
  });

  it('the timeline in the registered views is this projection’s', () => {
    const log = recorded(
      tell([
        [0, 1, 2, 1],
        [6, 0, 0, 1],
        [9, 3, 0, 1],
      ]),
    );
    expect(timelinePage(replay(log).timeline, {}, ALL_TIME, { limit: 10 })).toEqual(
      timelinePage(fold(log), {}, ALL_TIME, { limit: 10 }),
    );
  });
});
