import { within, type TimeWindow } from '../core/time-window';
import type { Directory, SiteEntry } from '../directory/directory.projection';
import type { CommitmentOrigin, CommitmentsState } from '../commitments/commitments.projection';
import type { Presence } from '../presence/presence.projection';
import type { MoneyState, PaymentRecord } from './money.projection';

/**
 * Which site money belongs to. Payments name no site, and commitments may not either, so
 * the site is found through the parties: the site a payee belongs to (as its gemeente or one
 * of its initiatives). When a payee belongs to several, the one the payer also belongs to
 * decides; when that still leaves several (or none), the money has no site (null).
 * Asked per question, of the sites known in its window.
 */
export class SiteIndex {
  constructor(
    private readonly directory: Directory,
    private readonly window: TimeWindow,
  ) {}

  site(siteId: string): SiteEntry | undefined {
    const site = this.directory.sites.get(siteId);
    return site && within(site, this.window) ? site : undefined;
  }

  /** The parties of a site: its gemeente and initiatives. */
  partiesOf(siteId: string): string[] {
    const site = this.site(siteId);
    return site ? [...new Set([site.gemeentePartyId, ...site.initiativePartyIds])] : [];
  }

  /** The one site these payees (paid by `payerId`, within `programmeId` if known) belong to. */
  siteFor(payeeIds: readonly string[], payerId: string, programmeId?: string): string | null {
    const found: SiteEntry[] = [];
    for (const partyId of payeeIds) {
      for (const siteId of this.directory.sitesOfParty.get(partyId) ?? []) {
        const site = this.site(siteId);
        if (!site || (programmeId !== undefined && site.programmeId !== programmeId)) continue;
        if (!found.includes(site)) found.push(site);
      }
    }
    if (found.length === 1) return found[0].siteId;
    const withPayer = found.filter((s) => s.gemeentePartyId === payerId || s.initiativePartyIds.includes(payerId));
    return withPayer.length === 1 ? withPayer[0].siteId : null;
  }

  /** A commitment's site: the one it names, else the one its payees belong to. */
  siteOfCommitment(origin: CommitmentOrigin): string | null {
    return origin.siteId ?? this.siteFor(origin.toPartyIds, origin.byPartyId, origin.programmeId);
  }
}

/** What the money view reads: its own payments and invoices, and the commitments, meetings and presence. */
export interface MoneySources {
  readonly directory: Directory;
  readonly presence: Presence;
  readonly commitments: CommitmentsState;
  readonly money: MoneyState;
}

export interface MoneyFilter {
  readonly programmeId?: string;
  readonly siteId?: string;
  /** The party that pays or is paid. */
  readonly partyId?: string;
  /** From this moment on (epoch ms): commitments made, meetings held, payments paid, invoices submitted. */
  readonly from?: number;
  readonly to?: number;
}

/** Whether a calendar date (or moment) falls in the filter's period. */
export function inPeriod(filter: MoneyFilter, at: number): boolean {
  return (filter.from === undefined || at >= filter.from) && (filter.to === undefined || at <= filter.to);
}

/**
 * The parties whose index entries cover a filter: the party asked about, or a site's gemeente
 * and initiatives; undefined means everything must be read.
 */
export function partiesToRead(sites: SiteIndex, filter: MoneyFilter): string[] | undefined {
  if (filter.partyId) return [filter.partyId];
  if (filter.siteId) return sites.partiesOf(filter.siteId);
  return undefined;
}

/**
 * The records (payments or invoices) of these parties, as payer or payee, each once, from
 * the per-party index; every record when `parties` is undefined (see partiesToRead).
 */
export function recordsOfParties<T>(
  all: ReadonlyMap<string, T>,
  byParty: ReadonlyMap<string, readonly T[]>,
  idOf: (record: T) => string,
  parties: readonly string[] | undefined,
): Iterable<T> {
  if (!parties) return all.values();
  const found = new Map<string, T>();
  for (const partyId of parties) for (const record of byParty.get(partyId) ?? []) found.set(idOf(record), record);
  return found.values();
}

/** A payment's amount after its reversal, if the reversal is in the window. */
export function netAmount(money: MoneyState, payment: PaymentRecord, window: TimeWindow): number {
  const reversal = money.reversals.get(payment.paymentId);
  return payment.amountInCents - (reversal && within(reversal, window) ? reversal.amountInCents : 0);
}
