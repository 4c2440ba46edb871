import {
  CentsProperty,
  DateProperty,
  EnumProperty,
  FactDto,
  IdListProperty,
  IdProperty,
  TextProperty,
  VisibilityProperty,
} from '@samen/command-handling';
import type { Visibility } from '@samen/ledger-kernel';
import { COMMITMENT_KINDS, type CommitmentKind } from '../domain/commitment';

export class MakeCommitmentDto extends FactDto {
  @IdProperty({
    description: 'Id; weggelaten: nieuw / id; new when left out',
    example: 'tynaarlo-begroting',
    optional: true,
  })
  commitmentId?: string;

  @IdProperty({ description: 'Programma / programme', example: 'samen' })
  programmeId!: string;

  @IdProperty({ description: 'Proeftuin / site', example: 'tynaarlo', optional: true })
  siteId?: string;

  @IdProperty({ description: 'De partij die toezegt / the party that commits', example: 'gemeente-tynaarlo' })
  byPartyId!: string;

  @IdProperty({
    description: 'Via welke rol (zetel); die bekleder is eigenaar / through which role; its holder owns it',
    example: 'tynaarlo-beleidsadviseur',
    optional: true,
  })
  byRoleId?: string;

  @IdProperty({ description: 'Verantwoordelijke persoon / responsible person', example: 'person-7f3a' })
  responsiblePersonId!: string;

  @IdListProperty({ description: 'Aan wie / to whom', example: ['plaats-de-wereld'], minItems: 1 })
  toPartyIds!: string[];

  @EnumProperty(COMMITMENT_KINDS, { description: 'Soort / kind', example: 'change-policy' })
  kind!: CommitmentKind;

  @TextProperty({
    description: 'Wat is toegezegd / what was promised',
    example: 'Plaats de Wereld opnemen in de gemeentebegroting',
    maxLength: 2000,
  })
  description!: string;

  @CentsProperty({ description: 'Bedrag in eurocenten / amount in euro cents', example: 2500000, optional: true })
  amountInCents?: number;

  @DateProperty({ description: 'Uiterlijk / due on', example: '2024-01-01', optional: true })
  dueOn?: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class AmendCommitmentDto extends FactDto {
  @TextProperty({
    description: 'Nieuwe omschrijving / new description',
    example: 'Opnemen in de begroting 2025',
    maxLength: 2000,
    optional: true,
  })
  description?: string;

  @CentsProperty({ description: 'Nieuw bedrag / new amount in cents', example: 3000000, optional: true })
  amountInCents?: number;

  @DateProperty({ description: 'Nieuwe datum / new due date', example: '2025-01-01', optional: true })
  dueOn?: string;

  @TextProperty({ description: 'Waarom / why', example: 'Raadsbesluit uitgesteld', maxLength: 1000 })
  reason!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class TransferCommitmentOwnershipDto extends FactDto {
  @IdProperty({ description: 'Nieuwe verantwoordelijke / new responsible person', example: 'person-c41d' })
  toPersonId!: string;

  @IdProperty({ description: 'Nieuwe rol / new role', example: 'tynaarlo-wijkcoordinator', optional: true })
  toRoleId?: string;

  @TextProperty({
    description: 'Waarom / why',
    example: 'Overgenomen na vertrek van de beleidsadviseur',
    maxLength: 1000,
  })
  reason!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class FulfilCommitmentDto extends FactDto {
  @TextProperty({
    description: 'Bewijs / evidence',
    example: 'Begroting 2024, programma 6, post 6.1.3',
    maxLength: 2000,
  })
  evidence!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

/** Breaking and withdrawing both need only a reason. */
export class CloseCommitmentDto extends FactDto {
  @TextProperty({ description: 'Waarom / why', example: 'De gemeenteraad stemde tegen', maxLength: 1000 })
  reason!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}
