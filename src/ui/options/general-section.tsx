import { MODES, SITE_IDS } from '../../shared/settings';
import { modeHint, modeLabel, siteLabel } from '../components/labels';
import { RadioGroup } from '../components/radio-group';
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
      <Switch
        id="auto-persona"
        label={t('autoPersona')}
        describedBy="auto-persona-hint"
        checked={settings.mode === 'auto'}
        onChange={(on) => void update((s) => void (s.mode = on ? 'auto' : 'suggest'))}
      />
      <p class="hint" id="auto-persona-hint">
        {t('autoPersonaHint')}
      </p>
      <RadioGroup
        name="mode"
        legend={t('modeLegend')}
        options={MODES}
        value={settings.mode}
        label={modeLabel}
        hint={modeHint}
        onChange={(mode) => void update((s) => void (s.mode = mode))}
      />
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
