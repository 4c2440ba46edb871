import {
  BooleanProperty,
  DateProperty,
  EnumListProperty,
  EnumProperty,
  FactDto,
  IdListProperty,
  IdProperty,
  TextProperty,
  VisibilityProperty,
} from '@samen/command-handling';
import type { Visibility } from '@samen/ledger-kernel';
import { PARTY_KINDS, type PartyKind } from '../domain/party';
import { PUBLISHABLE_AGGREGATES, type PublishableAggregate } from '../domain/programme';

export class LaunchProgrammeDto extends FactDto {
  @IdProperty({ description: 'Kies een leesbare id / choose a readable id', example: 'samen' })
  programmeId!: string;

  @TextProperty({ description: 'Naam / name', example: 'Programma SAMEN', maxLength: 200 })
  name!: string;

  @DateProperty({ description: 'Begin / start', example: '2022-12-01' })
  startsOn!: string;

  @DateProperty({ description: 'Einde / end', example: '2024-11-25', optional: true })
  endsOn?: string;

  @EnumListProperty(PUBLISHABLE_AGGREGATES, {
    description:
      'Wat iedereen zonder token mag zien / what anyone may see without a token (e.g. attendance rates per gemeente)',
    example: ['attendance-rates'],
    optional: true,
  })
  publishes?: PublishableAggregate[];

  @VisibilityProperty()
  visibility?: Visibility;
}

export class JoinSiteDto extends FactDto {
  @IdProperty({ description: 'De proeftuin / the site', example: 'vaals' })
  siteId!: string;

  @TextProperty({ description: 'Naam van de proeftuin / site name', example: 'Proeftuin Vaals', maxLength: 200 })
  name!: string;

  @IdListProperty({
    description: 'Bewonersinitiatief of -initiatieven / resident initiative(s)',
    example: ['dorpsraad-vaals'],
    minItems: 1,
  })
  initiativePartyIds!: string[];

  @IdProperty({ description: 'Precies één gemeente / exactly one gemeente', example: 'gemeente-vaals' })
  gemeentePartyId!: string;

  @BooleanProperty({ description: 'Met financiering? / funded? (Teylingen deed mee zonder)', example: true })
  funded!: boolean;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class RegisterPartyDto extends FactDto {
  @IdProperty({ description: 'Kies een leesbare id / choose a readable id', example: 'gemeente-vaals' })
  partyId!: string;

  @EnumProperty(PARTY_KINDS, { description: 'Soort partij / kind of party', example: 'municipality' })
  kind!: PartyKind;

  @TextProperty({ description: 'Naam / name', example: 'Gemeente Vaals', maxLength: 200 })
  name!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class RegisterPersonDto extends FactDto {
  @IdProperty({ description: 'Id van de persoon / person id', example: 'person-7f3a' })
  personId!: string;

  @TextProperty({
    description: 'Naam (persoonsgegeven) / name (personal data)',
    example: 'Sanne de Vries',
    maxLength: 200,
  })
  name!: string;

  @TextProperty({
    description: 'E-mail (persoonsgegeven) / email',
    example: 'sanne@example.org',
    maxLength: 200,
    optional: true,
  })
  email?: string;

  @TextProperty({
    description: 'Telefoon (persoonsgegeven) / phone',
    example: '+31 6 12345678',
    maxLength: 50,
    optional: true,
  })
  phone?: string;

  @VisibilityProperty()
  visibility?: Visibility;
}
