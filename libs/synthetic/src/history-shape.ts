import { DAY } from './calendar';
import type { AppendBatch } from './synthetic-history';

/** A fact is "recorded late" when something that occurred more than this much later was written before it. */
export const LATE_AFTER_MS = DAY;
const BURST_WINDOW_MS = 90 * DAY;
const MAX_PROBLEMS = 20;

export type ShapeSummary = Readonly<{
  events: number;
  streams: number;
  eventsByType: Readonly<Record<string, number>>;
  gemeenten: number;
  sites: number;
  unfundedSites: number;
  /** Share of events written after one that occurred more than a day later. */
  lateShare: number;
  /** Gemeenten that lost three or more people within some 90 days. */
  gemeentenWithBurst: number;
  handoverShare: number;
  reversalShare: number;
  cancelledMeetings: number;
  cancelledMeetingsWithPresentAttendees: number;
  /** Commitments still open after their due date when the history ends. */
  overdueCommitments: number;
  firstOccurredAt: string;
  lastOccurredAt: string;
  /** Broken promises of the generator: revisions not contiguous, time going backwards in a stream. */
  problems: readonly string[];
}>;

/**
 * Measures the shape of a history as it is written, batch by batch, the way a read-side
 * view would see it: what the generator promises can be checked, not assumed.
 */
export class HistoryShape {
  private events = 0;
  private readonly byType = new Map<string, number>();
  private readonly streams = new Map<string, { revision: number; occurredAt: string }>();
  private latestOccurredAt = '';
  private earliestOccurredAt = '';
  private late = 0;
  private readonly gemeenten = new Set<string>();
  private readonly roleParty = new Map<string, string>();
  private readonly departures = new Map<string, number[]>();
  private readonly meetings = new Map<string, { cancelled: boolean; present: number }>();
  private readonly commitments = new Map<string, { open: boolean; dueOn?: string }>();
  private sites = 0;
  private unfunded = 0;
  private readonly problems: string[] = [];

  add(batch: AppendBatch): void {
    const stream = this.streams.get(batch.streamName);
    const expected = stream === undefined ? 'no_stream' : stream.revision;
    if (batch.expectedRevision !== expected) {
      this.problem(`${batch.streamName}: expected revision ${batch.expectedRevision}, the stream is at ${expected}`);
    }
    let revision = stream?.revision ?? -1;
    let previous = stream?.occurredAt ?? '';
    for (const event of batch.events) {
      revision += 1;
      const { occurredAt } = event.metadata;
      if (occurredAt < previous) this.problem(`${batch.streamName}@${revision}: occurredAt goes back`);
      previous = occurredAt;
      if (this.latestOccurredAt !== '' && Date.parse(this.latestOccurredAt) - Date.parse(occurredAt) > LATE_AFTER_MS) {
        this.late += 1;
      }
      if (occurredAt > this.latestOccurredAt) this.latestOccurredAt = occurredAt;
      if (this.earliestOccurredAt === '' || occurredAt < this.earliestOccurredAt) this.earliestOccurredAt = occurredAt;
      this.events += 1;
      this.byType.set(event.type, (this.byType.get(event.type) ?? 0) + 1);
      this.follow(event.type, event.data as Record<string, unknown>, occurredAt);
    }
    this.streams.set(batch.streamName, { revision, occurredAt: previous });
  }

  summary(): ShapeSummary {
    const count = (type: string) => this.byType.get(type) ?? 0;
    const end = this.latestOccurredAt.slice(0, 10);
    let overdue = 0;
    for (const { open, dueOn } of this.commitments.values()) if (open && dueOn !== undefined && dueOn < end) overdue++;
    let cancelled = 0;
    let cancelledWithPresent = 0;
    for (const meeting of this.meetings.values()) {
      if (!meeting.cancelled) continue;
      cancelled += 1;
      if (meeting.present > 0) cancelledWithPresent += 1;
    }
    return {
      events: this.events,
      streams: this.streams.size,
      eventsByType: Object.fromEntries([...this.byType].sort(([a], [b]) => a.localeCompare(b))),
      gemeenten: this.gemeenten.size,
      sites: this.sites,
      unfundedSites: this.unfunded,
      lateShare: this.events === 0 ? 0 : this.late / this.events,
      gemeentenWithBurst: [...this.departures.values()].filter(hasBurst).length,
      handoverShare: count('RoleVacated') === 0 ? 0 : count('HandoverRecorded') / count('RoleVacated'),
      reversalShare: count('PaymentMade') === 0 ? 0 : count('PaymentReversed') / count('PaymentMade'),
      cancelledMeetings: cancelled,
      cancelledMeetingsWithPresentAttendees: cancelledWithPresent,
      overdueCommitments: overdue,
      firstOccurredAt: this.earliestOccurredAt,
      lastOccurredAt: this.latestOccurredAt,
      problems: [...this.problems],
    };
  }

  private follow(type: string, data: Record<string, unknown>, occurredAt: string): void {
    switch (type) {
      case 'PartyRegistered':
        if (data.kind === 'municipality') this.gemeenten.add(data.partyId as string);
        break;
      case 'SiteJoined':
        this.sites += 1;
        if (!data.funded) this.unfunded += 1;
        break;
      case 'RoleAssigned':
        this.roleParty.set(data.roleId as string, data.partyId as string);
        break;
      case 'RoleVacated': {
        const party = this.roleParty.get(data.roleId as string) ?? '';
        if (!this.gemeenten.has(party)) break;
        const times = this.departures.get(party) ?? [];
        times.push(Date.parse(occurredAt));
        this.departures.set(party, times);
        break;
      }
      case 'MeetingScheduled':
        this.meetings.set(data.meetingId as string, { cancelled: false, present: 0 });
        break;
      case 'MeetingCancelled':
        this.meeting(data).cancelled = true;
        break;
      case 'AttendanceRecorded':
        if (data.status === 'present') this.meeting(data).present += 1;
        break;
      case 'AttendanceCorrected':
        if (data.status === 'present') this.meeting(data).present += 1;
        if (data.previousStatus === 'present') this.meeting(data).present -= 1;
        break;
      case 'CommitmentMade':
        this.commitments.set(data.commitmentId as string, { open: true, dueOn: data.dueOn as string | undefined });
        break;
      case 'CommitmentAmended':
        if (data.dueOn !== undefined) this.commitment(data).dueOn = data.dueOn as string;
        break;
      case 'CommitmentFulfilled':
      case 'CommitmentBroken':
      case 'CommitmentWithdrawn':
        this.commitment(data).open = false;
        break;
    }
  }

  private meeting(data: Record<string, unknown>) {
    const meeting = this.meetings.get(data.meetingId as string);
    if (!meeting) throw new Error(`attendance for meeting ${String(data.meetingId)}, never scheduled`);
    return meeting;
  }

  private commitment(data: Record<string, unknown>) {
    const commitment = this.commitments.get(data.commitmentId as string);
    if (!commitment) throw new Error(`commitment ${String(data.commitmentId)} changed, never made`);
    return commitment;
  }

  private problem(text: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(text);
  }
}

/** Three or more departures within some 90 days (times in write order, so sorted first). */
function hasBurst(times: number[]): boolean {
  const sorted = [...times].sort((a, b) => a - b);
  for (let i = 2; i < sorted.length; i++) if (sorted[i] - sorted[i - 2] <= BURST_WINDOW_MS) return true;
  return false;
}
