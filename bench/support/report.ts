import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `work` and returns operations per second (`count` operations). */
export async function ratePerSecond(count: number, work: () => Promise<void> | void): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
}

export interface Row {
  readonly measure: string;
  readonly unit: string;
  readonly value: number;
  /** What the ratio is taken against, measured in the same run. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** The least ratio that passes, where the issue sets one. */
  readonly bar?: number;
}

/** Prints the rows as a table and writes them to bench/results/<name>.json. */
export function report(name: string, context: Record<string, unknown>, rows: Row[]): boolean {
  const lines = rows.map((row) => {
    const ratio = row.baseline ? row.value / row.baseline.value : undefined;
    const verdict =
      ratio === undefined || row.bar === undefined ? '' : ratio >= row.bar ? `≥ ${row.bar} ok` : `< ${row.bar} FAIL`;
    return [
      row.measure,
      `${format(row.value)} ${row.unit}`,
      row.baseline ? `${row.baseline.name}: ${format(row.baseline.value)}` : '',
      ratio === undefined ? '' : ratio.toFixed(2),
      verdict,
    ];
  });
  const header = ['measure', 'median', 'baseline (same run)', 'ratio', 'bar'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const print = (cells: string[]) =>
    console.log(
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  console.log(
    `\n${name} — ${Object.entries(context)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ')}\n`,
  );
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);

  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const results = rows.map((row) => ({ ...row, ratio: row.baseline ? row.value / row.baseline.value : undefined }));
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({ name, at: new Date().toISOString(), context, results }, null, 2),
  );
  console.log(`\nwritten to bench/results/${name}.json`);
  return results.every((r) => r.bar === undefined || (r.ratio ?? 0) >= r.bar);
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
