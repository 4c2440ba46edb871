import { badge, partyName, siteName, table } from '../components';
import { count, dateText } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import type { PageContext } from '../page-context';
import { timeRange, type PageInput } from './page-input';

export interface ReflectionRow {
  readonly reflectionId: string;
  readonly subject: { readonly kind: 'site' | 'meeting' | 'commitment' | 'programme'; readonly id: string };
  readonly siteId: string | null;
  readonly byPartyId: string;
  readonly occurredAt: string;
  readonly themes: readonly string[];
  readonly whatHappened: string;
  readonly learned: string;
  readonly visibility: {
    readonly kind: 'shared' | 'parties' | 'initiatives' | 'funders-aggregate';
    readonly partyIds?: readonly string[];
  };
}

export interface ReflectionCounts {
  readonly total: number;
  readonly byTheme: readonly { key: string; count: number }[];
  readonly bySite: readonly { key: string; count: number }[];
}

export const VISIBILITY_TEXT = {
  shared: ['gedeeld in het programma', 'shared in the programme'],
  parties: ['alleen voor genoemde partijen', 'for named parties only'],
  initiatives: ['alleen voor initiatieven', 'for initiatives only'],
  'funders-aggregate': ['fondsen zien alleen aantallen', 'funders see counts only'],
} as const;

function subjectText(input: PageInput, subject: ReflectionRow['subject']): string {
  const { views, context } = input;
  switch (subject.kind) {
    case 'site':
      return siteName(views, subject.id);
    case 'meeting': {
      const meeting = views.directory.meetings.get(subject.id);
      return meeting ? `${meeting.title} (${dateText(meeting.startsAt, context.lang)})` : subject.id;
    }
    case 'commitment':
      return (
        views.commitments.byId.get(subject.id)?.facts.find((f) => f.description !== undefined)?.description ??
        subject.id
      );
    case 'programme':
      return views.directory.programmes.get(subject.id)?.name ?? subject.id;
  }
}

/**
 * Reflecties (intervisie, reflectie): what went wrong and what was learned, each shown only
 * to those its visibility lets read it (the API's answer for this reader decides); funders
 * see the ones kept from them only as counts per theme and site.
 */
export function reflectionsPage(
  input: PageInput,
  rows: readonly ReflectionRow[],
  counts: ReflectionCounts,
  canRecord: boolean,
): Page {
  const { context } = input;
  const t = context.t.bind(context);
  return {
    title: t('Reflecties', 'Reflections'),
    timeTravel: timeRange(input),
    download: context.href('/app/download/reflecties'),
    body: html`<p class="utrecht-paragraph">
        ${t(
          'Wat er gebeurde en wat we ervan leerden. Wie een reflectie vastlegt, kiest wie haar mag lezen; dat maakt het veilig om ook te delen wat misging.',
          'What happened and what was learned. Whoever records a reflection chooses who may read it; that makes it safe to share what went wrong too.',
        )}
      </p>
      ${
        canRecord
          ? html`<ul class="ledger-actions">
              <li>
                <a
                  class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  href="${context.href('/app/vastleggen/reflectie', { asOf: undefined, since: undefined, knownThen: undefined })}"
                  >${t('Reflectie vastleggen', 'Record a reflection')}</a
                >
              </li>
            </ul>`
          : ''
      }
      ${rows.length === 0 ? html`<p class="utrecht-paragraph">${t('Geen reflecties die u mag lezen.', 'No reflections you may read.')}</p>` : ''}
      ${rows.map((r) => reflectionArticle(input, context, r))}
      <h2 class="utrecht-heading-2">${t('Geteld', 'Counted')}</h2>
      <p class="utrecht-paragraph">
        ${t(`${count(counts.total, context.lang)} reflecties in dit programma, ook die u niet mag lezen.`, `${count(counts.total, context.lang)} reflections in this programme, also those you may not read.`)}
      </p>
      ${table(
        context,
        t('Per thema', 'Per theme'),
        [
          { header: t('Thema', 'Theme'), cell: (c) => c.key },
          { header: t('Aantal', 'Count'), cell: (c) => c.count, numeric: true },
        ],
        counts.byTheme,
      )}
      ${table(
        context,
        t('Per proeftuin', 'Per site'),
        [
          { header: t('Proeftuin', 'Site'), cell: (c) => siteName(input.views, c.key) },
          { header: t('Aantal', 'Count'), cell: (c) => c.count, numeric: true },
        ],
        counts.bySite,
      )}`,
  };
}

function reflectionArticle(input: PageInput, context: PageContext, r: ReflectionRow) {
  const t = context.t.bind(context);
  const [nl, en] = VISIBILITY_TEXT[r.visibility.kind];
  const who =
    r.visibility.kind === 'parties' && r.visibility.partyIds
      ? `: ${r.visibility.partyIds.map((id) => partyName(input.views, id)).join(', ')}`
      : '';
  return html`<article class="ledger-reflection" aria-labelledby="r-${r.reflectionId}">
    <h2 class="utrecht-heading-3" id="r-${r.reflectionId}">${subjectText(input, r.subject)}</h2>
    <p class="utrecht-paragraph utrecht-paragraph--small">
      ${partyName(input.views, r.byPartyId)} · ${dateText(r.occurredAt, context.lang)} ·
      ${badge(`${t(nl, en)}${who}`, r.visibility.kind === 'shared' ? 'neutral' : 'warning')}
    </p>
    <dl class="ledger-facts">
      <div>
        <dt>${t('Wat er gebeurde', 'What happened')}</dt>
        <dd>${r.whatHappened}</dd>
      </div>
      <div>
        <dt>${t('Wat we leerden', 'What was learned')}</dt>
        <dd>${r.learned}</dd>
      </div>
      <div>
        <dt>${t("Thema's", 'Themes')}</dt>
        <dd>${r.themes.join(', ') || '–'}</dd>
      </div>
    </dl>
  </article>`;
}
