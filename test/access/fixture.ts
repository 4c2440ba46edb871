import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A secret planted in a restricted field: it must never reach anyone who may not read it. */
export const SECRET_NOTE = 'VERTROUWELIJK-7f3a: burn-out, niet delen buiten de gemeente';

const at = '2023-03-09T13:00:00+01:00';

/**
 * A small programme for access tests: Vaals with its initiative, Kampen (expected at the
 * meeting, so it takes part in the programme and reads its views), a role at Vaals
 * handed over with a restricted note, a meeting, a commitment, a payment, an invoice and a
 * shared reflection.
 * Every person is invented.
 */
const FACTS = [
  {
    fact: 'ProgrammeLaunched',
    programmeId: 'samen',
    name: 'Programma SAMEN',
    startsOn: '2022-12-01',
    publishes: ['attendance-rates'],
  },
  { fact: 'PartyRegistered', partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' },
  { fact: 'PartyRegistered', partyId: 'gemeente-kampen', kind: 'municipality', name: 'Gemeente Kampen' },
  { fact: 'PartyRegistered', partyId: 'initiatief-vaals', kind: 'initiative', name: 'Vaals Verbindt' },
  {
    fact: 'SiteJoined',
    programmeId: 'samen',
    siteId: 'vaals',
    name: 'Proeftuin Vaals',
    gemeentePartyId: 'gemeente-vaals',
    initiativePartyIds: ['initiatief-vaals'],
    funded: true,
  },
  { fact: 'PersonRegistered', personId: 'p-0001', name: 'Mira Voorbeeld' },
  { fact: 'PersonRegistered', personId: 'p-0002', name: 'Joost Testman' },
  { fact: 'PersonRegistered', personId: 'p-0003', name: 'Anouk Proef' },
  {
    fact: 'RoleAssigned',
    roleId: 'r-vaals',
    partyId: 'gemeente-vaals',
    programmeId: 'samen',
    siteId: 'vaals',
    title: 'beleidsadviseur',
    personId: 'p-0001',
  },
  {
    fact: 'MeetingScheduled',
    meetingId: 'm1',
    programmeId: 'samen',
    kind: 'collective',
    title: 'Collectieve bijeenkomst',
    startsAt: at,
    place: 'Utrecht',
    expectedPartyIds: ['gemeente-vaals', 'initiatief-vaals', 'gemeente-kampen'],
  },
  { fact: 'AttendanceRecorded', meetingId: 'm1', personId: 'p-0001', partyId: 'gemeente-vaals', status: 'present' },
  { fact: 'AttendanceRecorded', meetingId: 'm1', personId: 'p-0002', partyId: 'initiatief-vaals', status: 'present' },
  {
    fact: 'CommitmentMade',
    commitmentId: 'c-vaals',
    programmeId: 'samen',
    siteId: 'vaals',
    byPartyId: 'gemeente-vaals',
    byRoleId: 'r-vaals',
    responsiblePersonId: 'p-0001',
    toPartyIds: ['initiatief-vaals'],
    kind: 'support',
    description: 'Een vaste contactpersoon voor het initiatief',
  },
  {
    fact: 'PaymentMade',
    paymentId: 'pay-vaals',
    fromPartyId: 'gemeente-vaals',
    toPartyId: 'initiatief-vaals',
    amountInCents: 50_000,
    purpose: 'annual-subsidy',
    paidOn: '2023-03-10',
  },
  {
    fact: 'InvoiceSubmitted',
    invoiceId: 'inv-1',
    fromPartyId: 'initiatief-vaals',
    toPartyId: 'gemeente-vaals',
    amountInCents: 36_000,
    description: 'Advieswerk, 8 uur',
    submittedOn: '2023-03-20',
  },
  { fact: 'RoleVacated', roleId: 'r-vaals', personId: 'p-0001', reason: 'Nieuwe baan elders' },
  {
    fact: 'HandoverRecorded',
    roleId: 'r-vaals',
    handoverId: 'h-1',
    fromPersonId: 'p-0001',
    toPersonId: null,
    handedOverOn: '2023-04-01',
    transferredCommitmentIds: ['c-vaals'],
    introducedToPartners: false,
    note: SECRET_NOTE,
  },
  {
    fact: 'ReflectionRecorded',
    reflectionId: 'ref-vaals',
    programmeId: 'samen',
    subject: { kind: 'site', id: 'vaals' },
    whatHappened: 'De eerste bijeenkomst liep uit',
    learned: 'Korter vergaderen',
    themes: ['vergaderen'],
    byPartyId: 'gemeente-vaals',
  },
];

export function writeFixture(dir: string): string {
  const file = join(dir, 'access.facts');
  writeFileSync(file, FACTS.map((fact) => JSON.stringify({ ...fact, occurredAt: at })).join('\n'));
  return file;
}
