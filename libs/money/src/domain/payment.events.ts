import { Upcaster, type Cents, type DomainEvent, type IsoDate } from '@samen/ledger-kernel';
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
  }
>;
/** Carries the amount reversed, so a view need not look the payment up. */
export type PaymentReversed = DomainEvent<
  'PaymentReversed',
  { paymentId: string; reason: string; amountInCents: Cents }
>;
export type PaymentEvent = PaymentMade | PaymentReversed;

export const paymentUpcaster = new Upcaster<PaymentEvent>({
  PaymentMade: { current: 1 },
  PaymentReversed: { current: 1 },
});
