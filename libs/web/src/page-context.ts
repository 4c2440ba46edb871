import type { Principal } from '@samen/access';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** What a page's URL carries: the whole state, so that a page can be bookmarked and shared. */
export interface PageState {
  readonly lang: Lang;
  readonly programmeId?: string;
  readonly siteId?: string;
  readonly partyId?: string;
  /** As the world was on this date (by when facts occurred). */
  readonly asOf?: string;
  /** As the ledger knew it on `asOf`'s day ("zoals toen bekend"): knownAt set to the same date. */
  readonly knownThen?: boolean;
  /** The other end of "wat veranderde tussen A en B": A, with asOf as B. */
  readonly since?: string;
}

type StateKey = keyof PageState;

/** Everything a page needs to know about who asks and how: one object, made per request. */
export class PageContext {
  constructor(
    readonly principal: Exclude<Principal, { kind: 'anonymous' }> | undefined,
    readonly state: PageState,
    readonly path: string,
    /** The CSRF token every form of this session carries. */
    readonly csrf: string,
    /** The name of the party a member signed in for, as the pages greet them. */
    readonly partyName?: string,
    /** The programmes this reader may read (the rule book's programme scope), for the switch. */
    readonly programmes: readonly { readonly programmeId: string; readonly name: string }[] = [],
  ) {}

  get lang(): Lang {
    return this.state.lang;
  }

  /** Dutch first: the Dutch text, or the English one when the reader switched. */
  t(nl: string, en: string): string {
    return this.state.lang === 'en' ? en : nl;
  }

  /** A link to `path` that keeps this page's state, with some of it changed or dropped (undefined). */
  href(path: string, changes: Partial<Record<StateKey | string, string | undefined>> = {}): string {
    const params = new URLSearchParams();
    const merged: Record<string, string | boolean | undefined> = { ...this.state, ...changes };
    for (const [key, value] of Object.entries(merged)) {
      if (value === undefined || value === false || value === '') continue;
      if (key === 'lang' && value === 'nl') continue;
      params.set(key, value === true ? '1' : String(value));
    }
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  }
}
