import type { CommitmentKind } from '@samen/commitments/domain';
import { FactScript } from '../testing/fact-script';

/** "Now" in the turnover story's tests: open vacancies and orphaned commitments run to here. */
export const STORY_NOW = Date.parse('2024-01-01T12:00:00+01:00');

/** When the late handover by Cor was finally typed in: long after everything else. */
export const LATE_HANDOVER_RECORDED = '2026-03-01T00:00:00Z';

/** A restricted handover note: no view answer may contain it. */
export const SECRET_NOTE = 'Vertrouwelijk: de wethouder en de initiatiefnemer botsen';

/**
 * Staff turnover in the Kampen site, 2023 (every fact at noon unless said otherwise):
 *
 *   gemeente Kampen, four seats assigned on 10 Jan:
 *     r-beleid      Beleidsadviseur (site kampen)     Anna   c-anna (support, 20 Jan)
 *     r-wijk        Wijkmanager (site kampen)         Bram   c-bram (house, 1 Feb)
 *     r-subsidie    Subsidieadviseur (site kampen)    Cor    c-cor (change-policy, 1 Mar)
 *     r-secretaris  Gemeentesecretaris (no site)      Dirk   c-dirk (support, 1 May), c-dirk-done (1 Feb, fulfilled 1 Apr)
 *   fonds Oranje: r-fonds Programmamanager (programme, no site), Eva, c-eva (fund €50.000, 15 Mar)
 *   gemeente Vaals: r-vaals Beleidsadviseur (site vaals), Fleur, who stays.
 *   Gemeente Kampen also promised something without a seat (c-loose): not a seat's commitment.
 *
 *   28 Feb  Anna hands over to nobody yet, passing on c-anna
 *    1 Mar  Anna leaves                       21 Mar  Gijs succeeds her
 *   15 Apr  Bram leaves, no handover          14 Jun  Hans succeeds him; 20 Jun c-bram transferred to Hans
 *   10 May  Cor leaves                        20 May  Cor's handover passes on c-cor (recorded only in 2026)
 *   25 May  Dirk leaves, no handover           3 Jul  Ilse succeeds him; 10 Jul c-dirk fulfilled
 *    1 Aug  Eva leaves the fund, no handover, no successor
 *
 *   Collective meetings expecting both sites' gemeente and initiative:
 *     m1 2 Feb (Kampen present), m2 16 Mar (present), m3 4 May (absent),
 *     m4 8 Jun (nobody from Kampen; its initiative came), m5 14 Sep (present)
 */
export function turnoverStory(): FactScript {
  const script = new FactScript()
    .add('ProgrammeLaunched', { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' }, '2022-12-01')
    .parties(
      [
        ['gemeente-kampen', 'municipality', 'Gemeente Kampen'],
        ['init-kampen', 'initiative', 'Initiatief Kampen'],
        ['gemeente-vaals', 'municipality', 'Gemeente Vaals'],
        ['init-vaals', 'initiative', 'Initiatief Vaals'],
        ['fonds-oranje', 'fund', 'Oranje Fonds'],
      ],
      '2022-12-02',
    )
    .sites(
      'samen',
      [
        ['kampen', 'gemeente-kampen', 'init-kampen'],
        ['vaals', 'gemeente-vaals', 'init-vaals'],
      ],
      '2023-01-05',
    );

  const assign = (roleId: string, partyId: string, title: string, personId: string, seat: object = {}) =>
    script.add('RoleAssigned', { roleId, partyId, title, personId, ...seat }, '2023-01-10');
  assign('r-beleid', 'gemeente-kampen', 'Beleidsadviseur', 'p-anna', { programmeId: 'samen', siteId: 'kampen' });
  assign('r-wijk', 'gemeente-kampen', 'Wijkmanager', 'p-bram', { programmeId: 'samen', siteId: 'kampen' });
  assign('r-subsidie', 'gemeente-kampen', 'Subsidieadviseur', 'p-cor', { programmeId: 'samen', siteId: 'kampen' });
  assign('r-secretaris', 'gemeente-kampen', 'Gemeentesecretaris', 'p-dirk');
  assign('r-fonds', 'fonds-oranje', 'Programmamanager', 'p-eva', { programmeId: 'samen' });
  assign('r-vaals', 'gemeente-vaals', 'Beleidsadviseur', 'p-fleur', { programmeId: 'samen', siteId: 'vaals' });

  const commit = (
    commitmentId: string,
    byPartyId: string,
    byRoleId: string | undefined,
    responsiblePersonId: string,
    kind: CommitmentKind,
    on: string,
    more: object = {},
  ) =>
    script.add(
      'CommitmentMade',
      {
        commitmentId,
        programmeId: 'samen',
        byPartyId,
        ...(byRoleId && { byRoleId }),
        responsiblePersonId,
        toPartyIds: ['init-kampen'],
        kind,
        description: `Toezegging ${commitmentId}`,
        ...more,
      },
      on,
    );
  commit('c-anna', 'gemeente-kampen', 'r-beleid', 'p-anna', 'support', '2023-01-20', { siteId: 'kampen' });
  commit('c-bram', 'gemeente-kampen', 'r-wijk', 'p-bram', 'house', '2023-02-01', { siteId: 'kampen' });
  commit('c-dirk-done', 'gemeente-kampen', 'r-secretaris', 'p-dirk', 'support', '2023-02-01');
  commit('c-cor', 'gemeente-kampen', 'r-subsidie', 'p-cor', 'change-policy', '2023-03-01', { siteId: 'kampen' });
  commit('c-eva', 'fonds-oranje', 'r-fonds', 'p-eva', 'fund', '2023-03-15', { amountInCents: 5_000_000 });
  commit('c-dirk', 'gemeente-kampen', 'r-secretaris', 'p-dirk', 'support', '2023-05-01');
  commit('c-loose', 'gemeente-kampen', undefined, 'p-anna', 'support', '2023-01-20');
  script.add('CommitmentFulfilled', { commitmentId: 'c-dirk-done', evidence: 'Verslag' }, '2023-04-01');

  const meeting = (meetingId: string, date: string) =>
    script.add(
      'MeetingScheduled',
      {
        meetingId,
        programmeId: 'samen',
        kind: 'collective',
        title: meetingId,
        startsAt: `${date}T13:00:00+01:00`,
        place: 'Utrecht',
        expectedPartyIds: ['gemeente-kampen', 'init-kampen', 'gemeente-vaals', 'init-vaals'],
      },
      '2023-01-15',
    );
  const mark = (meetingId: string, personId: string, partyId: string, status: 'present' | 'absent', on: string) =>
    script.add('AttendanceRecorded', { meetingId, personId, partyId, status }, on);
  meeting('m1', '2023-02-02');
  meeting('m2', '2023-03-16');
  meeting('m3', '2023-05-04');
  meeting('m4', '2023-06-08');
  meeting('m5', '2023-09-14');
  mark('m1', 'p-anna', 'gemeente-kampen', 'present', '2023-02-02');
  mark('m2', 'p-bram', 'gemeente-kampen', 'present', '2023-03-16');
  mark('m3', 'p-gijs', 'gemeente-kampen', 'absent', '2023-05-04');
  mark('m4', 'p-kees', 'init-kampen', 'present', '2023-06-08');
  mark('m5', 'p-hans', 'gemeente-kampen', 'present', '2023-09-14');

  script
    .add(
      'HandoverRecorded',
      {
        roleId: 'r-beleid',
        handoverId: 'h-anna',
        fromPersonId: 'p-anna',
        toPersonId: null,
        handedOverOn: '2023-02-28',
        transferredCommitmentIds: ['c-anna'],
        introducedToPartners: false,
        note: SECRET_NOTE,
      },
      '2023-02-28',
    )
    .add(
      'RoleVacated',
      { roleId: 'r-beleid', personId: 'p-anna', reason: 'Andere baan bij de provincie' },
      '2023-03-01',
    )
    .add('SuccessorAppointed', { roleId: 'r-beleid', personId: 'p-gijs', previousPersonId: 'p-anna' }, '2023-03-21')
    .add('RoleVacated', { roleId: 'r-wijk', personId: 'p-bram', reason: 'Reorganisatie' }, '2023-04-15')
    .add('RoleVacated', { roleId: 'r-subsidie', personId: 'p-cor', reason: 'Pensioen' }, '2023-05-10')
    .add(
      'HandoverRecorded',
      {
        roleId: 'r-subsidie',
        handoverId: 'h-cor',
        fromPersonId: 'p-cor',
        toPersonId: null,
        handedOverOn: '2023-05-20',
        transferredCommitmentIds: ['c-cor'],
        introducedToPartners: false,
        note: SECRET_NOTE,
      },
      '2023-05-20',
      { recordedAt: LATE_HANDOVER_RECORDED },
    )
    .add('RoleVacated', { roleId: 'r-secretaris', personId: 'p-dirk', reason: 'Andere gemeente' }, '2023-05-25')
    .add('SuccessorAppointed', { roleId: 'r-wijk', personId: 'p-hans', previousPersonId: 'p-bram' }, '2023-06-14')
    .add(
      'CommitmentOwnershipTransferred',
      { commitmentId: 'c-bram', fromPersonId: 'p-bram', toPersonId: 'p-hans', reason: 'Opvolger neemt over' },
      '2023-06-20',
    )
    .add('SuccessorAppointed', { roleId: 'r-secretaris', personId: 'p-ilse', previousPersonId: 'p-dirk' }, '2023-07-03')
    .add('CommitmentFulfilled', { commitmentId: 'c-dirk', evidence: 'Besluit college' }, '2023-07-10')
    .add('RoleVacated', { roleId: 'r-fonds', personId: 'p-eva', reason: 'Andere baan' }, '2023-08-01');
  return script;
}
