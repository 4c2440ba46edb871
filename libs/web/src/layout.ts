import { html, type Html, type Renderable } from './html';
import type { PageContext } from './page-context';
import type { FieldProblem } from './page-state';

export interface Page {
  /** The page's heading and the first part of its title. */
  readonly title: string;
  readonly body: Renderable;
  /** Pages about the ledger's state show the time-travel control; sign-in and errors do not. */
  readonly timeTravel?: { readonly first?: string; readonly last?: string };
  /** Where this page's data can be downloaded (CSV), with the page's own filters. */
  readonly download?: string;
  /** The HTTP status when it is not 200: a page that says "niet gevonden" is a 404. */
  readonly status?: number;
  /** What was wrong with the URL's dates, shown beside the date fields. */
  readonly problems?: readonly FieldProblem[];
}

const NAV: readonly { path: string; nl: string; en: string; programmeTeamOnly?: boolean }[] = [
  { path: '/app', nl: 'Overzicht', en: 'Overview' },
  { path: '/app/aanwezigheid', nl: 'Aanwezigheid', en: 'Attendance' },
  { path: '/app/continuiteit', nl: 'Continuïteit', en: 'Continuity' },
  { path: '/app/afspraken', nl: 'Afspraken', en: 'Commitments' },
  { path: '/app/geld', nl: 'Geld', en: 'Money' },
  { path: '/app/overdrachten', nl: 'Overdrachten', en: 'Handovers' },
  { path: '/app/tijdlijn', nl: 'Tijdlijn', en: 'Timeline' },
  { path: '/app/reflecties', nl: 'Reflecties', en: 'Reflections' },
  { path: '/app/toegang', nl: 'Toegang', en: 'Access', programmeTeamOnly: true },
];

/** The page shell: NL Design System (Utrecht) components and tokens, a skip link, the navigation. */
export function layout(context: PageContext, page: Page): Html {
  const { principal } = context;
  const nav = NAV.filter((item) => !item.programmeTeamOnly || principal?.kind === 'programme-team');
  return html`<!doctype html>
    <html lang="${context.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · samen-ledger</title>
        <link rel="stylesheet" href="/app/static/utrecht-tokens.css" />
        <link rel="stylesheet" href="/app/static/utrecht.css" />
        <link rel="stylesheet" href="/app/static/ledger.css" />
        <script src="/app/static/ledger.js" defer></script>
      </head>
      <body class="utrecht-theme utrecht-body utrecht-document">
        <a class="utrecht-skip-link utrecht-skip-link--hidden" href="#inhoud"
          >${context.t('Naar de inhoud', 'Skip to content')}</a
        >
        <div class="utrecht-page">
          <header class="utrecht-page-header ledger-header">
            <p class="ledger-brand">
              <a class="utrecht-link" href="${context.href('/app')}">samen-ledger</a>
              <span class="ledger-who">${principal ? whoText(context) : ''}</span>
            </p>
            <div class="ledger-header-actions">
              <a
                class="utrecht-link"
                lang="${context.lang === 'nl' ? 'en' : 'nl'}"
                hreflang="${context.lang === 'nl' ? 'en' : 'nl'}"
                href="${context.href(context.path, { lang: context.lang === 'nl' ? 'en' : 'nl' })}"
                >${context.lang === 'nl' ? 'English' : 'Nederlands'}</a
              >
              ${
                principal
                  ? html`<form method="post" action="/app/uitloggen" class="ledger-inline-form">
                      <input type="hidden" name="csrf" value="${context.csrf}" />
                      <button class="utrecht-button utrecht-button--subtle" type="submit">
                        ${context.t('Uitloggen', 'Sign out')}
                      </button>
                    </form>`
                  : ''
              }
            </div>
            ${
              principal
                ? html`<nav class="ledger-nav" aria-label="${context.t('Hoofdmenu', 'Main menu')}">
                    <ul>
                      ${nav.map(
                        (item) =>
                          html`<li>
                            <a
                              class="utrecht-link"
                              href="${context.href(item.path)}"
                              ${isCurrent(context.path, item.path) ? html`aria-current="page"` : ''}
                              >${context.t(item.nl, item.en)}</a
                            >
                          </li>`,
                      )}
                    </ul>
                  </nav>`
                : ''
            }
          </header>
          <main class="utrecht-page-content" id="inhoud">
            ${principal && context.programmes.length > 1 ? programmeSwitch(context) : ''}
            <h1 class="utrecht-heading-1">${page.title}</h1>
            ${page.timeTravel ? timeTravelForm(context, page.timeTravel, page.problems ?? []) : ''} ${page.body}
            ${
              page.download
                ? html`<p class="utrecht-paragraph">
                    <a class="utrecht-link" href="${page.download}" download
                      >${context.t('Download als CSV (Excel)', 'Download as CSV (Excel)')}</a
                    >
                  </p>`
                : ''
            }
          </main>
          <footer class="utrecht-page-footer ledger-footer">
            <p class="utrecht-paragraph utrecht-paragraph--small">
              ${context.t(
                'Elk feit is vastgelegd en niet te wijzigen; een correctie is een nieuw feit.',
                'Every fact is recorded and cannot be changed; a correction is a new fact.',
              )}
            </p>
          </footer>
        </div>
      </body>
    </html>`;
}

function isCurrent(current: string, path: string): boolean {
  return path === '/app' ? current === '/app' : current === path || current.startsWith(`${path}/`);
}

function whoText(context: PageContext): string {
  const principal = context.principal!;
  switch (principal.kind) {
    case 'programme-team':
      return context.t('Ingelogd als kernteam', 'Signed in as programme team');
    case 'evaluator':
      return context.t('Ingelogd als evaluator', 'Signed in as evaluator');
    case 'party-member':
      return context.t(
        `Ingelogd namens ${context.partyName ?? principal.partyId}`,
        `Signed in for ${context.partyName ?? principal.partyId}`,
      );
  }
}

/**
 * Time travel as a plain GET form, so it works without script: the date sets asOf, "zoals
 * toen bekend" sets knownAt to the same day, and a second date asks what changed since then.
 * The slider (script only) moves the date field.
 */
function timeTravelForm(
  context: PageContext,
  range: { first?: string; last?: string },
  problems: readonly FieldProblem[],
): Html {
  const { state } = context;
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const invalid = (field: string) => (problemOf(field) ? ' utrecht-form-field--invalid' : '');
  const error = (field: string) => {
    const problem = problemOf(field);
    return problem
      ? html`<p class="utrecht-form-field-error-message" id="${field}-error">${context.t(problem.nl, problem.en)}</p>`
      : '';
  };
  const describedBy = (field: string) =>
    problemOf(field) ? html`aria-invalid="true" aria-describedby="${field}-error"` : '';
  const hidden: Renderable[] = (['lang', 'programmeId', 'siteId', 'partyId'] as const).map((key) =>
    state[key] !== undefined && !(key === 'lang' && state.lang === 'nl')
      ? html`<input type="hidden" name="${key}" value="${state[key]}" />`
      : '',
  );
  return html`<form
    method="get"
    action="${context.path}"
    class="ledger-time-travel"
    aria-label="${context.t('Tijdreizen', 'Time travel')}"
  >
    ${hidden}
    <div class="utrecht-form-field${invalid('asOf')}">
      <label class="utrecht-form-label" for="asOf">${context.t('Zoals het was op', 'As it was on')}</label>
      ${error('asOf')}
      <input
        class="utrecht-textbox"
        type="date"
        id="asOf"
        name="asOf"
        value="${state.asOf ?? ''}"
        ${describedBy('asOf')}
      />
      ${
        range.first && range.last
          ? html`<input
              class="ledger-slider"
              type="range"
              hidden
              data-for="asOf"
              data-first="${range.first}"
              data-last="${range.last}"
              aria-label="${context.t('Datum schuiven', 'Slide the date')}"
            />`
          : ''
      }
    </div>
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id="knownThen"
        name="knownThen"
        value="1"
        ${state.knownThen ? html`checked` : ''}
      />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for="knownThen"
        >${context.t(
          'zoals toen bekend (alleen wat op die dag was vastgelegd)',
          'as known then (only what was recorded by that day)',
        )}</label
      >
    </div>
    <div class="utrecht-form-field${invalid('since')}">
      <label class="utrecht-form-label" for="since">${context.t('Wat veranderde sinds', 'What changed since')}</label>
      ${error('since')}
      <input
        class="utrecht-textbox"
        type="date"
        id="since"
        name="since"
        value="${state.since ?? ''}"
        ${describedBy('since')}
      />
    </div>
    <button class="utrecht-button utrecht-button--primary-action" type="submit">${context.t('Toon', 'Show')}</button>
    ${
      state.asOf || state.since || state.knownThen
        ? html`<a
            class="utrecht-link"
            href="${context.href(context.path, { asOf: undefined, since: undefined, knownThen: undefined })}"
            >${context.t('Naar vandaag', 'Back to today')}</a
          >`
        : ''
    }
  </form>`;
}

/** Where a reader may read several programmes, which one the pages are about (a GET form). */
function programmeSwitch(context: PageContext): Html {
  const current = context.state.programmeId ?? context.programmes[0]?.programmeId;
  return html`<form
    method="get"
    action="${context.path}"
    class="ledger-filters"
    aria-label="${context.t('Programma kiezen', 'Choose a programme')}"
  >
    ${context.lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="programme">${context.t('Programma', 'Programme')}</label>
      <select class="utrecht-select" id="programme" name="programmeId">
        ${context.programmes.map(
          (p) =>
            html`<option value="${p.programmeId}" ${p.programmeId === current ? html`selected` : ''}>
              ${p.name}
            </option>`,
        )}
      </select>
    </div>
    <button class="utrecht-button utrecht-button--secondary-action" type="submit">
      ${context.t('Kies', 'Choose')}
    </button>
  </form>`;
}
