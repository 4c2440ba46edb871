import type { Lang } from './page-context';

const EURO = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const DATE = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
};
const DATE_TIME = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }),
};
const PERCENT = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 }),
};
const NUMBER = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };

/** Cents as people read money: `€ 1.250,00`. Amounts are whole cents in the ledger, never floats. */
export const euros = (cents: number, lang: Lang): string => EURO[lang].format(cents / 100).replace(/\u00a0/g, ' ');

/** A calendar date (`2024-06-01`) or a moment, as a Dutch date: `1 juni 2024`. */
export function dateText(value: string | number, lang: Lang): string {
  const at =
    typeof value === 'number'
      ? value
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? Date.parse(`${value}T12:00:00Z`)
        : Date.parse(value);
  return Number.isNaN(at) ? String(value) : DATE[lang].format(at);
}

/** A moment with its time of day, in Dutch time: `14 november 2024 om 22:00`. */
export const dateTimeText = (value: string, lang: Lang): string => DATE_TIME[lang].format(Date.parse(value));

export const percent = (rate: number | null, lang: Lang): string => (rate === null ? '–' : PERCENT[lang].format(rate));

export const count = (value: number, lang: Lang): string => NUMBER[lang].format(value);
