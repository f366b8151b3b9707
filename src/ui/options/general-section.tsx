import { SITE_IDS } from '../../shared/settings';
import { siteLabel } from '../components/labels';
import { ModeControls } from '../components/mode-controls';
import { Switch } from '../components/switch';
import type { SettingsState } from '../components/use-extension-state';
import { t } from '../i18n';

/** The same controls as the popup, so the options page alone is enough to steer the extension. */
export function GeneralSection({ state }: { state: SettingsState }) {
  const { settings, update } = state;
  if (!settings) return null;
  return (
    <section id="general" aria-labelledby="general-heading">
      <h2 id="general-heading">{t('generalHeading')}</h2>
      <ModeControls settings={settings} update={update} />
      <fieldset class="sites">
        <legend>{t('sitesLegend')}</legend>
        {SITE_IDS.map((site) => (
          <Switch
            key={site}
            id={`site-${site}`}
            label={t('siteSwitch', siteLabel(site))}
            checked={settings.sites[site] !== false}
            onChange={(on) => void update((s) => void (s.sites[site] = on))}
          />
        ))}
      </fieldset>
    </section>
  );
}
