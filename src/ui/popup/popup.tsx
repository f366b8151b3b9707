import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabStatus } from '../../shared/messages';
import { ask, onStorageChange } from '../api';
import { modeLabel, siteLabel } from '../components/labels';
import { ModeControls } from '../components/mode-controls';
import { Switch } from '../components/switch';
import { useHistory, useSettings } from '../components/use-extension-state';
import { t } from '../i18n';
import { currentTabId } from './current-tab';
import { RecentMessages } from './recent-messages';
import { TabStatusLine } from './tab-status';

const RECENT_LIMIT = 5;

function openOptions(event: Event) {
  event.preventDefault();
  void browser.runtime.openOptionsPage();
}

export function Popup() {
  const { settings, error, update } = useSettings();
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [status, setStatus] = useState<TabStatus | null>(null);

  useEffect(() => {
    void currentTabId().then(setTabId);
  }, []);

  useEffect(() => {
    if (tabId == null) return;
    const controller = new AbortController();
    const load = () =>
      ask({ type: 'UItoBG:tabStatus', tabId })
        .then(setStatus)
        .catch(() => setStatus(null));
    void load();
    // The content script reports its status through the worker; storage changes are a cheap cue to re-ask.
    onStorageChange(load, controller.signal);
    return () => controller.abort();
  }, [tabId]);

  const history = useHistory({ tabId: tabId ?? undefined, limit: RECENT_LIMIT }, tabId != null);
  const site = status?.site ?? null;
  const optionsUrl = browser.runtime.getURL(browser.runtime.getManifest().options_ui?.page ?? '');

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        {settings && (
          <span class={`mode-pill mode-${settings.mode}`} data-testid="mode-pill">
            {modeLabel(settings.mode)}
          </span>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {t('errorWorker')}
        </p>
      )}
      {settings && (
        <>
          <ModeControls settings={settings} update={update} compact />
          <section class="tab" aria-labelledby="tab-heading">
            <h2 id="tab-heading">{t('popupTabHeading')}</h2>
            <TabStatusLine status={status} />
            {site && (
              <Switch
                id="site-switch"
                label={t('siteSwitch', siteLabel(site))}
                describedBy={settings.sites[site] === false ? 'site-off-hint' : undefined}
                checked={settings.sites[site] !== false}
                onChange={(on) => void update((s) => void (s.sites[site] = on))}
              />
            )}
            {site && settings.sites[site] === false && (
              <p class="hint flush" id="site-off-hint">
                {t('siteOffHint', siteLabel(site))}
              </p>
            )}
          </section>
        </>
      )}
      {tabId != null && <RecentMessages entries={history.entries} />}
      <footer>
        <a href={optionsUrl} onClick={openOptions}>
          {t('popupOpenOptions')}
        </a>
      </footer>
    </main>
  );
}
