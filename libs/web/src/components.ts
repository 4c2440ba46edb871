import { allows } from '@samen/access';
import type { LedgerViews } from '@samen/views';
import { html, type Html, type Renderable } from './html';
import type { PageContext } from './page-context';

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => Renderable;
  /** Numbers and amounts are right-aligned so that they can be compared down a column. */
  readonly numeric?: boolean;
}

/** A data table with a caption; an empty one says so rather than showing bare headers. */
export function table<Row>(
  context: PageContext,
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  rowClass?: (row: Row) => string | undefined,
): Html {
  if (rows.length === 0) {
    // A paragraph, not a heading: an empty table must not break the page's heading order.
    return html`<p class="utrecht-paragraph">
      <strong>${caption}</strong>: ${context.t('niets gevonden voor deze vraag.', 'nothing found for this question.')}
    </p>`;
  }
  return html`<div
    class="utrecht-table-container ledger-table-scroll"
    tabindex="0"
    role="region"
    aria-label="${caption}"
  >
    <table class="utrecht-table">
      <caption class="utrecht-table__caption">
        ${caption}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          ${columns.map(
            (c) =>
              html`<th
                scope="col"
                class="utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}"
              >
                ${c.header}
              </th>`,
          )}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${rows.map(
          (row) =>
            html`<tr class="utrecht-table__row ${rowClass?.(row) ?? ''}">
              ${columns.map(
                (c) =>
                  html`<td
                    class="utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric-column' : ''}"
                    data-label="${c.header}"
                  >
                    ${c.cell(row)}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The few figures a reader looks at first, as a definition list. */
export function figures(items: readonly { label: string; value: Renderable; note?: Renderable }[]): Html {
  return html`<dl class="ledger-figures">
    ${items.map(
      (item) =>
        html`<div class="ledger-figure">
          <dt>${item.label}</dt>
          <dd>
            <span class="ledger-figure-value">${item.value}</span>${
              item.note ? html`<span class="ledger-figure-note">${item.note}</span>` : ''
            }
          </dd>
        </div>`,
    )}
  </dl>`;
}

export function badge(text: string, tone: 'danger' | 'warning' | 'success' | 'neutral'): Html {
  return html`<span class="utrecht-status-badge utrecht-status-badge--${tone}">${text}</span>`;
}

export const partyName = (views: LedgerViews, partyId: string | null | undefined): string =>
  partyId ? (views.directory.parties.get(partyId)?.name ?? partyId) : '–';

export const siteName = (views: LedgerViews, siteId: string | null | undefined): string =>
  siteId ? (views.directory.sites.get(siteId)?.name ?? siteId) : '–';

/**
 * Filters as a GET form over the page's own URL (works without script), keeping the time
 * travel the reader chose. The programme is the page's programme; party and site narrow it.
 */
export function filterForm(
  context: PageContext,
  views: LedgerViews,
  options: { parties?: boolean; sites?: boolean; extra?: Renderable } = { parties: true, sites: true },
): Html {
  const { state } = context;
  const programmeId = state.programmeId;
  const sites = [...views.directory.sites.values()].filter((s) => !programmeId || s.programmeId === programmeId);
  const partyIds = new Set(sites.flatMap((s) => [s.gemeentePartyId, ...s.initiativePartyIds]));
  const parties = [...views.directory.parties.values()]
    .filter((p) => partyIds.has(p.partyId) || p.kind === 'fund')
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const keep = (['lang', 'programmeId', 'asOf', 'since'] as const).map((key) =>
    state[key] && !(key === 'lang' && state.lang === 'nl')
      ? html`<input type="hidden" name="${key}" value="${state[key]}" />`
      : '',
  );
  return html`<form
    method="get"
    action="${context.path}"
    class="ledger-filters"
    aria-label="${context.t('Filters', 'Filters')}"
  >
    ${keep}${state.knownThen ? html`<input type="hidden" name="knownThen" value="1" />` : ''}
    ${
      options.parties
        ? html`<div class="utrecht-form-field">
            <label class="utrecht-form-label" for="f-party">${context.t('Partij', 'Party')}</label>
            <select class="utrecht-select" id="f-party" name="partyId">
              <option value="">${context.t('Alle partijen', 'All parties')}</option>
              ${parties.map((p) => html`<option value="${p.partyId}" ${state.partyId === p.partyId ? html`selected` : ''}>${p.name}</option>`)}
            </select>
          </div>`
        : ''
    }
    ${
      options.sites
        ? html`<div class="utrecht-form-field">
            <label class="utrecht-form-label" for="f-site">${context.t('Proeftuin', 'Site')}</label>
            <select class="utrecht-select" id="f-site" name="siteId">
              <option value="">${context.t('Alle proeftuinen', 'All sites')}</option>
              ${sites.map((s) => html`<option value="${s.siteId}" ${state.siteId === s.siteId ? html`selected` : ''}>${s.name}</option>`)}
            </select>
          </div>`
        : ''
    }
    ${options.extra ?? ''}
    <button class="utrecht-button utrecht-button--secondary-action" type="submit">
      ${context.t('Filter', 'Filter')}
    </button>
  </form>`;
}

/** Whether the reader may record facts about one of these parties: the rule book's own-party write. */
export const mayRecordFor = (context: PageContext, partyIds: readonly string[]): boolean =>
  context.principal !== undefined && allows(context.principal, { kind: 'write', scope: 'own-party' }, partyIds);

/** Whether the reader records facts at all (the programme team and members of a party do; evaluators read). */
export const mayRecord = (context: PageContext): boolean =>
  context.principal !== undefined && allows(context.principal, { kind: 'write', scope: 'any-party' });

/** Links to the forms a page offers, for readers who may use them. */
export function actions(context: PageContext, links: readonly { href: string; text: string }[]): Html {
  if (links.length === 0) return html``;
  return html`<ul class="ledger-actions">
    ${links.map((l) => html`<li><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${l.href}">${l.text}</a></li>`)}
  </ul>`;
}

/**
 * At most `limit` rows of a long list, and a line saying how many were left out: a page on a
 * national ledger (a million facts) must stay a page. The CSV download has every row.
 */
export function atMost<Row>(
  context: PageContext,
  rows: readonly Row[],
  limit: number,
  which: 'first' | 'last' = 'first',
): { rows: readonly Row[]; note: Html } {
  if (rows.length <= limit) return { rows, note: html`` };
  const shown = which === 'first' ? rows.slice(0, limit) : rows.slice(rows.length - limit);
  const nl =
    which === 'first'
      ? `De eerste ${limit} van ${rows.length} getoond.`
      : `De laatste ${limit} van ${rows.length} getoond.`;
  const en =
    which === 'first' ? `The first ${limit} of ${rows.length} shown.` : `The last ${limit} of ${rows.length} shown.`;
  return {
    rows: shown,
    note: html`<p class="utrecht-paragraph utrecht-paragraph--small ledger-more">
      ${context.t(`${nl} Verfijn met de filters, of download alles als CSV.`, `${en} Narrow down with the filters, or download everything as CSV.`)}
    </p>`,
  };
}
