import {
  FactDto,
  IdListProperty,
  IdProperty,
  ID_PATTERN,
  satisfies,
  TextProperty,
  VisibilityProperty,
} from '@samen/command-handling';
import { ApiProperty } from '@nestjs/swagger';
import type { Visibility } from '@samen/ledger-kernel';
import { SUBJECT_KINDS, type ReflectionSubject } from '../domain/reflection.events';

const isSubject = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, id, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    (SUBJECT_KINDS as readonly unknown[]).includes(kind) &&
    typeof id === 'string' &&
    ID_PATTERN.test(id)
  );
};

export class RecordReflectionDto extends FactDto {
  @IdProperty({
    description: 'Id; weggelaten: nieuw / id; new when left out',
    example: 'kampen-intervisie-1',
    optional: true,
  })
  reflectionId?: string;

  @IdProperty({ description: 'Programma / programme', example: 'samen' })
  programmeId!: string;

  @ApiProperty({
    description:
      'Waarover: een proeftuin, bijeenkomst, toezegging of het programma / about a site, meeting, commitment or the programme',
    example: { kind: 'site', id: 'kampen' },
    type: 'object',
    properties: {
      kind: { type: 'string', enum: [...SUBJECT_KINDS] },
      id: { type: 'string', pattern: ID_PATTERN.source },
    },
    required: ['kind', 'id'],
  })
  @satisfies(
    'isReflectionSubject',
    isSubject,
    `$property must be an object with kind one of ${SUBJECT_KINDS.join(', ')} and id an id, and no other keys`,
  )
  subject!: ReflectionSubject;

  @TextProperty({
    description: 'Wat er gebeurde / what happened',
    example: 'De gemeente zat bij de intervisie; niemand durfde te vertellen wat misging.',
    maxLength: 4000,
  })
  whatHappened!: string;

  @TextProperty({
    description: 'Wat we ervan leerden / what was learned',
    example: 'Intervisie begint voortaan onder initiatieven alleen.',
    maxLength: 4000,
  })
  learned!: string;

  @IdListProperty({ description: "Thema's / themes", example: ['intervisie', 'vertrouwen'] })
  themes!: string[];

  @VisibilityProperty()
  visibility?: Visibility;

  @IdProperty({ description: 'De partij die reflecteert / the party reflecting', example: 'initiatief-kampen' })
  byPartyId!: string;
}

export class ChangeVisibilityDto extends FactDto {
  @VisibilityProperty({ optional: false })
  visibility!: Visibility;

  @TextProperty({ description: 'Waarom / why', example: 'Besproken in de kring: mag breder gedeeld', maxLength: 1000 })
  reason!: string;
}
