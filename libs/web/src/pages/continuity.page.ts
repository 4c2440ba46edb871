import { continuityReport, dutchMidnight, type Departure, type PartyContinuity } from '@samen/views';
import { timelineChart, type TimelineRow } from '../charts';
import { atMost, badge, filterForm, mayRecordFor, table } from '../components';
import { count, dateText, percent } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import { sincePeriod, windowOfState } from '../page-state';
import { PersonLabels } from '../person-labels';
import { programmeOf, timeRange, type PageInput } from './page-input';

/**
 * Continuïteit: per gemeente who held which seat when (a timeline chart with vacancies and
 * handovers), the 90-day turnover flag, commitments left without an owner, and attendance
 * before and after each departure.
 */
export async function continuityPage(input: PageInput): Promise<Page> {
  const { context, views, now } = input;
  const { state } = context;
  const t = context.t.bind(context);
  const programme = programmeOf(input);
  const window = windowOfState(state);
  const filter = {
    programmeId: programme?.programmeId,
    ...(state.siteId && { siteId: state.siteId }),
    ...(state.partyId && { partyId: state.partyId }),
    // "Wat veranderde sinds": departures (and their vacancies) from that day on.
    ...sincePeriod(state),
  };
  const report = input.remember(`continuity:${JSON.stringify([filter, window])}`, () =>
    continuityReport(views, filter, window, now),
  );
  const people = new Map<string, string | undefined>();
  for (const party of report.parties) {
    for (const seat of party.seats) for (const holder of seat.holders) people.set(holder.personId, party.partyId);
  }
  for (const d of report.departures) {
    people.set(d.personId, d.partyId);
    if (d.successorPersonId) people.set(d.successorPersonId, d.partyId);
  }
  for (const o of report.orphanedCommitments) people.set(o.departedPersonId, o.partyId);
  const labels = await PersonLabels.load(context, views, input.store, people);
  const gemeenten = report.parties.filter((p) => p.kind === 'municipality');
  // The seat charts are for a few gemeenten at a time; a national ledger has hundreds.
  const charted = gemeenten.filter((p) => p.seats.length > 0);
  const orphans = atMost(context, report.orphanedCommitments, 200, 'last');
  const departures = atMost(context, report.departures, 200, 'last');
  const start = programme ? dutchMidnight(programme.startsOn) : now;
  const end = Math.min(
    Number.isFinite(window.asOf) ? window.asOf : now,
    programme?.endsOn ? dutchMidnight(programme.endsOn) + 86_400_000 : now,
  );

  return {
    title: t('Continuïteit', 'Continuity'),
    timeTravel: timeRange(input),
    download: context.href('/app/download/continuiteit'),
    body: html`
      ${filterForm(context, views)}
      ${table(
        context,
        t('Personeelswisselingen per gemeente', 'Staff turnover per gemeente'),
        [
          { header: 'Gemeente', cell: (p) => p.name },
          { header: t('Vertrekken', 'Departures'), cell: (p) => p.departures, numeric: true },
          {
            header: t('Met overdracht', 'With handover'),
            cell: (p) => `${p.withHandover} (${percent(p.handoverShare, context.lang)})`,
            numeric: true,
          },
          {
            header: t('Meeste in 90 dagen', 'Most within 90 days'),
            cell: (p) =>
              html`${p.maxDeparturesIn90Days}${p.threeOrMoreIn90Days ? html` ${badge(t('3 of meer in 90 dagen', '3 or more in 90 days'), 'danger')}` : ''}`,
            numeric: true,
          },
          {
            header: t('Vacaturedagen', 'Vacancy days'),
            cell: (p) => count(p.vacancyDays, context.lang),
            numeric: true,
          },
          {
            header: t('Afspraken zonder eigenaar', 'Commitments without owner'),
            cell: (p) => `${p.stillOrphaned} / ${p.orphanedCommitments}`,
            numeric: true,
          },
        ],
        atMost(context, gemeenten, 400).rows,
      )}
      ${
        charted.length > 0 && charted.length <= 12
          ? charted.map((party) => seatsChart(input, party, report.departures, labels, start, end))
          : html`<p class="utrecht-paragraph">
              ${t(
                `Kies een gemeente voor de tijdlijn van haar functiehouders (${charted.length} gemeenten met functies).`,
                `Choose a gemeente to see the timeline of its role holders (${charted.length} gemeenten with roles).`,
              )}
            </p>`
      }
      ${table(
        context,
        t('Afspraken zonder eigenaar', 'Commitments left without an owner'),
        [
          {
            header: t('Afspraak', 'Commitment'),
            cell: (o) =>
              html`<a
                class="utrecht-link"
                href="${context.href(`/app/afspraken/${encodeURIComponent(o.commitmentId)}`)}"
                >${views.commitments.byId.get(o.commitmentId) ? commitmentText(input, o.commitmentId) : o.commitmentId}</a
              >`,
          },
          { header: t('Partij', 'Party'), cell: (o) => o.partyName },
          { header: t('Vertrokken', 'Departed'), cell: (o) => labels.label(o.departedPersonId, o.partyName) },
          {
            header: t('Zonder eigenaar sinds', 'Without owner since'),
            cell: (o) => dateText(o.orphanedOn, context.lang),
          },
          {
            header: t('Tot', 'Until'),
            cell: (o) =>
              o.orphanedUntil ? dateText(o.orphanedUntil, context.lang) : badge(t('nog steeds', 'still'), 'danger'),
          },
          { header: t('Dagen', 'Days'), cell: (o) => o.days, numeric: true },
        ],
        orphans.rows,
      )}
      ${orphans.note}
      ${table(
        context,
        t(
          'Aanwezigheid van de gemeente voor en na elk vertrek (90 dagen)',
          'The gemeente’s attendance before and after each departure (90 days)',
        ),
        [
          { header: t('Vertrek', 'Departure'), cell: (d) => dateText(d.departedOn, context.lang) },
          { header: t('Wie', 'Who'), cell: (d) => labels.label(d.personId, d.partyName) },
          { header: t('Functie', 'Role'), cell: (d) => d.title },
          {
            header: t('Overdracht', 'Handover'),
            cell: (d) => (d.handover ? t('ja', 'yes') : badge(t('geen', 'none'), 'warning')),
          },
          {
            header: t('Opvolger', 'Successor'),
            cell: (d) =>
              d.successorPersonId ? labels.label(d.successorPersonId, d.partyName) : t('nog niet', 'not yet'),
          },
          {
            header: t('Aanwezig ervoor', 'Attended before'),
            cell: (d) => `${d.attendance.before.attended}/${d.attendance.before.expected}`,
            numeric: true,
          },
          {
            header: t('Aanwezig erna', 'Attended after'),
            cell: (d) => `${d.attendance.after.attended}/${d.attendance.after.expected}`,
            numeric: true,
          },
        ],
        departures.rows,
      )}
      ${departures.note}
    `,
  };
}

function commitmentText(input: PageInput, commitmentId: string): string {
  const record = input.views.commitments.byId.get(commitmentId);
  const description = record?.facts.find((f) => f.description !== undefined)?.description;
  return description ?? commitmentId;
}

function seatsChart(
  input: PageInput,
  party: PartyContinuity,
  departures: readonly Departure[],
  labels: PersonLabels,
  start: number,
  end: number,
) {
  const { context } = input;
  const t = context.t.bind(context);
  const endOf = (day: string | null) => (day ? dutchMidnight(day) : end);
  const rows: TimelineRow[] = party.seats.map((seat) => ({
    label: seat.title,
    periods: [
      ...seat.holders.map((h) => ({
        from: dutchMidnight(h.from),
        to: endOf(h.to),
        kind: 'held' as const,
        title: `${labels.label(h.personId, party.name)}: ${dateText(h.from, context.lang)} – ${h.to ? dateText(h.to, context.lang) : t('nu', 'now')}`,
      })),
      ...seat.vacancies.map((v) => ({
        from: dutchMidnight(v.from),
        to: endOf(v.to),
        kind: 'vacant' as const,
        title: `${t('vacature', 'vacancy')}: ${v.days} ${t('dagen', 'days')}`,
      })),
    ],
    marks: departures
      .filter((d) => d.roleId === seat.roleId && d.handover)
      .map((d) => ({
        at: dutchMidnight(d.handover!.handedOverOn),
        title: `${t('overdracht door', 'handover by')} ${labels.label(d.personId, party.name)}, ${dateText(d.handover!.handedOverOn, context.lang)}`,
      })),
  }));
  const vacancies = party.seats.reduce((n, s) => n + s.vacancies.length, 0);
  return html`<h2 class="utrecht-heading-2">${party.name}: ${t('wie had welke functie', 'who held which role')}</h2>
    ${timelineChart(context.lang, t(`${party.seats.length} functies, ${party.departures} vertrekken, ${vacancies} vacatures.`, `${party.seats.length} roles, ${party.departures} departures, ${vacancies} vacancies.`), start, end, rows)}
    <p class="utrecht-paragraph utrecht-paragraph--small">
      <span class="ledger-key ledger-key--held"></span> ${t('bezet', 'held')} ·
      <span class="ledger-key ledger-key--vacant"></span> ${t('vacature', 'vacancy')} ·
      <span class="ledger-key ledger-key--handover"></span> ${t('overdracht', 'handover')}
    </p>
    ${table(
      context,
      t(`${party.name}: functiehouders (tabel)`, `${party.name}: role holders (table)`),
      [
        {
          header: t('Functie', 'Role'),
          cell: (s) =>
            mayRecordFor(context, [party.partyId])
              ? html`${s.title}<br /><a
                    class="utrecht-link"
                    href="${context.href('/app/vastleggen/overdracht', { subject: s.roleId, asOf: undefined, since: undefined, knownThen: undefined })}"
                    >${t('Overdracht vastleggen', 'Record a handover')}</a
                  >`
              : s.title,
        },
        {
          header: t('Houders', 'Holders'),
          cell: (s) =>
            s.holders
              .map(
                (h) =>
                  `${labels.label(h.personId, party.name)} (${dateText(h.from, context.lang)} – ${h.to ? dateText(h.to, context.lang) : t('nu', 'now')})`,
              )
              .join('; ') || '–',
        },
        {
          header: t('Vacatures', 'Vacancies'),
          cell: (s) =>
            s.vacancies
              .map(
                (v) =>
                  `${dateText(v.from, context.lang)}: ${v.days} ${t('dagen', 'days')}${v.open ? ` (${t('open', 'open')})` : ''}`,
              )
              .join('; ') || '–',
        },
      ],
      party.seats,
    )}`;
}
