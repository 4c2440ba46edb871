import { deciderHandler, requireExisting, RoutedCommand } from '@samen/command-handling';
import { ValidationError } from '@samen/ledger-kernel';
import { requireSite } from '@samen/structure';
import {
  reflectionDecider,
  reflectionStream,
  type ChangeReflectionVisibility,
  type RecordReflection,
} from '../domain/reflection';

export class RecordReflectionCommand extends RoutedCommand<RecordReflection> {}
export class ChangeReflectionVisibilityCommand extends RoutedCommand<ChangeReflectionVisibility> {}

const onReflectionStream = (command: { data: { reflectionId: string } }) => reflectionStream(command.data.reflectionId);

/** The programme, the party and what it is about must exist (the parties a restriction names: deciderHandler). */
export const RecordReflectionHandler = deciderHandler(
  RecordReflectionCommand,
  reflectionDecider,
  onReflectionStream,
  async (command, store) => {
    const { programmeId, subject, byPartyId } = command.data;
    await requireSite(store, programmeId, subject.kind === 'site' ? subject.id : undefined);
    await requireExisting(store, 'party', byPartyId);
    if (subject.kind === 'programme' && subject.id !== programmeId) {
      throw new ValidationError([{ field: 'subject.id', message: "must be the reflection's own programme" }]);
    }
    if (subject.kind === 'meeting' || subject.kind === 'commitment')
      await requireExisting(store, subject.kind, subject.id);
    return command;
  },
);

export const ChangeReflectionVisibilityHandler = deciderHandler(
  ChangeReflectionVisibilityCommand,
  reflectionDecider,
  onReflectionStream,
);

export const REFLECTION_HANDLERS = [RecordReflectionHandler, ChangeReflectionVisibilityHandler];
