import browser from 'webextension-polyfill';
import type { Mode } from '../shared/settings';
import { t } from '../ui/i18n';
import { createSettingsStore } from './settings-store';

/** Declared in manifest.json under "commands" (suggested Alt+Shift+P). */
export const TOGGLE_COMMAND = 'toggle-auto-persona';
/** Long enough to be noticed after a key press, short enough not to linger as state. */
const FEEDBACK_MS = 2_500;

const store = createSettingsStore(browser.storage.sync, browser.storage.local);
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Auto-persona on goes back to suggest (the default), not off: the shortcut is about inserting, not about pausing. */
export async function toggleAutoPersona(): Promise<Mode> {
  const settings = await store.read();
  settings.mode = settings.mode === 'auto' ? 'suggest' : 'auto';
  const saved = await store.write(settings);
  await flash(saved.mode === 'auto');
  return saved.mode;
}

/** A key press has no visible target, so the badge says briefly what happened (the icon keeps saying it after). */
async function flash(on: boolean): Promise<void> {
  clearTimeout(clearTimer);
  await browser.action.setBadgeBackgroundColor({ color: on ? '#1d4ed8' : '#4b5563' });
  await browser.action.setBadgeText({ text: on ? t('badgeAutoOn') : t('badgeAutoOff') });
  clearTimer = setTimeout(() => void browser.action.setBadgeText({ text: '' }), FEEDBACK_MS);
}

export function handleCommand(command: string): Promise<Mode> | undefined {
  if (command !== TOGGLE_COMMAND) return undefined;
  return toggleAutoPersona().catch((error: unknown) => {
    console.warn('[persona-router] toggle-auto-persona failed', error);
    throw error;
  });
}

browser.commands.onCommand.addListener((command) => void handleCommand(command)?.catch(() => undefined));
