/// <reference types="chrome" />
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from '@playwright/test';
import type { Decision } from '../../src/router/types';
import type { HistoryEntry } from '../../src/shared/messages';
import type { Settings } from '../../src/shared/settings';
import { expect } from './support/extension';

/**
 * Helpers for the popup and options tests (tests/e2e/ui-*.spec.ts). They read and seed storage from the
 * extension's own worker, the way the extension itself stores things, so an assertion checks what was
 * really stored rather than what the page shows.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let axeSource: string | undefined;

export const POPUP = 'src/ui/popup/index.html';
export const OPTIONS = 'src/ui/options/index.html';

/** The settings as stored: storage.sync, or the local copy when the settings store fell back to it. */
export async function storedSettings(worker: Worker): Promise<Settings | undefined> {
  return worker.evaluate(async () => {
    const local = await chrome.storage.local.get(['settings', 'settingsLocalIsCurrent']);
    if (local.settingsLocalIsCurrent === true) return local.settings as Settings;
    return (await chrome.storage.sync.get('settings')).settings as Settings | undefined;
  });
}

/** Polls storage until `pick` of the stored settings equals `expected` (generous: CI machines are busy). */
export async function expectStored<T>(worker: Worker, pick: (s: Settings) => T, expected: T): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await storedSettings(worker);
        return s === undefined ? undefined : pick(s);
      },
      { timeout: 10_000 },
    )
    .toEqual(expected);
}

/** Writes settings through the worker's own message path, as a page of the extension would. */
export async function saveSettings(page: Page, settings: Settings): Promise<Settings> {
  return page.evaluate((s) => chrome.runtime.sendMessage({ type: 'UItoBG:setSettings', settings: s }), settings);
}

export async function getSettings(page: Page): Promise<Settings> {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'UItoBG:getSettings' }));
}

const ZERO_SCORES = { writing: 0, roleplay: 0, reasoning: 0, math: 0, coding: 0, extraction: 0, stem: 0, humanities: 0 };

export function decision(partial: Partial<Decision> & Pick<Decision, 'category' | 'route'>): Decision {
  const confidence = partial.confidence ?? 0.8;
  const scores = { ...ZERO_SCORES, ...(partial.category ? { [partial.category]: confidence } : {}) };
  return {
    confidence,
    scores,
    action: partial.route === 'persona' ? 'auto' : 'never',
    reason: `${partial.category} prompt`,
    ...partial,
  };
}

let counter = 0;
export function entry(partial: Partial<HistoryEntry> & Pick<HistoryEntry, 'site'>): HistoryEntry {
  counter++;
  return {
    id: `seed-${counter}`,
    time: Date.now() - counter * 60_000,
    conversationId: `conv-${counter}`,
    textHash: `t-${String(counter).padStart(16, '0')}`,
    outcome: 'unchanged',
    decision: decision({ category: 'math', route: 'neutral' }),
    ...partial,
  };
}

/** Puts entries in the history store's key, oldest first as the store keeps them. */
export async function seedHistory(worker: Worker, entries: HistoryEntry[]): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.time - b.time);
  await worker.evaluate((list) => chrome.storage.local.set({ history: list }), ordered);
}

export async function storedHistory(worker: Worker): Promise<HistoryEntry[]> {
  return worker.evaluate(async () => ((await chrome.storage.local.get('history')).history ?? []) as HistoryEntry[]);
}

/**
 * Runs axe-core (the copy in node_modules) on the page and returns its violations, summarised. Extension
 * pages forbid inline scripts (MV3 CSP), so page.addScriptTag is refused; the source is evaluated through
 * the DevTools protocol instead, which the page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}
