import type { Category, PersonaLength, PolicyAction, Route } from '../../router/types';
import type { HistoryEntry, Outcome } from '../../shared/messages';
import type { Mode, SiteId } from '../../shared/settings';
import { t, type MessageKey } from '../i18n';

/** Every enum value the UI shows, mapped to its catalogue key, so a translation never touches code. */

const CATEGORY: Record<Category, MessageKey> = {
  writing: 'categoryWriting',
  roleplay: 'categoryRoleplay',
  reasoning: 'categoryReasoning',
  math: 'categoryMath',
  coding: 'categoryCoding',
  extraction: 'categoryExtraction',
  stem: 'categoryStem',
  humanities: 'categoryHumanities',
};

const MODE: Record<Mode, MessageKey> = { off: 'modeOff', suggest: 'modeSuggest', auto: 'modeAuto' };
const MODE_HINT: Record<Mode, MessageKey> = { off: 'modeOffHint', suggest: 'modeSuggestHint', auto: 'modeAutoHint' };
const ACTION: Record<PolicyAction, MessageKey> = { auto: 'actionAuto', suggest: 'actionSuggest', never: 'actionNever' };
const ROUTE: Record<Route, MessageKey> = { persona: 'routePersona', neutral: 'routeNeutral' };
const SITE: Record<SiteId, MessageKey> = { chatgpt: 'siteChatgpt', claude: 'siteClaude' };
const LENGTH: Record<PersonaLength, MessageKey> = {
  minimum: 'lengthMinimum',
  short: 'lengthShort',
  long: 'lengthLong',
};
const OUTCOME: Record<Outcome, MessageKey> = {
  inserted: 'outcomeInserted',
  'suggested-accepted': 'outcomeSuggestedAccepted',
  unchanged: 'outcomeUnchanged',
  'not-routed': 'outcomeNotRouted',
};

export const categoryLabel = (c: Category | null) => (c ? t(CATEGORY[c]) : t('categoryNone'));
export const modeLabel = (m: Mode) => t(MODE[m]);
export const modeHint = (m: Mode) => t(MODE_HINT[m]);
export const actionLabel = (a: PolicyAction) => t(ACTION[a]);
export const routeLabel = (r: Route) => t(ROUTE[r]);
export const siteLabel = (s: SiteId) => t(SITE[s]);
export const lengthLabel = (l: PersonaLength) => t(LENGTH[l]);
export const outcomeLabel = (o: Outcome) => t(OUTCOME[o]);

export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** "Persona · writing", "Neutral · math" or "Not routed", the same words the badge on the page uses. */
export function entrySummary(entry: HistoryEntry): string {
  const d = entry.decision;
  if (!d || entry.outcome === 'not-routed') return outcomeLabel('not-routed');
  return t('routeAndCategory', routeLabel(d.route), categoryLabel(d.category));
}

/** The route an entry is filed under in the history filters. */
export type RouteFilter = Route | 'not-routed';
export function entryRoute(entry: HistoryEntry): RouteFilter {
  if (!entry.decision || entry.outcome === 'not-routed') return 'not-routed';
  return entry.decision.route;
}

export function formatTime(time: number): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
