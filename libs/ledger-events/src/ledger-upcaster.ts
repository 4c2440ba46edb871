import { meetingUpcaster } from '@samen/attendance/domain';
import { commitmentUpcaster } from '@samen/commitments/domain';
import { Upcaster, type StoredEvent } from '@samen/ledger-kernel';
import { invoiceUpcaster, paymentUpcaster } from '@samen/money/domain';
import { reflectionUpcaster } from '@samen/reflections/domain';
import { roleUpcaster } from '@samen/roles/domain';
import { partyUpcaster, personUpcaster, programmeUpcaster } from '@samen/structure/domain';
import type { LedgerEvent } from './ledger-event';

/**
 * The schema of every fact the ledger records, as each capability declares it for its own
 * decider: what reads facts across capabilities (the views, the access guard, the web pages)
 * reads them through this, in their current shape.
 */
export const LEDGER_UPCASTER = Upcaster.of<LedgerEvent>(
  programmeUpcaster,
  partyUpcaster,
  personUpcaster,
  roleUpcaster,
  meetingUpcaster,
  commitmentUpcaster,
  paymentUpcaster,
  invoiceUpcaster,
  reflectionUpcaster,
);

/** A stored event's type and data, the data in its type's current shape. */
export const currentShape = (event: StoredEvent): LedgerEvent => LEDGER_UPCASTER.read(event);
