import type { MeetingEvent } from '@samen/attendance';
import type { CommitmentEvent } from '@samen/commitments';
import type { InvoiceEvent, PaymentEvent } from '@samen/money';
import type { RoleEvent } from '@samen/roles';
import type { PartyEvent, PersonEvent, ProgrammeEvent } from '@samen/structure';

/** Every fact the ledger records. */
export type LedgerEvent =
  ProgrammeEvent | PartyEvent | PersonEvent | RoleEvent | MeetingEvent | CommitmentEvent | PaymentEvent | InvoiceEvent;
export type LedgerEventType = LedgerEvent['type'];
type DataOf<Type extends LedgerEventType> = Extract<LedgerEvent, { type: Type }>['data'];

type PersonalFields<Type extends LedgerEventType> = {
  /** The field naming the person whose key protects these fields (crypto-shredding). */
  readonly subject: keyof DataOf<Type> & string;
  readonly fields: readonly (keyof DataOf<Type> & string)[];
};

/**
 * The one place that says which event fields are personal data (AVG/GDPR): names, contact
 * details and free text about a person. A later step stores exactly these encrypted with
 * the subject's key, so that forgetting the key erases them everywhere. The compiler checks
 * every name here against the event schemas.
 */
export const PERSONAL_FIELDS = {
  PersonRegistered: { subject: 'personId', fields: ['name', 'email', 'phone'] },
  RoleVacated: { subject: 'personId', fields: ['reason'] },
  HandoverRecorded: { subject: 'fromPersonId', fields: ['note'] },
  AttendanceCorrected: { subject: 'personId', fields: ['reason'] },
} as const satisfies { readonly [Type in LedgerEventType]?: PersonalFields<Type> };

/** The personal part of an event's data, and whose it is; undefined for events without any. */
export function personalDataOf(
  type: string,
  data: Readonly<Record<string, unknown>>,
): { subject: string; fields: Record<string, unknown> } | undefined {
  const declared = (PERSONAL_FIELDS as Readonly<Record<string, { subject: string; fields: readonly string[] }>>)[type];
  if (!declared) return undefined;
  const fields = Object.fromEntries(
    declared.fields.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]),
  );
  return { subject: String(data[declared.subject]), fields };
}
