import type { FactCategory, FactType } from '@samen/views';

/** Every fact type in the users' words (glossary of docs/domain.md), Dutch first; the compiler insists on each. */
export const FACT_NAMES: Readonly<Record<FactType, readonly [string, string]>> = {
  ProgrammeLaunched: ['Programma gestart', 'Programme launched'],
  SiteJoined: ['Proeftuin doet mee', 'Site joined'],
  PartyRegistered: ['Partij ingeschreven', 'Party registered'],
  PersonRegistered: ['Persoon ingeschreven', 'Person registered'],
  RoleAssigned: ['Functie toegewezen', 'Role assigned'],
  RoleVacated: ['Functie verlaten', 'Role vacated'],
  SuccessorAppointed: ['Opvolger benoemd', 'Successor appointed'],
  HandoverRecorded: ['Overdracht vastgelegd', 'Handover recorded'],
  MeetingScheduled: ['Bijeenkomst gepland', 'Meeting scheduled'],
  AttendanceRecorded: ['Aanwezigheid vastgelegd', 'Attendance recorded'],
  AttendanceCorrected: ['Aanwezigheid gecorrigeerd', 'Attendance corrected'],
  MeetingCancelled: ['Bijeenkomst afgelast', 'Meeting cancelled'],
  CommitmentMade: ['Toezegging gedaan', 'Commitment made'],
  CommitmentAmended: ['Toezegging gewijzigd', 'Commitment amended'],
  CommitmentOwnershipTransferred: ['Eigenaar van toezegging gewijzigd', 'Commitment owner changed'],
  CommitmentFulfilled: ['Toezegging nagekomen', 'Commitment fulfilled'],
  CommitmentBroken: ['Toezegging niet nagekomen', 'Commitment broken'],
  CommitmentWithdrawn: ['Toezegging ingetrokken', 'Commitment withdrawn'],
  InvoiceSubmitted: ['Factuur ingediend', 'Invoice submitted'],
  InvoicePaid: ['Factuur betaald', 'Invoice paid'],
  PaymentMade: ['Betaling gedaan', 'Payment made'],
  PaymentReversed: ['Betaling teruggedraaid', 'Payment reversed'],
};

export const CATEGORY_NAMES: Readonly<Record<FactCategory, readonly [string, string]>> = {
  structure: ['Opzet', 'Structure'],
  roles: ['Functies en overdrachten', 'Roles and handovers'],
  attendance: ['Aanwezigheid', 'Attendance'],
  commitments: ['Afspraken', 'Commitments'],
  money: ['Geld', 'Money'],
};

export const factName = (type: string): readonly [string, string] => FACT_NAMES[type as FactType] ?? [type, type];
