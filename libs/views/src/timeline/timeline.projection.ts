import type { LedgerEvent, LedgerFact } from '../core/ledger-fact';
import { grown, grownLength, growColumns, intern } from '../core/columns';
import { pushTo, type Projection } from '../core/projection';
import { findString, internString, newStringPool, type StringPool } from './string-pool';

/** The coarse kinds of fact an evaluator filters on. */
export const FACT_CATEGORIES = ['structure', 'roles', 'attendance', 'commitments', 'money'] as const;
export type FactCategory = (typeof FACT_CATEGORIES)[number];
/**
 * Reflections and their visibility changes are kept out of the timeline: who may learn that a
 * reflection exists at all (its author, its date) is its visibility's to say, and the
 * reflections view asks the rule book for each reader; the timeline is for every reader alike.
 */
export const OUT_OF_TIMELINE = ['ReflectionRecorded', 'VisibilityChanged'] as const;
type OutOfTimeline = (typeof OUT_OF_TIMELINE)[number];
export type FactType = Exclude<LedgerEvent['type'], OutOfTimeline>;
type TimelineFact = Exclude<LedgerFact, { type: OutOfTimeline }>;
const isOutOfTimeline = (fact: LedgerFact): fact is Extract<LedgerFact, { type: OutOfTimeline }> =>
  (OUT_OF_TIMELINE as readonly string[]).includes(fact.type);

/** Every fact type the ledger records and its category; the compiler insists on every type. */
export const CATEGORY_OF: Readonly<Record<FactType, FactCategory>> = {
  ProgrammeLaunched: 'structure',
  SiteJoined: 'structure',
  PartyRegistered: 'structure',
  PersonRegistered: 'structure',
  RoleAssigned: 'roles',
  RoleVacated: 'roles',
  SuccessorAppointed: 'roles',
  HandoverRecorded: 'roles',
  MeetingScheduled: 'attendance',
  AttendanceRecorded: 'attendance',
  AttendanceCorrected: 'attendance',
  MeetingCancelled: 'attendance',
  CommitmentMade: 'commitments',
  CommitmentAmended: 'commitments',
  CommitmentOwnershipTransferred: 'commitments',
  CommitmentFulfilled: 'commitments',
  CommitmentBroken: 'commitments',
  CommitmentWithdrawn: 'commitments',
  InvoiceSubmitted: 'money',
  InvoicePaid: 'money',
  PaymentMade: 'money',
  PaymentReversed: 'money',
};
export const FACT_TYPES = Object.keys(CATEGORY_OF) as FactType[];

/** Entry numbers of one party's or one site's facts, in the order they became known. */
export interface Posting {
  items: Int32Array;
  length: number;
}

/**
 * An index of every fact, one entry per fact in log order, kept in columns: a million
 * facts are a few typed arrays, not a million objects. Strings (types, streams, actors,
 * ids) are interned; a column holds their number, -1 for none. Entry `i` is the i-th fact
 * applied. Plain data only (typed arrays, Maps, arrays), so it survives v8 serialisation.
 *
 * What a fact concerns (programme, site, parties) is resolved when it is applied, from what
 * the index already holds: a follow-up event inherits from the first fact of its stream
 * (attendance from its MeetingScheduled, an amendment from its CommitmentMade), and a fact
 * that names another stream (a payment settling a commitment) inherits its programme and
 * site from that stream's first fact. If that fact is not in the log yet, the entry waits
 * for it and is completed when it arrives, so the index does not depend on the order in
 * which independent streams were written.
 */
export interface TimelineState {
  /** Number of entries. */
  count: number;
  occurredAt: Float64Array;
  recordedAt: Float64Array;
  /** The global position; NaN when it is too large for a double, then it is in `largePositions`. */
  position: Float64Array;
  largePositions: Map<number, string>;
  type: Uint16Array;
  stream: Int32Array;
  actor: Int32Array;
  /** Into `ids`; -1 when the fact concerns no programme (yet). */
  programme: Int32Array;
  /** Into `ids`; -1 when the fact concerns no site (yet). */
  site: Int32Array;
  /** Each entry's parties are `partyPool[partyStart[i] .. partyStart[i] + partyCount[i])`; follow-ups share their first fact's slice. */
  partyStart: Int32Array;
  partyCount: Uint16Array;
  partyPool: Int32Array;
  partyPoolLength: number;

  types: string[];
  typeIds: Map<string, number>;
  /** Stream names: hundreds of thousands of them, so in a compact pool. */
  streams: StringPool;
  actors: string[];
  actorIds: Map<string, number>;
  /** Programme, site and party ids, in one table (the column says which kind). */
  ids: string[];
  idIds: Map<string, number>;

  /** Per stream number: the entry of its first fact, -1 before it. */
  streamFirst: Int32Array;
  /** Per site id: the entry of its SiteJoined. */
  siteJoined: Map<string, number>;
  /** Per party id number, and per site id number: their entries (arrays with holes, cheaper than maps of numbers). */
  partyPostings: Posting[];
  sitePostings: Posting[];
  /** Entries waiting for the first fact of a stream (or a site's SiteJoined), by its key. */
  waiting: Map<string, number[]>;
  /** The key each waiting entry waits for. */
  waitsFor: Map<number, string>;
}

const INITIAL_CAPACITY = 1024;

export const timelineProjection: Projection<TimelineState> = {
  name: 'timeline',
  initialState: () => ({
    count: 0,
    occurredAt: new Float64Array(INITIAL_CAPACITY),
    recordedAt: new Float64Array(INITIAL_CAPACITY),
    position: new Float64Array(INITIAL_CAPACITY),
    largePositions: new Map(),
    type: new Uint16Array(INITIAL_CAPACITY),
    stream: new Int32Array(INITIAL_CAPACITY),
    actor: new Int32Array(INITIAL_CAPACITY),
    programme: new Int32Array(INITIAL_CAPACITY),
    site: new Int32Array(INITIAL_CAPACITY),
    partyStart: new Int32Array(INITIAL_CAPACITY),
    partyCount: new Uint16Array(INITIAL_CAPACITY),
    partyPool: new Int32Array(INITIAL_CAPACITY),
    partyPoolLength: 0,
    types: [],
    typeIds: new Map(),
    streams: newStringPool(),
    actors: [],
    actorIds: new Map(),
    ids: [],
    idIds: new Map(),
    streamFirst: new Int32Array(INITIAL_CAPACITY),
    siteJoined: new Map(),
    partyPostings: [],
    sitePostings: [],
    waiting: new Map(),
    waitsFor: new Map(),
  }),
  apply(state, fact) {
    if (isOutOfTimeline(fact)) return;
    const entry = state.count;
    if (entry === state.occurredAt.length) growColumns(state, ENTRY_COLUMNS, entry + 1);
    state.occurredAt[entry] = fact.occurredAt;
    state.recordedAt[entry] = fact.recordedAt;
    const position = Number(fact.position);
    if (Number.isSafeInteger(position)) state.position[entry] = position;
    else {
      state.position[entry] = Number.NaN;
      state.largePositions.set(entry, fact.position);
    }
    state.type[entry] = intern(state.types, state.typeIds, fact.type);
    const stream = internStream(state, fact.streamName);
    state.stream[entry] = stream;
    state.actor[entry] = fact.actor === undefined ? -1 : intern(state.actors, state.actorIds, fact.actor);
    state.programme[entry] = -1;
    state.site[entry] = -1;
    state.partyStart[entry] = 0;
    state.partyCount[entry] = 0;
    state.count = entry + 1;
    if (state.streamFirst[stream] === -1) state.streamFirst[stream] = entry;
    resolve(state, entry, stream, fact);
  },
  reserve(state, facts) {
    const length = grownLength(state.occurredAt.length, state.count + facts);
    if (length > state.occurredAt.length) growColumns(state, ENTRY_COLUMNS, length);
  },
  indexes: [
    ['types', 'typeIds'],
    ['actors', 'actorIds'],
    ['ids', 'idIds'],
  ],
};

/** What the fact concerns: its programme, site and parties, from its data or from earlier facts. */
function resolve(state: TimelineState, entry: number, stream: number, fact: TimelineFact): void {
  switch (fact.type) {
    case 'ProgrammeLaunched':
      setProgramme(state, entry, fact.data.programmeId);
      return;
    case 'PartyRegistered':
      setParties(state, entry, [fact.data.partyId]);
      return;
    case 'PersonRegistered':
      // A person is nobody's party: their facts are found through their roles.
      return;
    case 'SiteJoined': {
      const { programmeId, siteId, gemeentePartyId, initiativePartyIds } = fact.data;
      setProgramme(state, entry, programmeId);
      setSite(state, entry, siteId);
      setParties(state, entry, [gemeentePartyId, ...initiativePartyIds]);
      state.siteJoined.set(siteId, entry);
      release(state, siteKey(siteId), entry);
      return;
    }
    case 'RoleAssigned': {
      const { partyId, programmeId, siteId } = fact.data;
      setParties(state, entry, [partyId]);
      if (siteId !== undefined) setSite(state, entry, siteId);
      if (programmeId !== undefined) setProgramme(state, entry, programmeId);
      else if (siteId !== undefined) inheritOrWait(state, entry, siteKey(siteId), state.siteJoined.get(siteId));
      return;
    }
    case 'RoleVacated':
    case 'SuccessorAppointed':
    case 'HandoverRecorded':
    case 'MeetingCancelled':
    case 'CommitmentAmended':
    case 'CommitmentOwnershipTransferred':
    case 'CommitmentFulfilled':
    case 'CommitmentBroken':
    case 'CommitmentWithdrawn':
    case 'InvoicePaid':
    case 'PaymentReversed':
      followFirst(state, entry, stream, true);
      return;
    case 'MeetingScheduled': {
      const { programmeId, hostSiteId, expectedPartyIds } = fact.data;
      setProgramme(state, entry, programmeId);
      if (hostSiteId !== undefined) setSite(state, entry, hostSiteId);
      setParties(state, entry, expectedPartyIds);
      return;
    }
    case 'AttendanceRecorded':
    case 'AttendanceCorrected':
      // The meeting says where; the attendance says for which party.
      followFirst(state, entry, stream, false);
      setParties(state, entry, [fact.data.partyId]);
      return;
    case 'CommitmentMade': {
      const { programmeId, siteId, byPartyId, toPartyIds } = fact.data;
      setProgramme(state, entry, programmeId);
      if (siteId !== undefined) setSite(state, entry, siteId);
      setParties(state, entry, [byPartyId, ...toPartyIds]);
      release(state, fact.streamName, entry);
      return;
    }
    case 'InvoiceSubmitted': {
      const { fromPartyId, toPartyId, commitmentId } = fact.data;
      setParties(state, entry, [fromPartyId, toPartyId]);
      if (commitmentId !== undefined) inheritFromStream(state, entry, `commitment-${commitmentId}`);
      release(state, fact.streamName, entry);
      return;
    }
    case 'PaymentMade': {
      const { fromPartyId, toPartyId, settlesCommitmentId, settlesInvoiceId } = fact.data;
      setParties(state, entry, [fromPartyId, toPartyId]);
      if (settlesCommitmentId !== undefined) inheritFromStream(state, entry, `commitment-${settlesCommitmentId}`);
      else if (settlesInvoiceId !== undefined) inheritFromStream(state, entry, `invoice-${settlesInvoiceId}`);
      return;
    }
    default: {
      const unknown: never = fact;
      return unknown;
    }
  }
}

const siteKey = (siteId: string) => `site:${siteId}`;

/** A follow-up takes what its stream's first fact concerns: programme, site and (if asked) its parties. */
function followFirst(state: TimelineState, entry: number, stream: number, withParties: boolean): void {
  const first = state.streamFirst[stream];
  if (first === entry || first === -1) return;
  if (withParties) {
    state.partyStart[entry] = state.partyStart[first];
    state.partyCount[entry] = state.partyCount[first];
    const start = state.partyStart[first];
    for (let k = start; k < start + state.partyCount[first]; k++)
      addPosting(state.partyPostings, state.partyPool[k], entry);
  }
  inherit(state, entry, first);
}

/**
 * Another stream's first fact (by the command side's stream name `<entity>-<id>`) says
 * which programme and site this fact concerns.
 */
function inheritFromStream(state: TimelineState, entry: number, streamName: string): void {
  const stream = findString(state.streams, streamName);
  const first = stream === -1 ? -1 : state.streamFirst[stream];
  inheritOrWait(state, entry, streamName, first === -1 ? undefined : first);
}

function inheritOrWait(state: TimelineState, entry: number, key: string, from: number | undefined): void {
  if (from !== undefined) inherit(state, entry, from);
  else waitFor(state, entry, key);
}

/** Takes the programme and site of `from` where `entry` has none; waits with it if it is still waiting. */
function inherit(state: TimelineState, entry: number, from: number): void {
  if (state.programme[entry] === -1) state.programme[entry] = state.programme[from];
  if (state.site[entry] === -1 && state.site[from] !== -1) {
    state.site[entry] = state.site[from];
    addPosting(state.sitePostings, state.site[from], entry);
  }
  const key = state.waitsFor.get(from);
  if (key !== undefined) waitFor(state, entry, key);
}

function waitFor(state: TimelineState, entry: number, key: string): void {
  pushTo(state.waiting, key, entry);
  state.waitsFor.set(entry, key);
}

/** The fact some entries waited for has arrived: complete them from it. */
function release(state: TimelineState, key: string, from: number): void {
  const waiting = state.waiting.get(key);
  if (!waiting) return;
  state.waiting.delete(key);
  for (const entry of waiting) {
    state.waitsFor.delete(entry);
    inherit(state, entry, from);
  }
}

function setProgramme(state: TimelineState, entry: number, programmeId: string): void {
  state.programme[entry] = intern(state.ids, state.idIds, programmeId);
}

function setSite(state: TimelineState, entry: number, siteId: string): void {
  const site = intern(state.ids, state.idIds, siteId);
  state.site[entry] = site;
  addPosting(state.sitePostings, site, entry);
}

function setParties(state: TimelineState, entry: number, partyIds: readonly string[]): void {
  if (state.partyPoolLength + partyIds.length > state.partyPool.length) {
    state.partyPool = grown(state.partyPool, state.partyPoolLength + partyIds.length);
  }
  const start = state.partyPoolLength;
  for (const partyId of partyIds) {
    const party = intern(state.ids, state.idIds, partyId);
    // Each party once. Most facts name one or two; a collective meeting, up to a few hundred
    // (a quadratic scan of those costs milliseconds over a whole log, less than a set per fact).
    if (poolHolds(state, start, party)) continue;
    state.partyPool[state.partyPoolLength++] = party;
    addPosting(state.partyPostings, party, entry);
  }
  state.partyStart[entry] = start;
  state.partyCount[entry] = state.partyPoolLength - start;
}

function poolHolds(state: TimelineState, start: number, party: number): boolean {
  for (let k = start; k < state.partyPoolLength; k++) if (state.partyPool[k] === party) return true;
  return false;
}

function addPosting(postings: Posting[], key: number, entry: number): void {
  let posting = postings[key];
  if (posting === undefined) {
    posting = { items: new Int32Array(16), length: 0 };
    postings[key] = posting;
  }
  // Doubling: tens of thousands of postings, each grown a few times.
  if (posting.length === posting.items.length) posting.items = grown(posting.items, posting.length * 2, { least: 16 });
  posting.items[posting.length++] = entry;
}

function internStream(state: TimelineState, streamName: string): number {
  const known = state.streams.count;
  const stream = internString(state.streams, streamName);
  if (stream < known) return stream;
  if (stream >= state.streamFirst.length) state.streamFirst = grown(state.streamFirst, stream + 1, { fill: -1 });
  state.streamFirst[stream] = -1;
  return stream;
}

/** The columns with one slot per entry. */
export const ENTRY_COLUMNS = [
  'occurredAt',
  'recordedAt',
  'position',
  'type',
  'stream',
  'actor',
  'programme',
  'site',
  'partyStart',
  'partyCount',
] as const;

/** The position of an entry, as the log gives it. */
export function positionOf(state: TimelineState, entry: number): string {
  const position = state.position[entry];
  return Number.isNaN(position) ? (state.largePositions.get(entry) ?? '') : String(position);
}

/** The parties an entry concerns, as ids. */
export function partiesOf(state: TimelineState, entry: number): string[] {
  const start = state.partyStart[entry];
  const ids: string[] = [];
  for (let k = start; k < start + state.partyCount[entry]; k++) ids.push(state.ids[state.partyPool[k]]);
  return ids.sort();
}
