import { decodeCursor, FACT_CATEGORIES, timelinePage, type FactCategory } from '@samen/views';
import { filterForm, partyName, siteName, table } from '../components';
import { CATEGORY_NAMES, factName } from '../fact-names';
import { count, dateTimeText } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import { sincePeriod, windowOfState } from '../page-state';
import { programmeOf, timeRange, type PageInput } from './page-input';

const PAGE_SIZE = 100;

/** Tijdlijn: every fact in order, filterable by site, party and kind, a hundred at a time. */
export async function timelinePageOf(
  input: PageInput,
  category: FactCategory | undefined,
  cursor: string | undefined,
): Promise<Page> {
  const { context, views } = input;
  const { state } = context;
  const t = context.t.bind(context);
  const programme = programmeOf(input);
  const after = cursor ? decodeCursor(cursor) : undefined;
  const page = timelinePage(
    views.timeline,
    {
      programmeId: programme?.programmeId,
      ...(state.siteId && { siteId: state.siteId }),
      ...(state.partyId && { partyId: state.partyId }),
      ...(category && { category }),
      // "Wat veranderde sinds": the facts that happened from that day on.
      ...sincePeriod(state),
    },
    windowOfState(state),
    { limit: PAGE_SIZE, ...(after && { after }) },
  );
  const kindSelect = html`<div class="utrecht-form-field">
    <label class="utrecht-form-label" for="f-category">${t('Soort feit', 'Kind of fact')}</label>
    <select class="utrecht-select" id="f-category" name="category">
      <option value="">${t('Alle', 'All')}</option>
      ${FACT_CATEGORIES.map((c) => html`<option value="${c}" ${category === c ? html`selected` : ''}>${t(...CATEGORY_NAMES[c])}</option>`)}
    </select>
  </div>`;
  const linkOf = (streamName: string) => {
    const match = /^commitment-(.+)$/.exec(streamName);
    return match ? context.href(`/app/afspraken/${encodeURIComponent(match[1])}`) : undefined;
  };
  return {
    title: t('Tijdlijn', 'Timeline'),
    timeTravel: timeRange(input),
    download: context.href('/app/download/tijdlijn', { category }),
    body: html`${filterForm(context, views, { parties: true, sites: true, extra: kindSelect })}
    ${table(
      context,
      t(
        `${count(page.total, context.lang)} feiten, in de volgorde waarin ze gebeurden`,
        `${count(page.total, context.lang)} facts, in the order they happened`,
      ),
      [
        { header: t('Gebeurd op', 'Happened on'), cell: (e) => dateTimeText(e.occurredAt, context.lang) },
        {
          header: t('Wat', 'What'),
          cell: (e) => {
            const link = linkOf(e.streamName);
            const text = t(...factName(e.type));
            return link ? html`<a class="utrecht-link" href="${link}">${text}</a>` : text;
          },
        },
        { header: t('Proeftuin', 'Site'), cell: (e) => siteName(views, e.siteId) },
        {
          header: t('Partijen', 'Parties'),
          cell: (e) => e.partyIds.map((id) => partyName(views, id)).join(', ') || '–',
        },
        { header: t('Vastgelegd op', 'Recorded on'), cell: (e) => dateTimeText(e.recordedAt, context.lang) },
        { header: t('Positie', 'Position'), cell: (e) => e.position, numeric: true },
      ],
      page.entries,
    )}
    ${page.nextCursor ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${context.href('/app/tijdlijn', { category, cursor: page.nextCursor })}">${t('Volgende 100 feiten', 'Next 100 facts')}</a></p>` : ''}`,
  };
}
