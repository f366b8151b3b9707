import { useState } from 'preact/hooks';
import { MAX_HISTORY_DAYS, MAX_HISTORY_ENTRIES } from '../../shared/settings-schema';
import { SITE_IDS, type SiteId } from '../../shared/settings';
import { ask } from '../api';
import { DecisionDetails } from '../components/decision-details';
import {
  categoryLabel,
  entryRoute,
  formatTime,
  outcomeLabel,
  percent,
  routeLabel,
  siteLabel,
  type RouteFilter,
} from '../components/labels';
import { useHistory, type SettingsState } from '../components/use-extension-state';
import { t } from '../i18n';
import { HistoryChart } from './history-chart';

const ROUTE_FILTERS: readonly RouteFilter[] = ['persona', 'neutral', 'not-routed'];
/** Enough rows to scan by eye; the chart and the filters cover the rest. */
const SHOWN_ROWS = 200;

/** Enough of a conversation id to tell rows apart; the full id is in the row's details. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function routeFilterLabel(route: RouteFilter): string {
  return route === 'not-routed' ? outcomeLabel('not-routed') : routeLabel(route);
}

interface RetentionFieldProps {
  id: string;
  label: string;
  value: number;
  max: number;
  onSave: (value: number) => void;
}

/** A whole-number field that saves valid values on change and explains invalid ones instead. */
function RetentionField({ id, label, value, max, onSave }: RetentionFieldProps) {
  // null: show the stored value. Derived, not copied in an effect, so a late effect cannot undo typing.
  const [edit, setEdit] = useState<string | null>(null);
  const draft = edit ?? String(value);
  const n = Number(draft);
  const valid = /^\d+$/.test(draft.trim()) && n >= 1 && n <= max;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        type="number"
        id={id}
        min={1}
        max={max}
        step={1}
        value={draft}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-error`}
        onInput={(e) => setEdit(e.currentTarget.value)}
        onChange={(e) => {
          const next = Number(e.currentTarget.value);
          if (!/^\d+$/.test(e.currentTarget.value.trim()) || next < 1 || next > max) return;
          setEdit(null);
          if (next !== value) onSave(next);
        }}
      />
      {!valid && (
        <span class="error" id={`${id}-error`} role="alert">
          {t('retentionInvalid', max)}
        </span>
      )}
    </div>
  );
}

export function HistorySection({ state }: { state: SettingsState }) {
  const { settings, update } = state;
  const { entries, error, reload } = useHistory();
  const [site, setSite] = useState<SiteId | 'all'>('all');
  const [route, setRoute] = useState<RouteFilter | 'all'>('all');
  const [confirming, setConfirming] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const all = entries ?? [];
  const shown = all.filter((e) => (site === 'all' || e.site === site) && (route === 'all' || entryRoute(e) === route));

  return (
    <section id="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      {error && (
        <p class="error" role="alert">
          {t('errorWorker')}
        </p>
      )}

      <h3>{t('chartHeading')}</h3>
      <HistoryChart entries={all} now={Date.now()} />

      {settings && (
        <fieldset class="retention">
          <legend>{t('retentionLegend')}</legend>
          <p class="muted small">{t('retentionHint')}</p>
          <RetentionField
            id="retention-entries"
            label={t('retentionEntries')}
            value={settings.history.maxEntries}
            max={MAX_HISTORY_ENTRIES}
            onSave={(n) => void update((s) => void (s.history.maxEntries = n))}
          />
          <RetentionField
            id="retention-days"
            label={t('retentionDays')}
            value={settings.history.maxDays}
            max={MAX_HISTORY_DAYS}
            onSave={(n) => void update((s) => void (s.history.maxDays = n))}
          />
        </fieldset>
      )}

      <h3>{t('historyTableHeading')}</h3>
      <div class="filters">
        <div class="field">
          <label for="filter-site">{t('filterSite')}</label>
          <select id="filter-site" value={site} onChange={(e) => setSite(e.currentTarget.value as SiteId | 'all')}>
            <option value="all">{t('filterAll')}</option>
            {SITE_IDS.map((id) => (
              <option key={id} value={id}>
                {siteLabel(id)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-route">{t('filterRoute')}</label>
          <select
            id="filter-route"
            value={route}
            onChange={(e) => setRoute(e.currentTarget.value as RouteFilter | 'all')}
          >
            <option value="all">{t('filterAll')}</option>
            {ROUTE_FILTERS.map((r) => (
              <option key={r} value={r}>
                {routeFilterLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div class="clear">
          {confirming ? (
            <div role="group" aria-labelledby="clear-question" class="confirm">
              <span id="clear-question">{t('historyClearConfirm', all.length)}</span>
              <button
                type="button"
                class="primary"
                onClick={async () => {
                  await ask({ type: 'UItoBG:clearHistory' });
                  setConfirming(false);
                  await reload();
                }}
              >
                {t('historyClearYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </div>
          ) : (
            <button type="button" disabled={all.length === 0} onClick={() => setConfirming(true)}>
              {t('historyClear')}
            </button>
          )}
        </div>
      </div>

      <p class="muted small" role="status" data-testid="history-count">
        {t('historyShowing', Math.min(shown.length, SHOWN_ROWS), shown.length, all.length)}
      </p>
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="history">
            <thead>
              <tr>
                <th scope="col">{t('fieldTime')}</th>
                <th scope="col">{t('fieldSite')}</th>
                <th scope="col">{t('fieldConversation')}</th>
                <th scope="col">{t('fieldCategory')}</th>
                <th scope="col">{t('fieldRoute')}</th>
                <th scope="col">{t('fieldConfidence')}</th>
                <th scope="col">{t('fieldReason')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, SHOWN_ROWS).map((entry) => {
                const d = entry.decision;
                const r = entryRoute(entry);
                const open = openId === entry.id;
                return [
                  <tr key={entry.id} data-entry-id={entry.id}>
                    <td>
                      <button
                        type="button"
                        class="link"
                        aria-expanded={open}
                        aria-controls={`history-${entry.id}`}
                        onClick={() => setOpenId(open ? null : entry.id)}
                      >
                        {formatTime(entry.time)}
                      </button>
                    </td>
                    <td>{siteLabel(entry.site)}</td>
                    <td class="conversation" title={entry.conversationId}>
                      {shortId(entry.conversationId) || t('none')}
                    </td>
                    <td>{categoryLabel(d?.category ?? null)}</td>
                    <td class={`route-${r}`}>{routeFilterLabel(r)}</td>
                    <td class="number">{d ? percent(d.confidence) : t('none')}</td>
                    <td class="reason">{d?.reason ?? t('none')}</td>
                  </tr>,
                  open && (
                    <tr key={`${entry.id}-details`} class="details-row">
                      <td colSpan={7}>
                        <DecisionDetails entry={entry} id={`history-${entry.id}`} />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
