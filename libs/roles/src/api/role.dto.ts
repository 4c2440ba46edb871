import {
  BooleanProperty,
  DateProperty,
  FactDto,
  IdListProperty,
  IdProperty,
  NullableIdProperty,
  TextProperty,
  VisibilityProperty,
} from '@samen/command-handling';
import type { Visibility } from '@samen/ledger-kernel';

export class AssignRoleDto extends FactDto {
  @IdProperty({
    description: 'Id van de rol (zetel); weggelaten: nieuw / role id; new when left out',
    example: 'kampen-beleidsadviseur',
    optional: true,
  })
  roleId?: string;

  @IdProperty({ description: 'De partij / the party', example: 'gemeente-kampen' })
  partyId!: string;

  @IdProperty({
    description: 'Programma (nodig bij een proeftuin) / programme (needed with a site)',
    example: 'samen',
    optional: true,
    requiredWhen: (dto) => dto.siteId !== undefined,
  })
  programmeId?: string;

  @IdProperty({ description: 'Proeftuin / site', example: 'kampen', optional: true })
  siteId?: string;

  @TextProperty({ description: 'Functie / title', example: 'Beleidsadviseur sociaal domein', maxLength: 200 })
  title!: string;

  @IdProperty({ description: 'Wie de rol krijgt / who holds it', example: 'person-7f3a' })
  personId!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class VacateRoleDto extends FactDto {
  @IdProperty({
    description: 'Wie vertrekt (de huidige bekleder) / who leaves (the current holder)',
    example: 'person-7f3a',
  })
  personId!: string;

  @TextProperty({ description: 'Reden / reason', example: 'Andere baan bij de provincie', maxLength: 1000 })
  reason!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class AppointSuccessorDto extends FactDto {
  @IdProperty({ description: 'De opvolger / the successor', example: 'person-c41d' })
  personId!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class RecordHandoverDto extends FactDto {
  @IdProperty({
    description: 'Id van de overdracht; weggelaten: nieuw / handover id',
    example: 'overdracht-kampen-2023-09',
    optional: true,
  })
  handoverId?: string;

  @IdProperty({ description: 'Van wie / from whom', example: 'person-7f3a' })
  fromPersonId!: string;

  @NullableIdProperty({ description: 'Aan wie; null: nog niemand / to whom; null: nobody yet', example: 'person-c41d' })
  toPersonId!: string | null;

  @DateProperty({ description: 'Datum van overdracht / date of handover', example: '2023-09-15' })
  handedOverOn!: string;

  @IdListProperty({
    description: 'Overgedragen open toezeggingen / open commitments passed on',
    example: ['kampen-wijkbudget'],
  })
  transferredCommitmentIds!: string[];

  @BooleanProperty({ description: 'Voorgesteld aan de partners? / introduced to the partners?', example: true })
  introducedToPartners!: boolean;

  @TextProperty({
    description: 'Notitie (besloten: alleen de partij en het kernteam) / note (restricted)',
    example: 'Warme overdracht; de initiatiefnemers kennen de opvolger nog niet.',
    maxLength: 5000,
    optional: true,
  })
  note?: string;

  @VisibilityProperty()
  visibility?: Visibility;
}
