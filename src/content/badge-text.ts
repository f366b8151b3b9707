import type { Known } from './decision-book';

/** Localized text with an English fallback (the content script passes browser.i18n, tests pass nothing). */
export type Translate = (key: string, fallback: string, substitutions?: string[]) => string;
const english: Translate = (_key, fallback) => fallback;

export type BadgeKind = 'persona' | 'suggested' | 'neutral' | 'not-routed';

/** What the message carries: a persona only when one was really added, so a suggestion left alone says so. */
export function badgeKind(known: Known): BadgeKind {
  if (known.outcome === 'not-routed' || !known.decision || known.decision.category === null) return 'not-routed';
  if (known.decision.route === 'persona' && known.outcome === 'unchanged') return 'suggested';
  return known.decision.route;
}

/** The badge's visible text: the route and the category, e.g. "Persona · writing", "Suggested · writing". */
export function badgeLabel(known: Known, t: Translate = english): string {
  const kind = badgeKind(known);
  if (kind === 'not-routed' || !known.decision?.category) return t('badgeNotRouted', 'Not routed');
  const category = t(`badgeCategory_${known.decision.category}`, known.decision.category);
  if (kind === 'persona') return t('badgePersona', `Persona · ${category}`, [category]);
  if (kind === 'suggested') return t('badgeSuggested', `Suggested · ${category}`, [category]);
  return t('badgeNeutral', `Neutral · ${category}`, [category]);
}

/** The popover lines: confidence, reason and what happened to the persona. */
export function badgeDetails(known: Known, t: Translate = english): string[] {
  const { decision, outcome } = known;
  if (!decision || decision.category === null) {
    return [t('badgeDetailNotRouted', 'Sent unmodified: the router did not answer in time.')];
  }
  const percent = `${Math.round(decision.confidence * 100)}%`;
  const lines = [
    t('badgeDetailConfidence', `Confidence: ${percent}`, [percent]),
    t('badgeDetailReason', `Reason: ${decision.reason}`, [decision.reason]),
  ];
  const name = decision.persona?.name;
  if (outcome === 'inserted' && name) lines.push(t('badgeDetailInserted', `Persona added: ${name}`, [name]));
  else if (outcome === 'suggested-accepted' && name) lines.push(t('badgeDetailAccepted', `Persona added from the suggestion: ${name}`, [name]));
  else if (outcome === 'not-routed') lines.push(t('badgeDetailFailed', 'Sent unmodified: the persona could not be added.'));
  else if (decision.route === 'persona' && name) lines.push(t('badgeDetailSuggested', `Persona suggested, not added: ${name}`, [name]));
  else lines.push(t('badgeDetailNoPersona', 'No persona added.'));
  return lines;
}
