import { CATEGORIES } from '../../router/types';
import type { HistoryEntry } from '../../shared/messages';
import { categoryLabel } from '../components/labels';
import { t } from '../i18n';
import { weeklyCounts } from './weekly-counts';

const WEEKS = 8;
const WIDTH = 560;
const HEIGHT = 180;
const PAD = { top: 10, right: 8, bottom: 26, left: 34 };

function weekLabel(start: number): string {
  return new Date(start).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** Stacked bars of category counts per week, drawn as SVG elements by Preact (no markup strings). */
export function HistoryChart({ entries, now }: { entries: readonly HistoryEntry[]; now: number }) {
  const weeks = weeklyCounts(entries, now, WEEKS);
  const total = weeks.reduce((sum, w) => sum + w.total, 0);
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / WEEKS;
  const barW = slot * 0.62;
  const y = (count: number) => PAD.top + plotH - (count / max) * plotH;

  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="chart-title"
        data-testid="history-chart"
      >
        <title id="chart-title">{t('chartTitle', WEEKS, total)}</title>
        <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <text class="tick" x={PAD.left - 6} y={y(max) + 4} text-anchor="end">
          {max}
        </text>
        <text class="tick" x={PAD.left - 6} y={y(0) + 4} text-anchor="end">
          0
        </text>
        {weeks.map((week, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={week.start} data-week={week.start}>
              {CATEGORIES.map((category, c) => {
                const count = week.counts[category];
                if (count === 0) return null;
                const top = y(base + count);
                const height = y(base) - top;
                base += count;
                return (
                  <rect
                    key={category}
                    class={`bar chart-${c + 1}`}
                    data-category={category}
                    data-count={count}
                    x={x}
                    y={top}
                    width={barW}
                    height={height}
                  >
                    <title>{t('chartBarTooltip', categoryLabel(category), count, weekLabel(week.start))}</title>
                  </rect>
                );
              })}
              <text class="tick" x={x + barW / 2} y={HEIGHT - 8} text-anchor="middle">
                {weekLabel(week.start)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {total === 0 && <p class="muted">{t('chartEmpty')}</p>}
        <ul class="legend">
          {CATEGORIES.map((category, c) => (
            <li key={category}>
              <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                <rect class={`chart-${c + 1}`} width="10" height="10" rx="2" />
              </svg>
              {categoryLabel(category)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
