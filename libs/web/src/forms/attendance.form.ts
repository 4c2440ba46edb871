import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@samen/attendance';
import { marksAt, tenuresOf, within, type LedgerViews } from '@samen/views';
import { partyName } from '../components';
import { dateText } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import type { PageContext } from '../page-context';
import { PersonLabels } from '../person-labels';
import type { PageInput } from '../pages/page-input';

export const STATUS_TEXT: Record<AttendanceStatus, [string, string]> = {
  present: ['aanwezig', 'present'],
  absent: ['afwezig', 'absent'],
  excused: ['afgemeld', 'excused'],
};

export interface AttendanceLine {
  readonly partyId: string;
  readonly personId: string;
  /** What is recorded already; such a line is shown, not asked again (a correction needs a reason). */
  readonly recorded?: AttendanceStatus;
}

/** The people a meeting expects: those holding a seat at each expected party on the day, and anyone marked already. */
export function attendanceLines(
  context: PageContext,
  views: LedgerViews,
  meetingId: string,
): AttendanceLine[] | undefined {
  const meeting = views.directory.meetings.get(meetingId);
  if (!meeting) return undefined;
  const own = context.principal?.kind === 'party-member' ? context.principal.partyId : undefined;
  const recorded = new Map<string, AttendanceStatus>();
  const everyone = { asOf: Infinity, knownAt: Infinity };
  for (const mark of marksAt(views.presence, meetingId))
    if (within(mark, everyone)) recorded.set(`${mark.partyId}|${mark.personId}`, mark.status);
  const lines = new Map<string, AttendanceLine>();
  for (const partyId of meeting.expectedPartyIds) {
    if (own && partyId !== own) continue;
    for (const roleId of views.directory.rolesOfParty.get(partyId) ?? []) {
      // Whoever held the seat when the meeting took place: the last tenure begun by then, not ended.
      const facts = (views.continuity.seats.get(roleId) ?? []).filter((fact) => fact.occurredAt <= meeting.startsAt);
      const last = tenuresOf(facts).at(-1);
      if (last && !last.end) lines.set(`${partyId}|${last.personId}`, { partyId, personId: last.personId });
    }
  }
  for (const [key, status] of recorded) {
    const [partyId, personId] = key.split('|');
    if (own && partyId !== own) continue;
    lines.set(key, { partyId, personId, recorded: status });
  }
  return [...lines.values()].map((line) => ({ ...line, recorded: recorded.get(`${line.partyId}|${line.personId}`) }));
}

export interface LineError {
  readonly key: string;
  readonly message: string;
}

/** The checklist after a meeting: per expected party its people, each aanwezig, afwezig or afgemeld. */
export async function attendanceFormPage(
  input: PageInput,
  meetingId: string,
  lines: readonly AttendanceLine[],
  state: {
    idempotencyKey: string;
    chosen?: ReadonlyMap<string, string>;
    errors?: readonly LineError[];
    saved?: number;
  },
): Promise<Page> {
  const { context, views } = input;
  const t = context.t.bind(context);
  const meeting = views.directory.meetings.get(meetingId)!;
  const labels = await PersonLabels.load(
    context,
    views,
    input.store,
    new Map(lines.map((l) => [l.personId, l.partyId])),
  );
  const errors = new Map((state.errors ?? []).map((e) => [e.key, e.message]));
  const byParty = new Map<string, AttendanceLine[]>();
  for (const line of lines) byParty.set(line.partyId, [...(byParty.get(line.partyId) ?? []), line]);
  return {
    title: t(`Aanwezigheid: ${meeting.title}`, `Attendance: ${meeting.title}`),
    body: html`<p class="utrecht-paragraph">${dateText(meeting.startsAt, context.lang)} · ${meeting.place}</p>
      ${state.saved !== undefined ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${t(`${state.saved} keer aanwezigheid vastgelegd.`, `${state.saved} attendance records saved.`)}</p></div>` : ''}
      ${errors.size > 0 ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${t('Er is niets vastgelegd. Verbeter de gemarkeerde regels.', 'Nothing was recorded. Correct the marked lines.')}</p></div>` : ''}
      ${lines.length === 0 ? html`<p class="utrecht-paragraph">${t('Deze bijeenkomst verwacht niemand van uw partij.', 'This meeting expects nobody from your party.')}</p>` : ''}
      <form
        method="post"
        action="${context.href(`/app/bijeenkomsten/${encodeURIComponent(meetingId)}/aanwezigheid`)}"
        class="ledger-form"
        novalidate
      >
        <input type="hidden" name="csrf" value="${context.csrf}" />
        <input type="hidden" name="idempotencyKey" value="${state.idempotencyKey}" />
        ${[...byParty].map(
          ([partyId, partyLines]) =>
            html`<fieldset class="utrecht-form-fieldset ledger-fieldset">
              <legend class="utrecht-form-fieldset__legend">${partyName(views, partyId)}</legend>
              ${partyLines.map((line) => {
                const key = `${line.partyId}|${line.personId}`;
                const error = errors.get(key);
                const name = labels.label(line.personId, partyName(views, partyId));
                if (line.recorded)
                  return html`<p class="utrecht-paragraph">
                    ${name}:
                    <strong>${t(...STATUS_TEXT[line.recorded])}</strong> ${t('(al vastgelegd)', '(already recorded)')}
                  </p>`;
                const field = `status:${key}`;
                const chosen = state.chosen?.get(key);
                return html`<div
                  class="utrecht-form-fieldset ledger-radio-row${error ? ' utrecht-form-fieldset--invalid' : ''}"
                  role="radiogroup"
                  aria-label="${name}"
                  ${error ? html`aria-describedby="e-${encodeURIComponent(key)}"` : ''}
                >
                  <span class="ledger-radio-name">${name}</span>
                  ${error ? html`<p class="utrecht-form-field-error-message" id="e-${encodeURIComponent(key)}">${error}</p>` : ''}
                  ${ATTENDANCE_STATUSES.map(
                    (status) =>
                      html`<span class="utrecht-form-field utrecht-form-field--radio ledger-radio">
                        <input
                          class="utrecht-radio-button"
                          type="radio"
                          name="${field}"
                          id="${field}:${status}"
                          value="${status}"
                          ${chosen === status ? html`checked` : ''}
                        />
                        <label class="utrecht-form-label utrecht-form-label--radio" for="${field}:${status}"
                          >${t(...STATUS_TEXT[status])}</label
                        ></span
                      >`,
                  )}
                  <span class="utrecht-form-field utrecht-form-field--radio ledger-radio"
                    ><input
                      class="utrecht-radio-button"
                      type="radio"
                      name="${field}"
                      id="${field}:none"
                      value=""
                      ${!chosen ? html`checked` : ''}
                    />
                    <label class="utrecht-form-label utrecht-form-label--radio" for="${field}:none"
                      >${t('niet invullen', 'leave empty')}</label
                    ></span
                  >
                </div>`;
              })}
            </fieldset>`,
        )}
        ${lines.some((l) => !l.recorded) ? html`<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('Aanwezigheid vastleggen', 'Record attendance')}</button>` : ''}
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${context.href('/app/aanwezigheid')}"
          >${t('Terug naar aanwezigheid', 'Back to attendance')}</a
        >
      </p>`,
  };
}
