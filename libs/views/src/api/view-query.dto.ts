import { DateOrTimestampProperty, DateProperty, IdProperty, PositionProperty } from '@samen/command-handling';

/** What every view can be asked: whose facts, which period, and as of when. */
export class ViewQueryDto {
  @IdProperty({ description: 'Alleen dit programma / only this programme', example: 'programma-samen', optional: true })
  programmeId?: string;

  @IdProperty({ description: 'Alleen deze proeftuin / only this site', example: 'proeftuin-kampen', optional: true })
  siteId?: string;

  @IdProperty({ description: 'Alleen deze partij / only this party', example: 'gemeente-kampen', optional: true })
  partyId?: string;

  @DateProperty({ description: 'Periode vanaf (datum) / period from (date)', example: '2023-01-01', optional: true })
  from?: string;

  @DateProperty({
    description: 'Periode tot en met / period up to and including',
    example: '2023-12-31',
    optional: true,
  })
  to?: string;

  @DateOrTimestampProperty({
    description:
      'Zoals de wereld was op deze datum (naar wanneer het gebeurde) / as the world was on this date (by when facts occurred)',
    example: '2024-03-01',
    optional: true,
  })
  asOf?: string;

  @DateOrTimestampProperty({
    description:
      'Zoals de ledger het toen wist (naar wanneer het is vastgelegd) / as the ledger knew it then (by when facts were recorded)',
    example: '2024-03-01T12:00:00+01:00',
    optional: true,
  })
  knownAt?: string;

  @PositionProperty({
    description:
      'Wacht tot het overzicht deze positie bevat (uit een commando-antwoord) / wait until the view includes this position (from a command answer)',
    example: '1042',
    optional: true,
  })
  minPosition?: string;
}
