import { mayReadRestricted } from '@samen/access';
import { currentShape } from '@samen/ledger-events';
import { roleStream } from '@samen/roles';
import { handoverHistory, type SeatEvent } from '@samen/views';
import { atMost, filterForm, table } from '../components';
import { dateText } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import { sincePeriod, windowOfState } from '../page-state';
import { PersonLabels } from '../person-labels';
import { programmeOf, timeRange, type PageInput } from './page-input';

const KIND_TEXT: Record<SeatEvent['kind'], [string, string]> = {
  assigned: ['Functie toegewezen', 'Role assigned'],
  vacated: ['Vertrokken', 'Left'],
  appointed: ['Opvolger benoemd', 'Successor appointed'],
  handover: ['Overdracht', 'Handover'],
};

/**
 * Overdrachten: per gemeente every appointment, departure and handover in order. A handover's
 * note is restricted: it is read from the role's stream only for readers the rule book lets
 * read the party's restricted facts (the programme team and the party itself).
 */
export async function handoversPage(input: PageInput): Promise<Page> {
  const { context, views, store } = input;
  const { state } = context;
  const t = context.t.bind(context);
  const programme = programmeOf(input);
  const filter = {
    programmeId: programme?.programmeId,
    ...(state.siteId && { siteId: state.siteId }),
    ...(state.partyId && { partyId: state.partyId }),
    // "Wat veranderde sinds": only the changes from that day on.
    ...sincePeriod(state),
  };
  const window = windowOfState(state);
  const report = input.remember(`handovers:${JSON.stringify([filter, window])}`, () =>
    handoverHistory(views.directory, views.continuity, filter, window),
  );

  const parties = atMost(context, report.parties, 20);
  const people = new Map<string, string | undefined>();
  for (const party of parties.rows) {
    for (const event of party.events) {
      people.set(event.personId, party.partyId);
      if (event.handover?.toPersonId) people.set(event.handover.toPersonId, party.partyId);
      if (event.previousPersonId) people.set(event.previousPersonId, party.partyId);
    }
  }
  const labels = await PersonLabels.load(context, views, store, people);
  const notes = new Map<string, string>();
  for (const party of parties.rows) {
    if (!context.principal || !mayReadRestricted(context.principal, party.partyId)) continue;
    const roles = new Set(party.events.filter((e) => e.kind === 'handover').map((e) => e.roleId));
    for (const roleId of roles) {
      // A role's notes are read from its stream once until the log moves; only readers the rule book lets read them get here.
      const read = () => store.readStream(roleStream(roleId));
      // A failed read is remembered as failed: then read again, uncached.
      const events = await input.remember(`role-stream:${roleId}`, read).catch(read);
      for (const event of events) {
        const fact = currentShape(event);
        if (fact.type === 'HandoverRecorded' && fact.data.note !== undefined) {
          notes.set(fact.data.handoverId, fact.data.note);
        }
      }
    }
  }
  return {
    title: t('Overdrachten', 'Handovers'),
    timeTravel: timeRange(input),
    download: context.href('/app/download/overdrachten'),
    body: html`${filterForm(context, views)}
    ${report.parties.length === 0 ? html`<p class="utrecht-paragraph">${t('Geen functies of overdrachten voor deze vraag.', 'No roles or handovers for this question.')}</p>` : ''}
    ${parties.note}
    ${parties.rows.map((party) => {
      const mayReadNotes = context.principal !== undefined && mayReadRestricted(context.principal, party.partyId);
      return html`<h2 class="utrecht-heading-2">${party.name}</h2>
        <p class="utrecht-paragraph">
          ${t(`${party.vacancies} vertrekken, ${party.appointments} benoemingen, ${party.handovers} overdrachten.`, `${party.vacancies} departures, ${party.appointments} appointments, ${party.handovers} handovers.`)}
          ${mayReadNotes ? '' : html` ${t('Overdrachtsnotities zijn alleen voor het kernteam en de partij zelf.', 'Handover notes are for the programme team and the party itself only.')}`}
        </p>
        ${table(
          context,
          t(`${party.name}: alle wisselingen`, `${party.name}: every change`),
          [
            { header: t('Datum', 'Date'), cell: (e) => dateText(e.on, context.lang) },
            { header: t('Wat', 'What'), cell: (e) => t(...KIND_TEXT[e.kind]) },
            { header: t('Functie', 'Role'), cell: (e) => e.title },
            { header: t('Wie', 'Who'), cell: (e) => labels.label(e.personId, party.name) },
            {
              header: t('Aan', 'To'),
              cell: (e) =>
                e.kind === 'handover'
                  ? labels.label(e.handover?.toPersonId, party.name)
                  : e.previousPersonId
                    ? `${t('na', 'after')} ${labels.label(e.previousPersonId, party.name)}`
                    : '–',
            },
            {
              header: t('Afspraken overgedragen', 'Commitments moved'),
              cell: (e) => (e.handover ? e.handover.transferredCommitmentIds.length : '–'),
              numeric: true,
            },
            {
              header: t('Voorgesteld aan partners', 'Introduced to partners'),
              cell: (e) => (e.handover ? (e.handover.introducedToPartners ? t('ja', 'yes') : t('nee', 'no')) : '–'),
            },
            ...(mayReadNotes
              ? [
                  {
                    header: t('Notitie', 'Note'),
                    cell: (e: SeatEvent) => (e.handover ? (notes.get(e.handover.handoverId) ?? '–') : '–'),
                  },
                ]
              : []),
          ],
          atMost(context, party.events, 200, 'last').rows,
        )}`;
    })}`,
  };
}
