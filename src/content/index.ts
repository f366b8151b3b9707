import browser, { type Runtime } from 'webextension-polyfill';
import type { BGtoCS } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { normalizeSettings } from '../shared/settings-schema';
import { adapterFor, type SiteAdapter } from '../sites';
import { askWorker } from './ask-worker';
import type { ContentContext } from './context';
import { DecisionBook } from './decision-book';
import { initInterceptSubmit } from './intercept-submit';
import { initMessageBadges } from './message-badges';
import { initReportStatus } from './report-status';
import { initSuggestionChip } from './suggestion-chip';
import { watchUrl } from './watch-url';
import { initWakeWorker } from './wake-worker';

// Runs on the chat sites as a standalone script. It never classifies: the worker does (architecture.md).

const SETTINGS_BUDGET_MS = 3_000;
const SETTINGS_RETRIES = 5;

const t: ContentContext['t'] = (key, fallback, substitutions) => {
  try {
    return browser.i18n.getMessage(key, substitutions) || fallback;
  } catch {
    return fallback;
  }
};

async function fetchSettings(): Promise<Settings | null> {
  for (let attempt = 0; attempt < SETTINGS_RETRIES; attempt++) {
    const settings = await askWorker({ type: 'CStoBG:getSettings' }, SETTINGS_BUDGET_MS);
    if (settings) return normalizeSettings(settings);
    await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
  }
  return null;
}

function isSettingsChanged(message: unknown): message is BGtoCS {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'BGtoCS:settingsChanged' &&
    typeof (message as { settings?: unknown }).settings === 'object'
  );
}

function start(adapter: SiteAdapter): void {
  const book = new DecisionBook();
  const recordedInNewChat = new Set<string>();
  let features: AbortController | null = null;
  let badges: ReturnType<typeof initMessageBadges> | null = null;

  const apply = (settings: Settings): void => {
    features?.abort();
    features = null;
    badges = null;
    const mode = settings.sites[adapter.id] === false ? 'off' : settings.mode;
    // Off: nothing listens, nothing is drawn (aborting removed what was).
    if (mode === 'off') return;
    features = new AbortController();
    const ctx: ContentContext = {
      doc: document,
      adapter,
      mode,
      ask: askWorker,
      book,
      url: () => new URL(location.href),
      accepted: null,
      routed: null,
      recordedInNewChat,
      t,
    };
    initInterceptSubmit(ctx, features.signal);
    if (mode === 'auto') initWakeWorker(ctx, features.signal);
    initSuggestionChip(ctx, features.signal);
    badges = initMessageBadges(ctx, features.signal);
  };

  const life = new AbortController();
  watchUrl(window, (from, to) => badges?.urlChanged(from, to), life.signal);

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isSettingsChanged(message)) return undefined;
    apply(normalizeSettings(message.settings));
    return undefined;
  });

  void fetchSettings().then((settings) => {
    if (settings) apply(settings);
    else console.warn('[persona-router] no settings from the worker; staying out of the way');
    // Reported after the settings are applied, so a tab's status also means its features are wired.
    initReportStatus(document, adapter, askWorker, life.signal);
  });
}

const adapter = adapterFor(new URL(location.href));
if (adapter) start(adapter);
