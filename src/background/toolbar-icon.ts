import browser from 'webextension-polyfill';
import type { Mode } from '../shared/settings';
import { modeLabel } from '../ui/components/labels';
import { t } from '../ui/i18n';
import { createSettingsStore, LOCAL_IS_CURRENT_KEY, SETTINGS_KEY } from './settings-store';

/** Icon variants drawn by scripts/make-icons.ts: a filled mark for auto, a greyed one for off. */
const ICONS: Record<Mode, Record<string, string>> = {
  auto: { 16: 'icons/icon-auto-16.png', 32: 'icons/icon-auto-32.png' },
  suggest: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  off: { 16: 'icons/icon-off-16.png', 32: 'icons/icon-off-32.png' },
};

/** Shows the mode at a glance: the icon variant, and the mode named in the tooltip for screen readers. */
export async function showMode(mode: Mode): Promise<void> {
  await Promise.all([
    browser.action.setIcon({ path: ICONS[mode] }),
    browser.action.setTitle({ title: t('actionTitleMode', modeLabel(mode)) }),
  ]);
}

const store = createSettingsStore(browser.storage.sync, browser.storage.local);
let shown: Mode | null = null;

async function refresh(): Promise<void> {
  const { mode } = await store.read();
  if (mode === shown) return;
  shown = mode;
  await showMode(mode);
}

/**
 * On a start that is not the browser's own, the worker was woken for something else, usually a message
 * from a held send: the icon (kept by the browser meanwhile) can wait until that has been answered.
 */
const LATER_MS = 1_000;

const refreshLogged = (): void => {
  void refresh().catch((error: unknown) => {
    shown = null;
    console.warn('[persona-router] toolbar icon', error);
  });
};

// Set when the browser starts (the manifest's icon is back then) or the extension is installed or updated,
// on every change to stored settings (popup, options page, shortcut, another machine through sync), and
// shortly after any other start of the worker, in case the browser dropped it.
browser.runtime.onStartup.addListener(refreshLogged);
browser.runtime.onInstalled.addListener(refreshLogged);
browser.storage.onChanged.addListener((changes) => {
  if (!(SETTINGS_KEY in changes || LOCAL_IS_CURRENT_KEY in changes)) return;
  refreshLogged();
});
setTimeout(refreshLogged, LATER_MS);
