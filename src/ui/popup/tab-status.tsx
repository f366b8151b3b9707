import type { TabStatus } from '../../shared/messages';
import { t } from '../i18n';
import { siteLabel } from '../components/labels';

/** One line that tells the user whether Persona Router can work on this tab, and if not, why. */
export function TabStatusLine({ status }: { status: TabStatus | null }) {
  let text: string;
  let tone: 'ok' | 'warn' | 'muted';
  if (!status || status.site === null) {
    text = t('statusNotChatSite');
    tone = 'muted';
  } else if (status.composerFound === null) {
    text = t('statusWaiting', siteLabel(status.site));
    tone = 'muted';
  } else if (status.composerFound) {
    text = t('statusWorking', siteLabel(status.site));
    tone = 'ok';
  } else {
    text = t('statusComposerMissing', siteLabel(status.site));
    tone = 'warn';
  }
  return (
    <p class={`status status-${tone}`} role="status" data-status={tone}>
      <span class="status-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
