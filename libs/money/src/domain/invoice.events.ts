import { Upcaster, type Cents, type DomainEvent, type IsoDate } from '@samen/ledger-kernel';

/** What is stored of each invoice fact, field by field: changing a field here changes the log. */
export type InvoiceSubmitted = DomainEvent<
  'InvoiceSubmitted',
  {
    invoiceId: string;
    /** Who bills, e.g. an initiative for its advisory time. */
    fromPartyId: string;
    toPartyId: string;
    amountInCents: Cents;
    description: string;
    submittedOn: IsoDate;
    commitmentId?: string;
  }
>;
/** `paidOn` is the payment's own day. */
export type InvoicePaid = DomainEvent<'InvoicePaid', { invoiceId: string; paymentId: string; paidOn: IsoDate }>;
export type InvoiceEvent = InvoiceSubmitted | InvoicePaid;

export const invoiceUpcaster = new Upcaster<InvoiceEvent>({
  InvoiceSubmitted: { current: 1 },
  InvoicePaid: { current: 1 },
});
