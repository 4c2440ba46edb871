import {
  Upcaster,
  withSharedVisibility,
  type Cents,
  type DomainEvent,
  type IsoDate,
  type Visibility,
} from '@samen/ledger-kernel';
import type { PaymentPurpose } from './payment';

/** What is stored of each payment fact, field by field: changing a field here changes the log. */
export type PaymentMade = DomainEvent<
  'PaymentMade',
  {
    paymentId: string;
    fromPartyId: string;
    toPartyId: string;
    amountInCents: Cents;
    purpose: PaymentPurpose;
    paidOn: IsoDate;
    settlesCommitmentId?: string;
    settlesInvoiceId?: string;
    /** Who may read it (schema version 2; version 1 read as shared). */
    visibility: Visibility;
  }
>;
/** Carries the amount reversed, so a view need not look the payment up. */
export type PaymentReversed = DomainEvent<
  'PaymentReversed',
  { paymentId: string; reason: string; amountInCents: Cents; visibility: Visibility }
>;
export type PaymentEvent = PaymentMade | PaymentReversed;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const paymentUpcaster = new Upcaster<PaymentEvent>({
  PaymentMade: { current: 2, lifts: { 1: withSharedVisibility } },
  PaymentReversed: { current: 2, lifts: { 1: withSharedVisibility } },
});
