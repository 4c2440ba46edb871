import { isRealDate } from '../page-state';

/** A posted form: one value per field, or several for a field with several choices. */
export type Form = Readonly<Record<string, string | readonly string[]>>;

export const one = (form: Form, name: string): string => {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : ((value as string | undefined) ?? '')).trim();
};

export const all = (form: Form, name: string): string[] => {
  const value = form[name];
  return (Array.isArray(value) ? [...value] : value ? [value as string] : []).filter((v) => v !== '');
};

/**
 * Euros as people type them (`1.250,00`, `1250`, `€ 12,5`) into whole cents; undefined when
 * it is not an amount. The comma is the decimal sign; points only group thousands.
 */
export function centsOf(text: string): number | undefined {
  const plain = text.replace(/[€\s]/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(plain)) return undefined;
  const [whole, fraction = ''] = plain.replace(/\./g, '').split(',');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : undefined;
}

export const isDate = (text: string): boolean => isRealDate(text);
