import { presenceReport, periodOf, type MeetingPresence } from '@samen/views';
import { barChart } from '../charts';
import { atMost, badge, filterForm, table } from '../components';
import { dateText, percent } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import { windowOfState } from '../page-state';
import { PersonLabels } from '../person-labels';
import { programmeOf, timeRange, type PageInput } from './page-input';

/**
 * Aanwezigheid: each gemeente's attendance rate over collective meetings, the meetings where a
 * site's initiative came without its gemeente, attendance over time, and who was there.
 */
export async function presencePage(input: PageInput): Promise<Page> {
  const { context, views } = input;
  const { state } = context;
  const programme = programmeOf(input);
  const filter = {
    programmeId: programme?.programmeId,
    ...(state.siteId && { siteId: state.siteId }),
    ...(state.partyId && { partyId: state.partyId }),
    ...periodOf({}),
  };
  const window = windowOfState(state);
  const report = input.remember(`presence:${JSON.stringify([filter, window])}`, () =>
    presenceReport(views.directory, views.presence, filter, window),
  );
  const gemeenten = report.rates.filter((rate) => rate.kind === 'municipality');
  // "Wat veranderde sinds": each party's rate on the earlier date, to show how far it moved.
  const sinceWindow = state.since ? windowOfState(state, 'since') : undefined;
  const before = sinceWindow
    ? new Map(
        input
          .remember(`presence:${JSON.stringify([filter, sinceWindow])}`, () =>
            presenceReport(views.directory, views.presence, filter, sinceWindow),
          )
          .rates.map((r) => [r.partyId, r.rate]),
      )
    : undefined;
  const moved = (partyId: string, rate: number | null) => {
    const then = before?.get(partyId) ?? null;
    if (!before) return '';
    if (then === null || rate === null) return then === rate ? '–' : t('nieuw', 'new');
    const points = Math.round((rate - then) * 100);
    return points === 0
      ? t('gelijk', 'unchanged')
      : `${points > 0 ? '+' : '−'}${Math.abs(points)} ${t('procentpunt', 'points')}`;
  };
  const initiatives = report.rates.filter((rate) => rate.kind === 'initiative');
  const gapMeetings = new Set(report.initiativeWithoutGemeente.map((gap) => `${gap.meetingId}|${gap.gemeentePartyId}`));
  const collective = report.meetings.filter((m) => m.kind === 'collective' && !m.cancelled);
  const recent = atMost(context, report.meetings, 20, 'last');
  const people = new Map<string, string | undefined>();
  for (const meeting of recent.rows)
    for (const party of meeting.parties) for (const p of party.present) people.set(p, party.partyId);
  const labels = await PersonLabels.load(context, views, input.store, people);
  const t = context.t.bind(context);

  const over = collective.map((meeting) => {
    const expected = meeting.parties.filter((p) => p.expected && p.kind === 'municipality');
    const came = expected.filter((p) => p.present.length > 0).length;
    return { meeting, expected: expected.length, came };
  });
  const byRate = [...gemeenten].filter((r) => r.rate !== null).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  const lowest = byRate[0];
  // A national ledger has hundreds of gemeenten: the chart shows the lowest rates, the table all.
  const charted = gemeenten.length > 40 ? byRate.slice(0, 40) : gemeenten;
  const rates = atMost(context, [...gemeenten, ...initiatives], 400);
  const gaps = atMost(context, report.initiativeWithoutGemeente, 100, 'last');
  const overShown = atMost(context, over, 40, 'last');

  return {
    title: t('Aanwezigheid', 'Attendance'),
    timeTravel: timeRange(input),
    download: context.href('/app/download/aanwezigheid'),
    body: html`
      ${filterForm(context, views)}
      <h2 class="utrecht-heading-2">
        ${t('Opkomst per gemeente bij collectieve bijeenkomsten', 'Attendance rate per gemeente over collective meetings')}
      </h2>
      ${barChart(
        context.lang,
        gemeenten.length === 0
          ? t('Geen collectieve bijeenkomsten in deze periode.', 'No collective meetings in this period.')
          : t(
              `Opkomst van ${charted.length === gemeenten.length ? gemeenten.length : `de ${charted.length} laagste van ${gemeenten.length}`} gemeenten; het laagst: ${lowest?.name ?? '–'} (${percent(lowest?.rate ?? null, 'nl')}).`,
              `Attendance of ${charted.length === gemeenten.length ? gemeenten.length : `the ${charted.length} lowest of ${gemeenten.length}`} gemeenten; lowest: ${lowest?.name ?? '–'} (${percent(lowest?.rate ?? null, 'en')}).`,
            ),
        charted.map((r) => ({
          label: r.name,
          value: r.rate ?? 0,
          max: 1,
          text: `${percent(r.rate, context.lang)} (${r.collectiveAttended}/${r.collectiveExpected})`,
          mark: (r.rate ?? 1) < 0.5,
        })),
      )}
      ${table(
        context,
        t('Opkomst per partij (tabel)', 'Attendance rate per party (table)'),
        [
          { header: t('Partij', 'Party'), cell: (r) => r.name },
          {
            header: t('Soort', 'Kind'),
            cell: (r) =>
              r.kind === 'municipality'
                ? 'gemeente'
                : r.kind === 'initiative'
                  ? t('bewonersinitiatief', 'resident initiative')
                  : r.kind,
          },
          { header: t('Verwacht', 'Expected'), cell: (r) => r.collectiveExpected, numeric: true },
          { header: t('Aanwezig', 'Attended'), cell: (r) => r.collectiveAttended, numeric: true },
          { header: t('Opkomst', 'Rate'), cell: (r) => percent(r.rate, context.lang), numeric: true },
          ...(before
            ? [
                {
                  header: t(
                    `Verschil sinds ${dateText(state.since!, 'nl')}`,
                    `Change since ${dateText(state.since!, 'en')}`,
                  ),
                  cell: (r: (typeof gemeenten)[number]) => moved(r.partyId, r.rate),
                  numeric: true,
                },
              ]
            : []),
        ],
        rates.rows,
      )}
      ${rates.note}
      ${matrix(
        input,
        overShown.rows.map((o) => o.meeting),
        gemeenten.map((g) => ({ partyId: g.partyId, name: g.name })),
        gapMeetings,
      )}
      <h2 class="utrecht-heading-2">${t('Initiatief wel, gemeente niet', 'Initiative came, gemeente did not')}</h2>
      ${table(
        context,
        t(
          'Bijeenkomsten waar het initiatief kwam en de gemeente niet',
          'Meetings where the initiative came and the gemeente did not',
        ),
        [
          { header: t('Datum', 'Date'), cell: (g) => dateText(g.startsAt, context.lang) },
          { header: t('Bijeenkomst', 'Meeting'), cell: (g) => g.title },
          { header: t('Proeftuin', 'Site'), cell: (g) => g.siteName },
          {
            header: 'Gemeente',
            cell: (g) => views.directory.parties.get(g.gemeentePartyId)?.name ?? g.gemeentePartyId,
          },
        ],
        gaps.rows,
      )}
      ${gaps.note}

      <h2 class="utrecht-heading-2">${t('Opkomst van gemeenten door de tijd', 'Gemeente attendance over time')}</h2>
      ${barChart(
        context.lang,
        t(
          `${overShown.rows.length} collectieve bijeenkomsten, per bijeenkomst het deel van de verwachte gemeenten dat er was.`,
          `${overShown.rows.length} collective meetings, for each the share of expected gemeenten present.`,
        ),
        overShown.rows.map((o) => ({
          label: `${dateText(o.meeting.startsAt, context.lang)}`,
          value: o.came,
          max: Math.max(o.expected, 1),
          text: `${o.came}/${o.expected}`,
        })),
      )}
      ${table(
        context,
        t('Gemeenten aanwezig per collectieve bijeenkomst (tabel)', 'Gemeenten present per collective meeting (table)'),
        [
          { header: t('Datum', 'Date'), cell: (o) => dateText(o.meeting.startsAt, context.lang) },
          { header: t('Bijeenkomst', 'Meeting'), cell: (o) => o.meeting.title },
          { header: t('Gemeenten verwacht', 'Gemeenten expected'), cell: (o) => o.expected, numeric: true },
          { header: t('Gemeenten aanwezig', 'Gemeenten present'), cell: (o) => o.came, numeric: true },
        ],
        overShown.rows,
      )}
      ${overShown.note}

      <h2 class="utrecht-heading-2">${t('Wie was er', 'Who was there')}</h2>
      ${recent.note} ${recent.rows.map((meeting) => meetingSection(input, meeting, labels, gapMeetings))}
    `,
  };
}

function meetingSection(input: PageInput, meeting: MeetingPresence, labels: PersonLabels, gaps: ReadonlySet<string>) {
  const { context } = input;
  const t = context.t.bind(context);
  const mayRecord = context.principal?.kind === 'programme-team' || context.principal?.kind === 'party-member';
  return html`<section class="ledger-meeting" aria-labelledby="m-${meeting.meetingId}">
    <h3 class="utrecht-heading-3" id="m-${meeting.meetingId}">
      ${meeting.title} ·
      ${dateText(meeting.startsAt, context.lang)}${meeting.cancelled ? html` ${badge(t('afgelast', 'cancelled'), 'neutral')}` : ''}
    </h3>
    <p class="utrecht-paragraph">
      ${meeting.place}${mayRecord && !meeting.cancelled ? html` · <a class="utrecht-link" href="${context.href(`/app/bijeenkomsten/${encodeURIComponent(meeting.meetingId)}/aanwezigheid`)}">${t('Aanwezigheid vastleggen', 'Record attendance')}</a>` : ''}
    </p>
    ${table(
      context,
      t(`Aanwezig bij ${meeting.title}`, `Present at ${meeting.title}`),
      [
        {
          header: t('Partij', 'Party'),
          cell: (p) =>
            html`${p.name}${gaps.has(`${meeting.meetingId}|${p.partyId}`) ? html` ${badge(t('initiatief wel, gemeente niet', 'initiative without gemeente'), 'warning')}` : ''}`,
        },
        { header: t('Verwacht', 'Expected'), cell: (p) => (p.expected ? t('ja', 'yes') : t('nee', 'no')) },
        {
          header: t('Aanwezig', 'Present'),
          cell: (p) => (p.present.length ? p.present.map((id) => labels.label(id, p.name)).join('; ') : '–'),
        },
        { header: t('Afgemeld', 'Excused'), cell: (p) => p.excused.length, numeric: true },
        { header: t('Afwezig', 'Absent'), cell: (p) => p.absent.length, numeric: true },
      ],
      meeting.parties,
      (p) => (gaps.has(`${meeting.meetingId}|${p.partyId}`) ? 'ledger-row--gap' : undefined),
    )}
  </section>`;
}

/**
 * Collective meetings × gemeenten: who came, with the meetings where a site's initiative came
 * without its gemeente marked. For a few gemeenten at a time; a national ledger chooses one.
 */
function matrix(
  input: PageInput,
  meetings: readonly MeetingPresence[],
  gemeenten: readonly { partyId: string; name: string }[],
  gaps: ReadonlySet<string>,
) {
  const { context } = input;
  const t = context.t.bind(context);
  if (meetings.length === 0 || gemeenten.length === 0) return html``;
  if (gemeenten.length > 12) {
    return html`<p class="utrecht-paragraph">
      ${t(
        `Kies een gemeente of proeftuin voor het overzicht van bijeenkomsten per gemeente (${gemeenten.length} gemeenten).`,
        `Choose a gemeente or site for meetings per gemeente (${gemeenten.length} gemeenten).`,
      )}
    </p>`;
  }
  const cell = (meeting: MeetingPresence, partyId: string) => {
    const party = meeting.parties.find((p) => p.partyId === partyId);
    if (!party?.expected) return '–';
    if (party.present.length > 0) return t('aanwezig', 'present');
    return gaps.has(`${meeting.meetingId}|${partyId}`)
      ? badge(t('niet, initiatief wel', 'no, initiative did'), 'warning')
      : party.excused.length > 0
        ? t('afgemeld', 'excused')
        : t('niet', 'no');
  };
  return table(
    context,
    t('Collectieve bijeenkomsten per gemeente', 'Collective meetings per gemeente'),
    [
      {
        header: t('Bijeenkomst', 'Meeting'),
        cell: (m: MeetingPresence) => `${dateText(m.startsAt, context.lang)}: ${m.title}`,
      },
      ...gemeenten.map((g) => ({
        header: g.name.replace(/^Gemeente /, ''),
        cell: (m: MeetingPresence) => cell(m, g.partyId),
      })),
    ],
    meetings,
  );
}
