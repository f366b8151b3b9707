import { MODES, type Settings } from '../../shared/settings';
import { t } from '../i18n';
import { modeHint, modeLabel } from './labels';
import { RadioGroup } from './radio-group';
import { Switch } from './switch';
import type { SettingsState } from './use-extension-state';

interface ModeControlsProps {
  settings: Settings;
  update: SettingsState['update'];
  /** The popup is narrow: its hint sits flush and the mode choices share one line. */
  compact?: boolean;
}

/** The "Auto-persona" switch and the mode choice, the same in the popup and on the options page. */
export function ModeControls({ settings, update, compact = false }: ModeControlsProps) {
  return (
    <>
      <Switch
        id="auto-persona"
        label={t('autoPersona')}
        describedBy="auto-persona-hint"
        checked={settings.mode === 'auto'}
        onChange={(on) => void update((s) => void (s.mode = on ? 'auto' : 'suggest'))}
      />
      <p class={compact ? 'hint flush' : 'hint'} id="auto-persona-hint">
        {t('autoPersonaHint')}
      </p>
      <RadioGroup
        name="mode"
        legend={t('modeLegend')}
        options={MODES}
        value={settings.mode}
        label={modeLabel}
        hint={modeHint}
        inline={compact}
        onChange={(mode) => void update((s) => void (s.mode = mode))}
      />
    </>
  );
}
