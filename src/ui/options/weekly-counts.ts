import { CATEGORIES, type Category } from '../../router/types';
import type { HistoryEntry } from '../../shared/messages';

export interface WeekCounts {
  /** Local midnight of the week's Monday. */
  start: number;
  counts: Record<Category, number>;
  total: number;
}

const DAY = 24 * 60 * 60 * 1000;

function mondayOf(time: number): Date {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/**
 * Routed prompts per category for the `weeks` weeks ending with the one that holds `now`, oldest first.
 * Entries without a category (not routed, empty) are left out: the chart is about what prompts were.
 */
export function weeklyCounts(entries: readonly HistoryEntry[], now: number, weeks: number): WeekCounts[] {
  const thisWeek = mondayOf(now);
  const result: WeekCounts[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const start = new Date(thisWeek);
    start.setDate(start.getDate() - 7 * i);
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    result.push({ start: start.getTime(), counts, total: 0 });
  }
  const first = result[0]!.start;
  for (const entry of entries) {
    const category = entry.decision?.category;
    if (!category || entry.time < first || entry.time > now) continue;
    // Daylight-saving weeks are an hour short or long; rounding the day count keeps them in place.
    const index = Math.floor(Math.round((mondayOf(entry.time).getTime() - first) / DAY) / 7);
    const week = result[index];
    if (!week) continue;
    week.counts[category]++;
    week.total++;
  }
  return result;
}
