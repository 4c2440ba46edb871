import {
  IllegalStateError,
  NotFoundError,
  storedVisibility,
  streamName,
  type Decider,
  type Visibility,
} from '@samen/ledger-kernel';
import {
  reflectionUpcaster,
  type ReflectionEvent,
  type ReflectionRecorded,
  type ReflectionSubject,
} from './reflection.events';

export type RecordReflection = Readonly<{
  type: 'RecordReflection';
  data: {
    reflectionId: string;
    programmeId: string;
    subject: ReflectionSubject;
    whatHappened: string;
    learned: string;
    themes: string[];
    /** Left out: shared within the programme. */
    visibility?: Visibility;
    byPartyId: string;
  };
}>;
export type ChangeReflectionVisibility = Readonly<{
  type: 'ChangeReflectionVisibility';
  data: { reflectionId: string; visibility: Visibility; reason: string };
}>;
export type ReflectionCommand = RecordReflection | ChangeReflectionVisibility;

export type Reflection =
  { status: 'none' } | { status: 'recorded'; byPartyId: string; programmeId: string; visibility: Visibility };

export const reflectionStream = (reflectionId: string) => streamName('reflection', reflectionId);

const sameVisibility = (a: Visibility, b: Visibility) =>
  JSON.stringify(storedVisibility(a)) === JSON.stringify(storedVisibility(b));

export const reflectionDecider: Decider<ReflectionCommand, ReflectionEvent, Reflection> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordReflection': {
        if (state.status !== 'none') {
          throw new IllegalStateError(
            'reflection-already-recorded',
            `Reflectie "${command.data.reflectionId}" bestaat al. / Reflection "${command.data.reflectionId}" already exists.`,
          );
        }
        const { reflectionId, programmeId, subject, whatHappened, learned, themes, visibility, byPartyId } =
          command.data;
        const recorded: ReflectionRecorded = {
          type: 'ReflectionRecorded',
          data: {
            reflectionId,
            programmeId,
            subject: { kind: subject.kind, id: subject.id },
            whatHappened,
            learned,
            themes: [...new Set(themes)],
            visibility: storedVisibility(visibility),
            byPartyId,
          },
        };
        return [recorded];
      }
      case 'ChangeReflectionVisibility': {
        if (state.status === 'none') throw new NotFoundError('reflection', command.data.reflectionId);
        const { reflectionId, visibility, reason } = command.data;
        if (sameVisibility(state.visibility, visibility)) {
          throw new IllegalStateError(
            'visibility-unchanged',
            'Deze reflectie heeft die zichtbaarheid al. / This reflection has that visibility already.',
          );
        }
        return [
          {
            type: 'VisibilityChanged',
            data: {
              streamName: reflectionStream(reflectionId),
              factId: reflectionId,
              from: storedVisibility(state.visibility),
              to: storedVisibility(visibility),
              reason,
            },
          },
        ];
      }
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ReflectionRecorded': {
        const { byPartyId, programmeId, visibility } = event.data;
        return { status: 'recorded', byPartyId, programmeId, visibility };
      }
      case 'VisibilityChanged':
        return state.status === 'none' ? state : { ...state, visibility: event.data.to };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  upcaster: reflectionUpcaster,
};
