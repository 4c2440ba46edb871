import type { TimeWindow } from '@samen/views';
import { dutchMidnight, windowOf } from '@samen/views';
import { LANGS, type Lang, type PageState } from './page-context';

export interface FieldProblem {
  readonly field: string;
  readonly nl: string;
  readonly en: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date that exists: 2024-02-30 is refused, not rolled over into March. */
export function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * A page's URL read into its state. Nothing of the query reaches a view unchecked: a bad
 * value is a problem shown beside its control (in Dutch and English), never a 500.
 */
export function readPageState(query: Readonly<Record<string, unknown>>): {
  state: PageState;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const text = (key: string): string | undefined => {
    const value = query[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const lang = (LANGS as readonly string[]).includes(text('lang') ?? '') ? (text('lang') as Lang) : 'nl';
  const id = (key: string, nl: string, en: string) => {
    const value = text(key);
    if (value !== undefined && !ID.test(value)) {
      problems.push({ field: key, nl: `${nl} is geen geldige code.`, en: `${en} is not a valid id.` });
      return undefined;
    }
    return value;
  };
  const date = (key: string) => {
    const value = text(key);
    if (value !== undefined && !isRealDate(value)) {
      problems.push({
        field: key,
        nl: `"${value}" is geen bestaande datum; kies een datum als 1-3-2024.`,
        en: `"${value}" is not a date that exists; pick a date such as 1 March 2024.`,
      });
      return undefined;
    }
    return value;
  };
  const asOf = date('asOf');
  const since = date('since');
  if (asOf && since && since > asOf) {
    problems.push({
      field: 'since',
      nl: 'De begindatum ligt na de einddatum.',
      en: 'The start date lies after the end date.',
    });
  }
  const state: PageState = {
    lang,
    programmeId: id('programmeId', 'Het programma', 'The programme'),
    siteId: id('siteId', 'De proeftuin', 'The site'),
    partyId: id('partyId', 'De partij', 'The party'),
    asOf,
    knownThen: text('knownThen') === '1' && asOf !== undefined,
    since: problems.some((p) => p.field === 'since') ? undefined : since,
  };
  return { state, problems };
}

/** The time window a page asks its views in, as the API's asOf and knownAt would. */
export function windowOfState(state: PageState, at: 'asOf' | 'since' = 'asOf'): TimeWindow {
  const day = at === 'asOf' ? state.asOf : state.since;
  return windowOf({ asOf: day, knownAt: state.knownThen ? day : undefined });
}

/** The same question in the API's words: the page's filters and time as query parameters. */
export function apiQuery(state: PageState, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    programmeId: state.programmeId,
    siteId: state.siteId,
    partyId: state.partyId,
    asOf: state.asOf,
    knownAt: state.knownThen ? state.asOf : undefined,
    ...extra,
  };
  for (const [key, value] of Object.entries(all)) if (value !== undefined) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** "Wat veranderde sinds A": the period from the start of that Dutch day, for views filtered by period. */
export function sincePeriod(state: PageState): { from?: number } {
  return state.since ? { from: dutchMidnight(state.since) } : {};
}
