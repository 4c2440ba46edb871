import * as echarts from 'echarts';
import { escapeHtml, html, raw, type Html } from './html';
import type { Lang } from './page-context';

// Month names and number formats in Dutch on Dutch pages.
// eslint-disable-next-line @typescript-eslint/no-require-imports
echarts.registerLocale('NL', require('echarts/i18n/langNL-obj.js') as Parameters<typeof echarts.registerLocale>[1]);

/**
 * Charts drawn by Apache ECharts on the server, as SVG (its server-side rendering), so they
 * need no script in the browser. Each is an image with a one-line summary for screen
 * readers; the page shows the same numbers in a table beside it.
 */
/**
 * Drawn charts by what they show: drawing one takes ECharts milliseconds, and a page asked
 * again while the log has not moved shows the same numbers. Bounded; the oldest go first.
 */
const drawn = new Map<string, Html>();
const DRAWN_CHARTS = 500;

/** `shown` is everything the chart shows (the option's formatters are functions, which no key can hold). */
function render(
  lang: Lang,
  summary: string,
  width: number,
  height: number,
  shown: unknown,
  option: echarts.EChartsCoreOption,
): Html {
  const key = JSON.stringify([lang, summary, width, height, shown]);
  const known = drawn.get(key);
  if (known) return known;
  const made = draw(lang, summary, width, height, option);
  if (drawn.size >= DRAWN_CHARTS) drawn.delete(drawn.keys().next().value as string);
  drawn.set(key, made);
  return made;
}

function draw(lang: Lang, summary: string, width: number, height: number, option: echarts.EChartsCoreOption): Html {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width,
    height,
    locale: lang === 'nl' ? 'NL' : 'EN',
  });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif', fontSize: 13, color: '#1a1a1a' },
      aria: { enabled: true, label: { description: summary } },
      ...option,
    });
    // Scales with its container: the viewBox stays, the fixed size goes; one accessible name.
    const svg = chart
      .renderToSVGString()
      .replace(/^<svg width="\d+" height="\d+"/, '<svg width="100%" role="img" preserveAspectRatio="xMinYMin meet"')
      .replace(/ aria-label="[^"]*"/, '')
      .replace('<svg ', `<svg aria-label="${escapeHtml(summary)}" `);
    return html`<figure class="ledger-chart">
      ${raw(svg)}
      <figcaption class="utrecht-paragraph utrecht-paragraph--small">${summary}</figcaption>
    </figure>`;
  } finally {
    chart.dispose();
  }
}

const AXIS = { axisLabel: { color: '#1a1a1a' }, axisLine: { lineStyle: { color: '#595959' } } };

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  readonly text: string;
  /** Drawn in the warning colour (e.g. a rate below one half). */
  readonly mark?: boolean;
}

/** Horizontal bars, one per label, each as a share of its own maximum, labelled with its text. */
export function barChart(lang: Lang, summary: string, bars: readonly Bar[]): Html {
  const height = Math.max(80, bars.length * 28 + 40);
  return render(lang, summary, 720, height, bars, {
    grid: { left: 230, right: 110, top: 10, bottom: 24 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { color: '#1a1a1a', formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => truncate(b.label, 32)), ...AXIS },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: bars.map((b) => ({
          value: b.max > 0 ? b.value / b.max : 0,
          itemStyle: { color: b.mark ? '#b3261e' : '#1d4f91' },
          label: { show: true, position: 'right', color: '#1a1a1a', formatter: () => b.text },
        })),
      },
    ],
  });
}

export interface TimelineRow {
  readonly label: string;
  readonly periods: readonly { from: number; to: number; kind: 'held' | 'vacant'; title: string }[];
  readonly marks: readonly { at: number; title: string }[];
}

const PERIOD_COLOUR = { held: '#1d4f91', vacant: '#f0b400' } as const;

/** Rows over a shared time axis: who held a seat when, its vacancies, and handovers as marks. */
export function timelineChart(
  lang: Lang,
  summary: string,
  start: number,
  end: number,
  rows: readonly TimelineRow[],
): Html {
  const height = rows.length * 30 + 50;
  const periods = rows.flatMap((row, index) =>
    row.periods.map((p) => ({
      value: [index, p.from, p.to],
      name: p.title,
      itemStyle: { color: PERIOD_COLOUR[p.kind] },
    })),
  );
  const marks = rows.flatMap((row, index) => row.marks.map((m) => ({ value: [m.at, index], name: m.title })));
  return render(lang, summary, 760, height, [start, end, rows], {
    grid: { left: 240, right: 20, top: 10, bottom: 30 },
    xAxis: {
      type: 'time',
      min: start,
      max: end,
      ...AXIS,
      splitLine: { show: true, lineStyle: { type: 'dashed', color: '#bbb' } },
    },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => truncate(r.label, 34)), ...AXIS },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: periods,
        renderItem: (
          _params: unknown,
          api: {
            value(i: number): number;
            coord(p: number[]): number[];
            size(p: number[]): number[];
            visual(name: 'color'): string;
          },
        ) => {
          const row = api.value(0);
          const [x1, y] = api.coord([api.value(1), row]);
          const [x2] = api.coord([api.value(2), row]);
          const barHeight = api.size([0, 1])[1] * 0.6;
          return {
            type: 'rect',
            shape: { x: x1, y: y - barHeight / 2, width: Math.max(x2 - x1, 2), height: barHeight },
            style: { fill: api.visual('color') },
          };
        },
      },
      { type: 'scatter', symbol: 'diamond', symbolSize: 14, itemStyle: { color: '#1a1a1a' }, data: marks },
    ],
  });
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
