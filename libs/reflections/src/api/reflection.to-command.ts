import { definedFields } from '@samen/command-handling';
import type { ChangeReflectionVisibility, RecordReflection } from '../domain/reflection';
import type { ChangeVisibilityDto, RecordReflectionDto } from './reflection.dto';

/** Each body as its command, field by field: a DTO field reaches a command only when named here. */
export const toRecordReflection = (dto: RecordReflectionDto, reflectionId: string): RecordReflection => ({
  type: 'RecordReflection',
  data: definedFields({
    reflectionId,
    programmeId: dto.programmeId,
    subject: { kind: dto.subject.kind, id: dto.subject.id },
    whatHappened: dto.whatHappened,
    learned: dto.learned,
    themes: dto.themes,
    visibility: dto.visibility,
    byPartyId: dto.byPartyId,
  }),
});

export const toChangeReflectionVisibility = (
  dto: ChangeVisibilityDto,
  reflectionId: string,
): ChangeReflectionVisibility => ({
  type: 'ChangeReflectionVisibility',
  data: { reflectionId, visibility: dto.visibility, reason: dto.reason },
});
