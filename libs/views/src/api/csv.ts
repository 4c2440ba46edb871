/** A column of a CSV export: its Dutch (and English) header and how to read a row's cell. */
export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | null | undefined;
}

const BOM = '\uFEFF';

/**
 * A CSV file as Dutch Excel opens it: UTF-8 with a byte-order mark, semicolons between
 * cells (the comma is the decimal sign), decimals with a comma, ja/nee, CRLF line ends, and
 * one row per line item.
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))];
  return BOM + lines.map((cells) => cells.join(';')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value).replace('.', ',');
  // A cell starting with = + - @ would be a formula to a spreadsheet; a quote keeps it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Euro cents as euros with a decimal comma, e.g. 1234567 → "12345,67". */
export const euros = (cents: number) => `${Math.trunc(cents / 100)},${String(Math.abs(cents % 100)).padStart(2, '0')}`;
