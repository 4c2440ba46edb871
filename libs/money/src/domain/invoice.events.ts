import {
  Upcaster,
  withSharedVisibility,
  type Cents,
  type DomainEvent,
  type IsoDate,
  type Visibility,
} from '@samen/ledger-kernel';

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
    /** Who may read it (schema version 2; version 1 read as shared). */
    visibility: Visibility;
  }
>;
/** `paidOn` is the payment's own day. */
export type InvoicePaid = DomainEvent<
  'InvoicePaid',
  { invoiceId: string; paymentId: string; paidOn: IsoDate; visibility: Visibility }
>;
export type InvoiceEvent = InvoiceSubmitted | InvoicePaid;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const invoiceUpcaster = new Upcaster<InvoiceEvent>({
  InvoiceSubmitted: { current: 2, lifts: { 1: withSharedVisibility } },
  InvoicePaid: { current: 2, lifts: { 1: withSharedVisibility } },
});
