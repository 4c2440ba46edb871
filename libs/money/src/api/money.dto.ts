import {
  CentsProperty,
  DateProperty,
  EnumProperty,
  FactDto,
  IdProperty,
  TextProperty,
  VisibilityProperty,
} from '@samen/command-handling';
import type { Visibility } from '@samen/ledger-kernel';
import { PAYMENT_PURPOSES, type PaymentPurpose } from '../domain/payment';

export class MakePaymentDto extends FactDto {
  @IdProperty({
    description: 'Id; weggelaten: nieuw / id; new when left out',
    example: 'oranje-fonds-kampen-2023-1',
    optional: true,
  })
  paymentId?: string;

  @IdProperty({ description: 'Betaler / payer', example: 'oranje-fonds' })
  fromPartyId!: string;

  @IdProperty({ description: 'Ontvanger / payee', example: 'wijkvereniging-brunnepe' })
  toPartyId!: string;

  @CentsProperty({ description: 'Bedrag in eurocenten / amount in euro cents', example: 1500000 })
  amountInCents!: number;

  @EnumProperty(PAYMENT_PURPOSES, { description: 'Doel / purpose', example: 'programme-contribution' })
  purpose!: PaymentPurpose;

  @DateProperty({ description: 'Betaald op / paid on', example: '2023-04-03' })
  paidOn!: string;

  @IdProperty({
    description: 'Voldoet toezegging / settles commitment',
    example: 'oranje-fonds-kampen',
    optional: true,
  })
  settlesCommitmentId?: string;

  @IdProperty({ description: 'Voldoet factuur / settles invoice', example: 'factuur-2023-017', optional: true })
  settlesInvoiceId?: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class ReversePaymentDto extends FactDto {
  @TextProperty({ description: 'Waarom / why', example: 'Dubbel overgemaakt', maxLength: 1000 })
  reason!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class SubmitInvoiceDto extends FactDto {
  @IdProperty({
    description: 'Id; weggelaten: nieuw / id; new when left out',
    example: 'factuur-2023-017',
    optional: true,
  })
  invoiceId?: string;

  @IdProperty({ description: 'Wie factureert / who bills', example: 'plaats-de-wereld' })
  fromPartyId!: string;

  @IdProperty({ description: 'Aan wie / billed to', example: 'gemeente-tynaarlo' })
  toPartyId!: string;

  @CentsProperty({ description: 'Bedrag in eurocenten / amount in euro cents', example: 120000 })
  amountInCents!: number;

  @TextProperty({ description: 'Waarvoor / for what', example: 'Advieswerk bij het wijkplan, 16 uur', maxLength: 2000 })
  description!: string;

  @DateProperty({ description: 'Ingediend op / submitted on', example: '2023-06-30' })
  submittedOn!: string;

  @IdProperty({ description: 'Bij toezegging / under commitment', example: 'tynaarlo-advieswerk', optional: true })
  commitmentId?: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class RecordInvoicePaidDto extends FactDto {
  @IdProperty({
    description: 'De betaling die haar voldoet / the payment that settles it',
    example: 'tynaarlo-factuur-2023-017',
  })
  paymentId!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}
