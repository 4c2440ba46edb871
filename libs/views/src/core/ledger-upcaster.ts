import { meetingUpcaster } from '@samen/attendance/domain';
import { commitmentUpcaster } from '@samen/commitments/domain';
import { Upcaster } from '@samen/ledger-kernel';
import { invoiceUpcaster, paymentUpcaster } from '@samen/money/domain';
import { roleUpcaster } from '@samen/roles/domain';
import { partyUpcaster, personUpcaster, programmeUpcaster } from '@samen/structure/domain';
import type { LedgerEvent } from './ledger-fact';

/** The schema of every fact the views read, as each capability declares it for its own decider. */
export const LEDGER_UPCASTER = Upcaster.of<LedgerEvent>(
  programmeUpcaster,
  partyUpcaster,
  personUpcaster,
  roleUpcaster,
  meetingUpcaster,
  commitmentUpcaster,
  paymentUpcaster,
  invoiceUpcaster,
);
