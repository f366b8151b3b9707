import { CATEGORIES, PERSONA_LENGTHS } from '../../router/types';
import { SITE_IDS, type Settings } from '../../shared/settings';
import { actionLabel, categoryLabel, lengthLabel, modeLabel, percent, siteLabel } from '../components/labels';
import { t } from '../i18n';

function onOff(on: boolean): string {
  return on ? t('on') : t('off');
}

function overrideCount(s: Settings): number {
  let n = 0;
  for (const texts of Object.values(s.router.personaOverrides)) {
    for (const length of PERSONA_LENGTHS) if (texts[length] !== undefined) n++;
  }
  return n;
}

function sameOverrides(a: Settings, b: Settings): boolean {
  const ids = new Set([...Object.keys(a.router.personaOverrides), ...Object.keys(b.router.personaOverrides)]);
  for (const id of ids) {
    for (const length of PERSONA_LENGTHS) {
      if (a.router.personaOverrides[id]?.[length] !== b.router.personaOverrides[id]?.[length]) return false;
    }
  }
  return true;
}

/** What applying `next` would change, one readable line per changed setting; empty when nothing would. */
export function describeChanges(current: Settings, next: Settings): string[] {
  const lines: string[] = [];
  const change = (label: string, from: string, to: string) => {
    if (from !== to) lines.push(t('changeLine', label, from, to));
  };
  change(t('modeLegend'), modeLabel(current.mode), modeLabel(next.mode));
  for (const site of SITE_IDS) {
    change(siteLabel(site), onOff(current.sites[site] !== false), onOff(next.sites[site] !== false));
  }
  for (const category of CATEGORIES) {
    change(
      t('changePolicy', categoryLabel(category)),
      actionLabel(current.router.policy[category]),
      actionLabel(next.router.policy[category]),
    );
  }
  change(t('thresholdLabel'), percent(current.router.threshold), percent(next.router.threshold));
  change(t('lengthLegend'), lengthLabel(current.router.personaLength), lengthLabel(next.router.personaLength));
  change(t('retentionEntries'), String(current.history.maxEntries), String(next.history.maxEntries));
  change(t('retentionDays'), String(current.history.maxDays), String(next.history.maxDays));
  if (!sameOverrides(current, next)) {
    lines.push(t('changePersonaTexts', overrideCount(current), overrideCount(next)));
  }
  return lines;
}
