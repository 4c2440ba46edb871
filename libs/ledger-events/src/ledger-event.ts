import type { MeetingEvent } from '@samen/attendance/domain';
import type { CommitmentEvent } from '@samen/commitments/domain';
import type { InvoiceEvent, PaymentEvent } from '@samen/money/domain';
import type { ReflectionEvent } from '@samen/reflections/domain';
import type { RoleEvent } from '@samen/roles/domain';
import type { PartyEvent, PersonEvent, ProgrammeEvent } from '@samen/structure/domain';

/** Every fact the ledger records, as the capabilities define them. */
export type LedgerEvent =
  | ProgrammeEvent
  | PartyEvent
  | PersonEvent
  | RoleEvent
  | MeetingEvent
  | CommitmentEvent
  | PaymentEvent
  | InvoiceEvent
  | ReflectionEvent;
