import { CATEGORIES } from '../../router/types';
import type { HistoryEntry } from '../../shared/messages';
import { t } from '../i18n';
import {
  actionLabel,
  categoryLabel,
  formatTime,
  outcomeLabel,
  percent,
  routeLabel,
  siteLabel,
} from './labels';

/** Everything the router decided about one message; the persona text is shown as plain text only. */
export function DecisionDetails({ entry, id }: { entry: HistoryEntry; id?: string }) {
  const d = entry.decision;
  return (
    <div class="decision" id={id}>
      <dl class="facts">
        <dt>{t('fieldTime')}</dt>
        <dd>{formatTime(entry.time)}</dd>
        <dt>{t('fieldSite')}</dt>
        <dd>{siteLabel(entry.site)}</dd>
        <dt>{t('fieldConversation')}</dt>
        <dd>{entry.conversationId || t('none')}</dd>
        <dt>{t('fieldOutcome')}</dt>
        <dd>{outcomeLabel(entry.outcome)}</dd>
        {d && (
          <>
            <dt>{t('fieldRoute')}</dt>
            <dd>{routeLabel(d.route)}</dd>
            <dt>{t('fieldCategory')}</dt>
            <dd>{categoryLabel(d.category)}</dd>
            <dt>{t('fieldConfidence')}</dt>
            <dd>{percent(d.confidence)}</dd>
            <dt>{t('fieldPolicy')}</dt>
            <dd>{d.action ? actionLabel(d.action) : t('none')}</dd>
            <dt>{t('fieldReason')}</dt>
            <dd>{d.reason}</dd>
            <dt>{t('fieldPersona')}</dt>
            <dd>{d.persona ? d.persona.name : t('none')}</dd>
          </>
        )}
      </dl>
      {d?.persona && (
        <>
          <p class="subhead">{t('decisionPersonaText')}</p>
          <pre class="persona-text">{d.persona.text}</pre>
        </>
      )}
      {d && (
        <>
          <p class="subhead" id={id ? `${id}-scores` : undefined}>
            {t('decisionScores')}
          </p>
          <ul class="scores" aria-labelledby={id ? `${id}-scores` : undefined}>
            {[...CATEGORIES]
              .sort((a, b) => (d.scores[b] ?? 0) - (d.scores[a] ?? 0))
              .map((c) => (
                <li key={c}>
                  <span class="score-name">{categoryLabel(c)}</span>
                  <span class="score-bar" aria-hidden="true">
                    <span style={{ width: percent(d.scores[c] ?? 0) }} />
                  </span>
                  <span class="score-value">{percent(d.scores[c] ?? 0)}</span>
                </li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
}
