import { describe, expect, it } from 'vitest';
import type { Category, Decision } from '../../../src/router/types';
import type { HistoryEntry } from '../../../src/shared/messages';
import { weeklyCounts } from '../../../src/ui/options/weekly-counts';

const DAY = 86_400_000;

function at(time: number, category: Category | null): HistoryEntry {
  const decision: Decision | null = category
    ? {
        category,
        confidence: 0.9,
        scores: { writing: 0, roleplay: 0, reasoning: 0, math: 0, coding: 0, extraction: 0, stem: 0, humanities: 0 },
        route: 'neutral',
        action: 'never',
        reason: '',
      }
    : null;
  return { id: String(time), time, site: 'chatgpt', conversationId: 'c', textHash: 'h', outcome: decision ? 'unchanged' : 'not-routed', decision };
}

// Wednesday 2026-11-25 at noon, local time: its week starts on Monday the 23rd.
const now = new Date(2026, 10, 25, 12).getTime();

describe('weeklyCounts', () => {
  it('returns the requested number of weeks, oldest first, each starting on a local Monday', () => {
    const weeks = weeklyCounts([], now, 8);
    expect(weeks).toHaveLength(8);
    expect(new Date(weeks[7]!.start)).toEqual(new Date(2026, 10, 23));
    expect(new Date(weeks[0]!.start)).toEqual(new Date(2026, 9, 5));
    for (const week of weeks) expect(new Date(week.start).getDay()).toBe(1);
  });

  it('counts each category in the week it happened and leaves out unrouted and out-of-range entries', () => {
    const monday = new Date(2026, 10, 23).getTime();
    const entries = [
      at(monday, 'writing'), // first instant of this week
      at(monday - 1, 'math'), // last instant of last week
      at(now - DAY, 'writing'),
      at(now - DAY, null), // not routed: no category
      at(now - 7 * DAY, 'coding'),
      at(now - 60 * DAY, 'writing'), // before the first week shown
      at(now + DAY, 'stem'), // in the future (clock change): not counted
    ];
    const weeks = weeklyCounts(entries, now, 4);
    const last = weeks[3]!;
    const previous = weeks[2]!;
    expect(last.counts.writing).toBe(2);
    expect(last.total).toBe(2);
    expect(previous.counts.math).toBe(1);
    expect(previous.counts.coding).toBe(1);
    expect(previous.total).toBe(2);
    expect(weeks.reduce((sum, w) => sum + w.total, 0)).toBe(4);
    expect(last.counts.stem).toBe(0);
  });
});
