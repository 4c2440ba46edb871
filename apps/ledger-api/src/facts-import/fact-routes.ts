import { CancelMeetingDto, CorrectAttendanceDto, RecordAttendanceDto, ScheduleMeetingDto } from '@samen/attendance';
import {
  AmendCommitmentDto,
  CloseCommitmentDto,
  FulfilCommitmentDto,
  MakeCommitmentDto,
  TransferCommitmentOwnershipDto,
} from '@samen/commitments';
import { MakePaymentDto, RecordInvoicePaidDto, ReversePaymentDto, SubmitInvoiceDto } from '@samen/money';
import { ChangeVisibilityDto, RecordReflectionDto } from '@samen/reflections';
import { AppointSuccessorDto, AssignRoleDto, RecordHandoverDto, VacateRoleDto } from '@samen/roles';
import { JoinSiteDto, LaunchProgrammeDto, RegisterPartyDto, RegisterPersonDto } from '@samen/structure';

export interface FactRoute {
  /** The endpoint that records the fact; `:name` segments are taken from the fact's field of that name. */
  readonly path: string;
  /** The body the endpoint validates, so a file is checked exactly as HTTP checks it. */
  readonly dto: new () => object;
}

/**
 * A facts file names each fact by the event it records, and the import sends it through the
 * endpoint that records it: one set of rules for HTTP and files, and no second write path.
 */
export const FACT_ROUTES = {
  ProgrammeLaunched: { path: '/programmes', dto: LaunchProgrammeDto },
  SiteJoined: { path: '/programmes/:programmeId/sites', dto: JoinSiteDto },
  PartyRegistered: { path: '/parties', dto: RegisterPartyDto },
  PersonRegistered: { path: '/people', dto: RegisterPersonDto },
  RoleAssigned: { path: '/roles', dto: AssignRoleDto },
  RoleVacated: { path: '/roles/:roleId/vacate', dto: VacateRoleDto },
  SuccessorAppointed: { path: '/roles/:roleId/successor', dto: AppointSuccessorDto },
  HandoverRecorded: { path: '/roles/:roleId/handovers', dto: RecordHandoverDto },
  MeetingScheduled: { path: '/meetings', dto: ScheduleMeetingDto },
  AttendanceRecorded: { path: '/meetings/:meetingId/attendance', dto: RecordAttendanceDto },
  AttendanceCorrected: { path: '/meetings/:meetingId/attendance/corrections', dto: CorrectAttendanceDto },
  MeetingCancelled: { path: '/meetings/:meetingId/cancellation', dto: CancelMeetingDto },
  CommitmentMade: { path: '/commitments', dto: MakeCommitmentDto },
  CommitmentAmended: { path: '/commitments/:commitmentId/amendments', dto: AmendCommitmentDto },
  CommitmentOwnershipTransferred: { path: '/commitments/:commitmentId/ownership', dto: TransferCommitmentOwnershipDto },
  CommitmentFulfilled: { path: '/commitments/:commitmentId/fulfilment', dto: FulfilCommitmentDto },
  CommitmentBroken: { path: '/commitments/:commitmentId/breach', dto: CloseCommitmentDto },
  CommitmentWithdrawn: { path: '/commitments/:commitmentId/withdrawal', dto: CloseCommitmentDto },
  PaymentMade: { path: '/payments', dto: MakePaymentDto },
  PaymentReversed: { path: '/payments/:paymentId/reversal', dto: ReversePaymentDto },
  InvoiceSubmitted: { path: '/invoices', dto: SubmitInvoiceDto },
  InvoicePaid: { path: '/invoices/:invoiceId/payment', dto: RecordInvoicePaidDto },
  ReflectionRecorded: { path: '/reflections', dto: RecordReflectionDto },
  VisibilityChanged: { path: '/reflections/:reflectionId/visibility', dto: ChangeVisibilityDto },
} as const satisfies Record<string, FactRoute>;

export type FactName = keyof typeof FACT_ROUTES;

export const isFactName = (name: unknown): name is FactName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(FACT_ROUTES, name);

/** The names of a route's path parameters, e.g. ["meetingId"]. */
export const pathParameters = (route: FactRoute): string[] =>
  route.path
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
