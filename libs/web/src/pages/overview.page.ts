import { commitmentsPerParty, continuityReport, moneyReport, presenceReport, type TimeWindow } from '@samen/views';
import { figures, partyName } from '../components';
import { count, dateText, euros, percent } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import { windowOfState } from '../page-state';
import { programmeOf, timeRange, type PageInput } from './page-input';

interface KeyFigures {
  readonly gemeenteRate: number | null;
  readonly gaps: number;
  readonly made: number;
  readonly fulfilled: number;
  readonly broken: number;
  readonly open: number;
  readonly overdue: number;
  readonly departures: number;
  readonly handoverShare: number | null;
  readonly stillOrphaned: number;
  readonly committed: number;
  readonly paid: number;
  readonly outstanding: number;
}

/** The figures people look at first, for one programme (and one party, for its own members) in one window. */
function keyFigures(
  input: PageInput,
  programmeId: string | undefined,
  partyId: string | undefined,
  window: TimeWindow,
): KeyFigures {
  const { views, now } = input;
  const filter = { ...(programmeId && { programmeId }), ...(partyId && { partyId }) };
  const asked = JSON.stringify([filter, window]);
  const presence = input.remember(`presence:${asked}`, () =>
    presenceReport(views.directory, views.presence, filter, window),
  );
  const rates = presence.rates.filter((r) => r.kind === 'municipality' && r.collectiveExpected > 0);
  const expected = rates.reduce((n, r) => n + r.collectiveExpected, 0);
  const attended = rates.reduce((n, r) => n + r.collectiveAttended, 0);
  const parties = input.remember(`commitments-per-party:${asked}`, () =>
    commitmentsPerParty(views.directory, views.commitments, filter, window, now),
  ).parties;
  const sum = (key: 'made' | 'fulfilled' | 'broken' | 'open' | 'overdue') => parties.reduce((n, p) => n + p[key], 0);
  const continuity = input.remember(`continuity:${asked}`, () => continuityReport(views, filter, window, now)).totals;
  const money = input.remember(`money:${asked}`, () => moneyReport(views, filter, window, now)).payers;
  return {
    gemeenteRate: expected > 0 ? attended / expected : null,
    gaps: presence.initiativeWithoutGemeente.length,
    made: sum('made'),
    fulfilled: sum('fulfilled'),
    broken: sum('broken'),
    open: sum('open'),
    overdue: sum('overdue'),
    departures: continuity.departures,
    handoverShare: continuity.handoverShare,
    stillOrphaned: continuity.stillOrphaned,
    committed: money.reduce((n, p) => n + p.committedInCents, 0),
    paid: money.reduce((n, p) => n + p.paidInCents, 0),
    outstanding: money.reduce((n, p) => n + p.outstandingInCents, 0),
  };
}

/** Overzicht: per programme the few figures each user group looks at first, and what changed since a date. */
export async function overviewPage(input: PageInput): Promise<Page> {
  const { context, views } = input;
  const { state } = context;
  const t = context.t.bind(context);
  const programme = programmeOf(input);
  const own = context.principal?.kind === 'party-member' ? context.principal.partyId : undefined;
  const scope = state.partyId ?? own;
  const now = keyFigures(input, programme?.programmeId, scope, windowOfState(state));
  const then = state.since
    ? keyFigures(input, programme?.programmeId, scope, windowOfState(state, 'since'))
    : undefined;
  const lang = context.lang;
  const change = (key: keyof KeyFigures, show: (value: number) => string, was = show) => {
    if (!then) return undefined;
    // A rate that had nothing to be judged on then (no meeting yet) has no difference to show.
    if (then[key] === null || now[key] === null) return undefined;
    const [a, b] = [then[key] ?? 0, now[key] ?? 0];
    if (a === b)
      return t(`gelijk sinds ${dateText(state.since!, lang)}`, `unchanged since ${dateText(state.since!, lang)}`);
    const sign = b > a ? '+' : '−';
    return t(
      `${sign}${show(Math.abs(b - a))} sinds ${dateText(state.since!, lang)} (was ${was(a)})`,
      `${sign}${show(Math.abs(b - a))} since ${dateText(state.since!, lang)} (was ${was(a)})`,
    );
  };
  const n = (v: number) => count(v, lang);
  // A difference of two rates is in percentage points, not a percentage of them.
  const points = (v: number) => t(`${Math.round(v * 100)} procentpunt`, `${Math.round(v * 100)} points`);
  const eur = (v: number) => euros(v, lang);
  const sites = programme
    ? [...views.directory.sites.values()].filter((s) => s.programmeId === programme.programmeId)
    : [];
  return {
    title: programme ? `${t('Overzicht', 'Overview')}: ${programme.name}` : t('Overzicht', 'Overview'),
    timeTravel: timeRange(input),
    body: html` ${
        programme
          ? html`<p class="utrecht-paragraph utrecht-paragraph--lead">
              ${t(
                `${programme.name} loopt van ${dateText(programme.startsOn, lang)}${programme.endsOn ? ` tot ${dateText(programme.endsOn, lang)}` : ''}, met ${sites.length} proeftuinen.`,
                `${programme.name} runs from ${dateText(programme.startsOn, lang)}${programme.endsOn ? ` to ${dateText(programme.endsOn, lang)}` : ''}, with ${sites.length} sites.`,
              )}${scope ? ` ${t(`Cijfers voor ${partyName(views, scope)}.`, `Figures for ${partyName(views, scope)}.`)}` : ''}
              ${state.asOf ? ` ${t(`Zoals het was op ${dateText(state.asOf, lang)}${state.knownThen ? ', zoals toen bekend' : ''}.`, `As it was on ${dateText(state.asOf, lang)}${state.knownThen ? ', as known then' : ''}.`)}` : ''}
            </p>`
          : html`<p class="utrecht-paragraph">
              ${t('Er is nog geen programma vastgelegd.', 'No programme has been recorded yet.')}
            </p>`
      }
      <h2 class="utrecht-heading-2">${t('Aanwezigheid', 'Attendance')}</h2>
      ${figures([
        {
          label: t('Opkomst van gemeenten bij collectieve bijeenkomsten', 'Gemeente attendance at collective meetings'),
          value: percent(now.gemeenteRate, lang),
          note: change('gemeenteRate', points, (v) => percent(v, lang)),
        },
        {
          label: t(
            'Keren dat het initiatief kwam en de gemeente niet',
            'Times the initiative came and the gemeente did not',
          ),
          value: n(now.gaps),
          note: change('gaps', n),
        },
      ])}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${context.href('/app/aanwezigheid')}"
          >${t('Naar aanwezigheid', 'To attendance')}</a
        >
      </p>
      <h2 class="utrecht-heading-2">${t('Afspraken', 'Commitments')}</h2>
      ${figures([
        { label: t('Toezeggingen gedaan', 'Commitments made'), value: n(now.made), note: change('made', n) },
        { label: t('Nagekomen', 'Kept'), value: n(now.fulfilled), note: change('fulfilled', n) },
        { label: t('Niet nagekomen', 'Broken'), value: n(now.broken), note: change('broken', n) },
        { label: t('Open', 'Open'), value: n(now.open), note: change('open', n) },
        { label: t('Te laat', 'Overdue'), value: n(now.overdue), note: change('overdue', n) },
      ])}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${context.href('/app/afspraken')}">${t('Naar afspraken', 'To commitments')}</a>
      </p>
      <h2 class="utrecht-heading-2">${t('Continuïteit', 'Continuity')}</h2>
      ${figures([
        { label: t('Vertrekken', 'Departures'), value: n(now.departures), note: change('departures', n) },
        {
          label: t('Vertrekken met overdracht', 'Departures with a handover'),
          value: percent(now.handoverShare, lang),
          note: change('handoverShare', points, (v) => percent(v, lang)),
        },
        {
          label: t('Afspraken nog zonder eigenaar', 'Commitments still without an owner'),
          value: n(now.stillOrphaned),
          note: change('stillOrphaned', n),
        },
      ])}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${context.href('/app/continuiteit')}"
          >${t('Naar continuïteit', 'To continuity')}</a
        >
      </p>
      <h2 class="utrecht-heading-2">${t('Geld', 'Money')}</h2>
      ${figures([
        { label: t('Toegezegd', 'Committed'), value: eur(now.committed), note: change('committed', eur) },
        { label: t('Betaald', 'Paid'), value: eur(now.paid), note: change('paid', eur) },
        { label: t('Openstaand', 'Outstanding'), value: eur(now.outstanding), note: change('outstanding', eur) },
      ])}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${context.href('/app/geld')}">${t('Naar geld', 'To money')}</a>
      </p>`,
  };
}
