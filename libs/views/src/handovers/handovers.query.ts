import { compareStamps, dutchDate, type TimeWindow } from '../core/time-window';
import type { Directory } from '../directory/directory.projection';
import type { Continuity, SeatFact } from '../continuity/continuity.projection';
import {
  compareIds,
  compareParties,
  partyLabel,
  seatRow,
  seatsInScope,
  tenuresOf,
  type PartyLabel,
  type SeatFilter,
  type SeatRow,
} from '../continuity/seats';

export interface HandoverFilter extends SeatFilter {
  /** Events from this moment on, epoch ms. */
  readonly from?: number;
  /** Events up to this moment, epoch ms. */
  readonly to?: number;
}

export type SeatEventKind = 'assigned' | 'vacated' | 'appointed' | 'handover';

/**
 * One event in a seat's history. The handover's `note` is restricted (the party and the
 * programme team only) and is never part of this answer: access control for views comes
 * later, and until then no view returns, exports or logs it.
 */
export interface SeatEvent extends SeatRow {
  readonly on: string;
  readonly at: string;
  readonly kind: SeatEventKind;
  /** Who took the seat, left it, or handed over. */
  readonly personId: string;
  /** For a departure: whether that person's handover is recorded (before or after leaving). */
  readonly handoverRecorded: boolean | null;
  /** For an appointment: who held the seat before. */
  readonly previousPersonId: string | null;
  readonly handover: {
    readonly handoverId: string;
    readonly handedOverOn: string;
    /** Null: nobody yet, handed to the party itself. */
    readonly toPersonId: string | null;
    readonly transferredCommitmentIds: readonly string[];
    readonly introducedToPartners: boolean;
  } | null;
}

export interface PartyHandoverHistory extends PartyLabel {
  readonly vacancies: number;
  readonly appointments: number;
  readonly handovers: number;
  readonly events: SeatEvent[];
}

export interface HandoverHistoryReport {
  readonly parties: PartyHandoverHistory[];
}

/**
 * Handover history: per party (gemeenten first), every appointment, vacancy and handover on
 * its seats, in the order they happened, with what each handover passed on and to whom.
 * Events at the same moment keep their seat's own order, never the order streams arrived in.
 */
export function handoverHistory(
  directory: Directory,
  continuity: Continuity,
  filter: HandoverFilter,
  window: TimeWindow,
): HandoverHistoryReport {
  const parties = new Map<string, { label: PartyLabel; events: (SeatEvent & { fact: SeatFact; index: number })[] }>();
  for (const { seat, facts } of seatsInScope(directory, continuity, filter, window)) {
    const label = partyLabel(directory, seat.partyId, window);
    const party = parties.get(label.partyId) ?? { label, events: [] };
    parties.set(label.partyId, party);
    const tenures = tenuresOf(facts);
    const previousOf = new Map(tenures.map((t) => [t.start, t.previousPersonId ?? null]));
    const handedOver = new Set(tenures.filter((t) => t.end && t.handover).map((t) => t.end));
    facts.forEach((fact, index) => {
      if (filter.from !== undefined && fact.occurredAt < filter.from) return;
      if (filter.to !== undefined && fact.occurredAt > filter.to) return;
      party.events.push({
        fact,
        index,
        on: dutchDate(fact.occurredAt),
        at: new Date(fact.occurredAt).toISOString(),
        kind: fact.kind,
        ...seatRow(seat, label),
        personId: fact.kind === 'handover' ? fact.fromPersonId : fact.personId,
        handoverRecorded: fact.kind === 'vacated' ? handedOver.has(fact) : null,
        previousPersonId: fact.kind === 'appointed' ? (previousOf.get(fact) ?? null) : null,
        handover:
          fact.kind === 'handover'
            ? {
                handoverId: fact.handoverId,
                handedOverOn: fact.handedOverOn,
                toPersonId: fact.toPersonId,
                transferredCommitmentIds: fact.transferredCommitmentIds,
                introducedToPartners: fact.introducedToPartners,
              }
            : null,
      });
    });
  }
  return {
    parties: [...parties.values()]
      .filter((party) => party.events.length > 0)
      .sort((a, b) => compareParties(a.label, b.label))
      .map(({ label, events }) => ({
        ...label,
        vacancies: events.filter((e) => e.kind === 'vacated').length,
        appointments: events.filter((e) => e.kind === 'assigned' || e.kind === 'appointed').length,
        handovers: events.filter((e) => e.kind === 'handover').length,
        events: events
          .sort((a, b) => compareStamps(a.fact, b.fact) || compareIds(a.roleId, b.roleId) || a.index - b.index)
          .map(({ fact: _fact, index: _index, ...event }) => event),
      })),
  };
}
