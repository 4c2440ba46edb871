import { escapeHtml, html, raw, type Html } from './html';

/**
 * Charts drawn on the server as SVG, so they need no script. Each is an image with a
 * one-line summary for screen readers; the page shows the same numbers in a table beside it.
 */
export function barChart(
  summary: string,
  bars: readonly { label: string; value: number; max: number; text: string; mark?: boolean }[],
): Html {
  const barHeight = 22;
  const labelWidth = 210;
  const width = 640;
  const height = bars.length * (barHeight + 6) + 6;
  const scale = width - labelWidth - 70;
  const rows = bars.map((bar, i) => {
    const y = 6 + i * (barHeight + 6);
    const length = bar.max > 0 ? Math.round((bar.value / bar.max) * scale) : 0;
    return `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" class="ledger-chart-label">${escapeHtml(truncate(bar.label, 32))}</text>
<rect x="${labelWidth}" y="${y}" width="${Math.max(length, 1)}" height="${barHeight}" class="${bar.mark ? 'ledger-chart-bar ledger-chart-bar--mark' : 'ledger-chart-bar'}"/>
<text x="${labelWidth + length + 6}" y="${y + 16}" class="ledger-chart-value">${escapeHtml(bar.text)}</text>`;
  });
  return svg(summary, width, height, rows.join('\n'));
}

export interface TimelineRow {
  readonly label: string;
  readonly periods: readonly { from: number; to: number; kind: 'held' | 'vacant'; title: string }[];
  readonly marks: readonly { at: number; title: string }[];
}

/** Rows over a shared time axis: who held a seat when, its vacancies, and handovers as marks. */
export function timelineChart(
  summary: string,
  start: number,
  end: number,
  rows: readonly TimelineRow[],
  ticks: readonly { at: number; label: string }[],
): Html {
  const rowHeight = 26;
  const labelWidth = 230;
  const width = 760;
  const top = 22;
  const height = top + rows.length * rowHeight + 8;
  const span = Math.max(end - start, 1);
  const x = (at: number) =>
    labelWidth + Math.round(((Math.min(Math.max(at, start), end) - start) / span) * (width - labelWidth - 10));
  const parts: string[] = ticks.map(
    (tick) =>
      `<line x1="${x(tick.at)}" x2="${x(tick.at)}" y1="${top - 4}" y2="${height}" class="ledger-chart-grid"/><text x="${x(tick.at)}" y="${top - 8}" text-anchor="middle" class="ledger-chart-tick">${escapeHtml(tick.label)}</text>`,
  );
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" class="ledger-chart-label">${escapeHtml(truncate(row.label, 34))}</text>`,
    );
    for (const period of row.periods) {
      const x1 = x(period.from);
      parts.push(
        `<rect x="${x1}" y="${y + 4}" width="${Math.max(x(period.to) - x1, 2)}" height="${rowHeight - 8}" class="ledger-chart-${period.kind}"><title>${escapeHtml(period.title)}</title></rect>`,
      );
    }
    for (const mark of row.marks) {
      const mx = x(mark.at);
      parts.push(
        `<path d="M${mx} ${y + 2} l6 10 l-6 10 l-6 -10 z" class="ledger-chart-handover"><title>${escapeHtml(mark.title)}</title></path>`,
      );
    }
  });
  return svg(summary, width, height, parts.join('\n'));
}

function svg(summary: string, width: number, height: number, body: string): Html {
  return html`<figure class="ledger-chart">
    ${raw(
      `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(summary)}" preserveAspectRatio="xMinYMin meet">${body}</svg>`,
    )}
    <figcaption class="utrecht-paragraph utrecht-paragraph--small">${summary}</figcaption>
  </figure>`;
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
