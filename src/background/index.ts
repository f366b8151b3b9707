import browser, { type Runtime } from 'webextension-polyfill';
import { loadModel, route } from '../router';
import type { BGtoCS, Request } from '../shared/messages';
import { adapterFor } from '../sites';
import { handleMessage, type WorkerDeps } from './handle-message';
import { createHistoryStore } from './history-store';
import { cachedUntilChanged, createSettingsStore, LOCAL_IS_CURRENT_KEY, SETTINGS_KEY } from './settings-store';
import { createTabStatusStore } from './tab-status';
import { validateMessage } from './validate-message';

function siteFor(url: string) {
  try {
    return adapterFor(new URL(url))?.id ?? null;
  } catch {
    return null;
  }
}

const settings = cachedUntilChanged(createSettingsStore(browser.storage.sync, browser.storage.local));

// A worker is usually started by a message, often a held send's: nothing reaches the listeners below
// before this script has run to its end, and a classify needs the settings and the decoded model. So the
// settings are requested first (storage answers while the worker works), and the model is decoded in the
// first task after start-up rather than in it, which lets the browser deliver the waiting messages
// meanwhile. A classify that comes first decodes the model itself (route() loads it on first use).
void settings.read().catch(() => undefined);
setTimeout(() => loadModel(), 0);
const deps: WorkerDeps = {
  settings,
  history: createHistoryStore(browser.storage.local),
  // storage.session needs Chrome 102 / Firefox 115; older ones keep tab reports in local (cleared per tab below).
  tabStatus: createTabStatusStore(browser.storage.session ?? browser.storage.local),
  classify: (text, current) => route(text, current.router),
  async siteOfTab(tabId) {
    try {
      const tab = await browser.tabs.get(tabId);
      return tab.url ? siteFor(tab.url) : null;
    } catch {
      return null;
    }
  },
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const checked = validateMessage(message, sender, {
    extensionId: browser.runtime.id,
    extensionBase: browser.runtime.getURL(''),
    siteFor,
  });
  if (!checked.ok) {
    console.warn('[persona-router] ignored a message:', checked.reason);
    return undefined;
  }
  return handleMessage(checked.message as Request, { tabId: sender.tab?.id }, deps).catch((error: unknown) => {
    console.error('[persona-router] failed to answer', (message as Request).type, error);
    throw error;
  });
});

// Content scripts follow settings changes made anywhere (popup, options, another device through sync).
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' || !(SETTINGS_KEY in changes || LOCAL_IS_CURRENT_KEY in changes)) return;
  settings.invalidate();
  void (async () => {
    const current = await settings.read();
    const patterns = browser.runtime.getManifest().host_permissions ?? [];
    const tabs = await browser.tabs.query({ url: patterns });
    const note: BGtoCS = { type: 'BGtoCS:settingsChanged', settings: current };
    for (const tab of tabs) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, note).catch(() => undefined);
    }
  })();
});

browser.tabs.onRemoved.addListener((tabId) => {
  void deps.tabStatus.forget(tabId);
});

// UI helpers register their background features (shortcut, toolbar icon) below.
import './auto-persona-shortcut';
import './toolbar-icon';
