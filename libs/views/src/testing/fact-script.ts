import type { PartyKind } from '@samen/structure/domain';
import type { Visibility } from '@samen/ledger-kernel';
import { LEDGER_UPCASTER } from '@samen/ledger-events';
import type { LedgerEvent, LedgerFact } from '../core/ledger-fact';

type FactOf<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>;
/** A story names a fact's visibility only where it matters; left out, the fact reads as recorded before visibility (shared). */
type ScriptData<T extends LedgerEvent['type']> = FactOf<T>['data'] extends { visibility: Visibility }
  ? Omit<FactOf<T>['data'], 'visibility'> & { visibility?: Visibility }
  : FactOf<T>['data'];

/**
 * Writes a story as facts for view tests: each fact says when it happened; it is recorded
 * in the order written, one second apart, unless it says when it was recorded (late).
 */
export class FactScript {
  readonly facts: LedgerFact[] = [];
  private clock = Date.parse('2026-01-01T00:00:00Z');

  /** `occurredAt` as a date (noon, Dutch winter time) or a full timestamp. */
  add<T extends LedgerEvent['type']>(
    type: T,
    data: ScriptData<T>,
    occurredAt: string,
    options: { recordedAt?: string; actor?: string } = {},
  ): this {
    this.clock += 1000;
    const recordedAt = options.recordedAt ? Date.parse(options.recordedAt) : this.clock;
    this.facts.push({
      type,
      data: 'visibility' in data ? data : LEDGER_UPCASTER.upcast(type, 1, data),
      streamName: streamOf(type, data as Record<string, unknown>),
      position: String(this.facts.length + 1),
      occurredAt: Date.parse(occurredAt.length === 10 ? `${occurredAt}T12:00:00+01:00` : occurredAt),
      recordedAt,
      ...(options.actor && { actor: options.actor }),
    } as LedgerFact);
    return this;
  }

  /** Registers parties, in the order given, on one day. */
  parties(parties: readonly (readonly [partyId: string, kind: PartyKind, name: string])[], on: string): this {
    for (const [partyId, kind, name] of parties) this.add('PartyRegistered', { partyId, kind, name }, on);
    return this;
  }

  /** Funded sites of one gemeente and one initiative each, named "Proeftuin <id>", joining on one day. */
  sites(
    programmeId: string,
    sites: readonly (readonly [siteId: string, gemeentePartyId: string, initiativePartyId: string])[],
    on: string,
  ): this {
    for (const [siteId, gemeentePartyId, initiative] of sites) {
      this.add(
        'SiteJoined',
        {
          programmeId,
          siteId,
          name: `Proeftuin ${siteId}`,
          gemeentePartyId,
          initiativePartyIds: [initiative],
          funded: true,
        },
        on,
      );
    }
    return this;
  }
}

/** The stream the command side would have written the fact to. */
function streamOf(type: LedgerEvent['type'], data: Record<string, unknown>): string {
  const [entity, idField] = STREAMS.find(([, , types]) => types.test(type)) ?? ['unknown', 'id'];
  return `${entity}-${String(data[idField])}`;
}

const STREAMS: readonly [string, string, RegExp][] = [
  ['programme', 'programmeId', /^(ProgrammeLaunched|SiteJoined)$/],
  ['party', 'partyId', /^Party/],
  ['person', 'personId', /^Person/],
  ['role', 'roleId', /^(Role|Successor|Handover)/],
  ['meeting', 'meetingId', /^(Meeting|Attendance)/],
  ['commitment', 'commitmentId', /^Commitment/],
  ['payment', 'paymentId', /^Payment/],
  ['invoice', 'invoiceId', /^Invoice/],
];
