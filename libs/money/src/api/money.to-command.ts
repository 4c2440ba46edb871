import { definedFields } from '@samen/command-handling';
import type { RecordInvoicePaid, SubmitInvoice } from '../domain/invoice';
import type { MakePayment, ReversePayment } from '../domain/payment';
import type { MakePaymentDto, RecordInvoicePaidDto, ReversePaymentDto, SubmitInvoiceDto } from './money.dto';

/** Each body as its command, field by field: a DTO field reaches a command only when named here. */
export const toMakePayment = (dto: MakePaymentDto, paymentId: string): Omit<MakePayment, 'context'> => ({
  type: 'MakePayment',
  data: definedFields({
    paymentId,
    fromPartyId: dto.fromPartyId,
    toPartyId: dto.toPartyId,
    amountInCents: dto.amountInCents,
    purpose: dto.purpose,
    paidOn: dto.paidOn,
    settlesCommitmentId: dto.settlesCommitmentId,
    settlesInvoiceId: dto.settlesInvoiceId,
    visibility: dto.visibility,
  }),
});

export const toReversePayment = (dto: ReversePaymentDto, paymentId: string): ReversePayment => ({
  type: 'ReversePayment',
  data: definedFields({ paymentId, reason: dto.reason, visibility: dto.visibility }),
});

export const toSubmitInvoice = (dto: SubmitInvoiceDto, invoiceId: string): SubmitInvoice => ({
  type: 'SubmitInvoice',
  data: definedFields({
    invoiceId,
    fromPartyId: dto.fromPartyId,
    toPartyId: dto.toPartyId,
    amountInCents: dto.amountInCents,
    description: dto.description,
    submittedOn: dto.submittedOn,
    commitmentId: dto.commitmentId,
    visibility: dto.visibility,
  }),
});

export const toRecordInvoicePaid = (
  dto: RecordInvoicePaidDto,
  invoiceId: string,
): Omit<RecordInvoicePaid, 'context'> => ({
  type: 'RecordInvoicePaid',
  data: definedFields({ invoiceId, paymentId: dto.paymentId, visibility: dto.visibility }),
});
