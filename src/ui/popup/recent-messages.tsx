import { useState } from 'preact/hooks';
import type { HistoryEntry } from '../../shared/messages';
import { DecisionDetails } from '../components/decision-details';
import { entryRoute, entrySummary, formatTime, percent } from '../components/labels';
import { t } from '../i18n';

/** This tab's last routed messages; each opens to the full decision. */
export function RecentMessages({ entries }: { entries: HistoryEntry[] | null }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('popupRecentHeading')}</h2>
      {entries === null ? null : entries.length === 0 ? (
        <p class="muted">{t('popupRecentEmpty')}</p>
      ) : (
        <ul class="recent">
          {entries.map((entry) => {
            const d = entry.decision;
            const expanded = open === entry.id;
            const detailsId = `decision-${entry.id}`;
            return (
              <li key={entry.id} data-entry-id={entry.id}>
                <button
                  type="button"
                  class="recent-item"
                  aria-expanded={expanded}
                  aria-controls={detailsId}
                  onClick={() => setOpen(expanded ? null : entry.id)}
                >
                  <span class="recent-line">
                    <span class={`route-${entryRoute(entry)}`}>{entrySummary(entry)}</span>
                    {d && <span class="recent-confidence">{percent(d.confidence)}</span>}
                    <span class="muted recent-time">{formatTime(entry.time)}</span>
                  </span>
                  {d && (
                    <span class="recent-reason">
                      {d.persona ? t('popupPersonaUsed', d.persona.name) : t('popupNoPersona')}
                      {' · '}
                      {d.reason}
                    </span>
                  )}
                </button>
                {expanded && <DecisionDetails entry={entry} id={detailsId} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
