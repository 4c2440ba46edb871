import { barChart } from '../charts';
import { table } from '../components';
import { dateText, percent } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import type { PageContext } from '../page-context';

export interface PublishedRates {
  readonly programmeName: string;
  readonly rates: readonly {
    name: string;
    collectiveExpected: number;
    collectiveAttended: number;
    rate: number | null;
  }[];
}

/**
 * Openbaar: what a programme publishes (Woo), for anyone without signing in: aggregates
 * only, never a person. The figures are the API's public answer, so one rule decides.
 */
export function publishedPage(context: PageContext, published: PublishedRates): Page {
  const t = context.t.bind(context);
  return {
    title: t(`Openbare cijfers: ${published.programmeName}`, `Published figures: ${published.programmeName}`),
    timeTravel: {},
    body: html`<p class="utrecht-paragraph">
        ${t(
          'Dit programma publiceert de opkomst van gemeenten bij collectieve bijeenkomsten. Er staan geen namen of persoonsgegevens op deze pagina.',
          'This programme publishes the attendance of gemeenten at collective meetings. This page holds no names or personal data.',
        )}${context.state.asOf ? ` ${t(`Zoals het was op ${dateText(context.state.asOf, 'nl')}.`, `As it was on ${dateText(context.state.asOf, 'en')}.`)}` : ''}
      </p>
      ${barChart(
        context.lang,
        t(
          `Opkomst van ${published.rates.length} gemeenten bij collectieve bijeenkomsten.`,
          `Attendance of ${published.rates.length} gemeenten at collective meetings.`,
        ),
        published.rates.map((r) => ({
          label: r.name,
          value: r.rate ?? 0,
          max: 1,
          text: percent(r.rate, context.lang),
        })),
      )}
      ${table(
        context,
        t('Opkomst per gemeente (tabel)', 'Attendance per gemeente (table)'),
        [
          { header: 'Gemeente', cell: (r) => r.name },
          { header: t('Verwacht', 'Expected'), cell: (r) => r.collectiveExpected, numeric: true },
          { header: t('Aanwezig', 'Attended'), cell: (r) => r.collectiveAttended, numeric: true },
          { header: t('Opkomst', 'Rate'), cell: (r) => percent(r.rate, context.lang), numeric: true },
        ],
        published.rates,
      )}`,
  };
}
