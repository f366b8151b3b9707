import { useState } from 'preact/hooks';
import { DEFAULT_POLICY, DEFAULT_THRESHOLD } from '../../router/defaults';
import { CATEGORIES, type Category, type PolicyAction } from '../../router/types';
import type { SettingsState } from '../components/use-extension-state';
import { actionLabel, categoryLabel, percent } from '../components/labels';
import { t, type MessageKey } from '../i18n';

const ACTIONS: readonly PolicyAction[] = ['auto', 'suggest', 'never'];

/** One line of evidence per category (../shared/docs/evidence.md), kept in the catalogue to be translated. */
const EVIDENCE_KEY: Record<Category, MessageKey> = {
  writing: 'evidenceWriting',
  roleplay: 'evidenceRoleplay',
  reasoning: 'evidenceReasoning',
  math: 'evidenceMath',
  coding: 'evidenceCoding',
  extraction: 'evidenceExtraction',
  stem: 'evidenceStem',
  humanities: 'evidenceHumanities',
};

export function PolicySection({ state }: { state: SettingsState }) {
  const { settings, update } = state;
  // While the thumb is dragged the slider shows where it is; the setting is written once, when it is let go
  // (keyboard steps write at once). No effect copies the stored value into state: a stale copy run late
  // would move the thumb back under a fast sequence of arrow keys.
  const [dragged, setDragged] = useState<number | null>(null);
  if (!settings) return null;
  const threshold = dragged ?? settings.router.threshold;
  const policy = settings.router.policy;

  return (
    <section id="policy" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('policyHeading')}</h2>
      <p class="muted">{t('policyIntro')}</p>
      <table class="policy">
        <thead>
          <tr>
            <th scope="col">{t('fieldCategory')}</th>
            <th scope="col">{t('policyColumnAction')}</th>
            <th scope="col">{t('policyColumnEvidence')}</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((category) => (
            <tr key={category}>
              <th scope="row">
                <label for={`policy-${category}`}>{categoryLabel(category)}</label>
              </th>
              <td>
                <select
                  id={`policy-${category}`}
                  value={policy[category]}
                  aria-describedby={`evidence-${category}`}
                  onChange={(e) => {
                    const action = e.currentTarget.value as PolicyAction;
                    void update((s) => void (s.router.policy[category] = action));
                  }}
                >
                  {ACTIONS.map((action) => (
                    <option key={action} value={action}>
                      {actionLabel(action)}
                    </option>
                  ))}
                </select>
              </td>
              <td class="evidence" id={`evidence-${category}`}>
                {t(EVIDENCE_KEY[category])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small">{t('policyActionsExplained')}</p>
      <p class="muted small">{t('evidenceSource')}</p>

      <div class="threshold">
        <label for="threshold">{t('thresholdLabel')}</label>
        <input
          type="range"
          id="threshold"
          min={0}
          max={1}
          step={0.01}
          value={threshold}
          aria-valuetext={percent(threshold)}
          aria-describedby="threshold-hint"
          onInput={(e) => setDragged(Number(e.currentTarget.value))}
          onChange={(e) => {
            const value = Number(e.currentTarget.value);
            setDragged(null);
            void update((s) => void (s.router.threshold = value));
          }}
        />
        <output for="threshold" data-testid="threshold-value">
          {percent(threshold)}
        </output>
        <span class="hint" id="threshold-hint">
          {t('thresholdHint')}
        </span>
      </div>

      <button
        type="button"
        onClick={() =>
          void update((s) => {
            s.router.policy = { ...DEFAULT_POLICY };
            s.router.threshold = DEFAULT_THRESHOLD;
          })
        }
      >
        {t('policyReset')}
      </button>
    </section>
  );
}
