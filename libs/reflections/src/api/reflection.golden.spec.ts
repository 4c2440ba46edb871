import { deciderSpec } from '@samen/ledger-kernel/testing';
import { reflectionDecider, type ReflectionRecorded } from '../domain';
import type { ChangeVisibilityDto, RecordReflectionDto } from './reflection.dto';
import { toChangeReflectionVisibility, toRecordReflection } from './reflection.to-command';

/**
 * The stored shape of every reflection fact, from a body with every field filled in, through
 * toCommand() and the decider, to the JSON the store keeps.
 */
const occurredAt = '2024-03-14T10:00:00+01:00';
const { given } = deciderSpec(reflectionDecider);

const kampenIntervisionAmongInitiatives: ReflectionRecorded = {
  type: 'ReflectionRecorded',
  data: {
    reflectionId: 'kampen-intervisie',
    programmeId: 'samen',
    subject: { kind: 'site', id: 'kampen' },
    whatHappened: 'De gemeente zat erbij; niemand vertelde wat misging.',
    learned: 'Intervisie begint onder initiatieven alleen.',
    themes: ['intervisie'],
    visibility: { kind: 'initiatives' },
    byPartyId: 'initiatief-kampen',
  },
};

describe('the stored shape of', () => {
  it('ReflectionRecorded', () => {
    const body: Required<RecordReflectionDto> = {
      reflectionId: 'ignored-for-the-given-id',
      programmeId: 'samen',
      subject: { kind: 'site', id: 'kampen' },
      whatHappened: 'De gemeente zat erbij; niemand vertelde wat misging.',
      learned: 'Intervisie begint onder initiatieven alleen.',
      themes: ['intervisie', 'vertrouwen', 'intervisie'],
      visibility: { kind: 'parties', partyIds: ['initiatief-kampen', 'vsbfonds'] },
      byPartyId: 'initiatief-kampen',
      occurredAt,
    };

    given()
      .when(toRecordReflection(body, 'kampen-intervisie'))
      .thenStores({
        type: 'ReflectionRecorded',
        data: {
          reflectionId: 'kampen-intervisie',
          programmeId: 'samen',
          subject: { kind: 'site', id: 'kampen' },
          whatHappened: 'De gemeente zat erbij; niemand vertelde wat misging.',
          learned: 'Intervisie begint onder initiatieven alleen.',
          themes: ['intervisie', 'vertrouwen'],
          visibility: { kind: 'parties', partyIds: ['initiatief-kampen', 'vsbfonds'] },
          byPartyId: 'initiatief-kampen',
        },
      });
  });

  it('ReflectionRecorded without a visibility, which is shared', () => {
    const { visibility: _left, ...body } = kampenIntervisionAmongInitiatives.data;
    given()
      .when(toRecordReflection({ ...body, reflectionId: undefined } as RecordReflectionDto, 'kampen-intervisie'))
      .thenStores({ type: 'ReflectionRecorded', data: { ...body, visibility: { kind: 'shared' } } });
  });

  it('VisibilityChanged', () => {
    const body: Required<ChangeVisibilityDto> = {
      visibility: { kind: 'funders-aggregate' },
      reason: 'Besproken in de kring: de gemeenten mogen het lezen',
      occurredAt,
    };
    given(kampenIntervisionAmongInitiatives)
      .when(toChangeReflectionVisibility(body, 'kampen-intervisie'))
      .thenStores({
        type: 'VisibilityChanged',
        data: {
          streamName: 'reflection-kampen-intervisie',
          factId: 'kampen-intervisie',
          from: { kind: 'initiatives' },
          to: { kind: 'funders-aggregate' },
          reason: 'Besproken in de kring: de gemeenten mogen het lezen',
        },
      });
  });
});

describe('a reflection', () => {
  it('is recorded once', () => {
    const { visibility, ...rest } = kampenIntervisionAmongInitiatives.data;
    given(kampenIntervisionAmongInitiatives)
      .when({ type: 'RecordReflection', data: { ...rest, visibility } })
      .thenThrows('reflection-already-recorded');
  });

  it('keeps its visibility when asked to change it to the one it has', () => {
    given(kampenIntervisionAmongInitiatives)
      .when({
        type: 'ChangeReflectionVisibility',
        data: { reflectionId: 'kampen-intervisie', visibility: { kind: 'initiatives' }, reason: 'nogmaals' },
      })
      .thenThrows('visibility-unchanged');
  });

  it('that was never recorded has no visibility to change', () => {
    given()
      .when({
        type: 'ChangeReflectionVisibility',
        data: { reflectionId: 'onbekend', visibility: { kind: 'shared' }, reason: 'breder' },
      })
      .thenThrows('reflection-not-found');
  });
});
