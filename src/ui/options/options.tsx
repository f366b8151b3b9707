import { useSettings } from '../components/use-extension-state';
import { t, type MessageKey } from '../i18n';
import { BackupSection } from './backup-section';
import { GeneralSection } from './general-section';
import { HistorySection } from './history-section';
import { PersonaSection } from './persona-section';
import { PolicySection } from './policy-section';
import { PrivacySection } from './privacy-section';

const SECTIONS: ReadonlyArray<[string, MessageKey]> = [
  ['general', 'generalHeading'],
  ['policy', 'policyHeading'],
  ['personas', 'personasHeading'],
  ['history', 'historyHeading'],
  ['backup', 'backupHeading'],
  ['privacy', 'privacyHeading'],
];

export function Options() {
  const state = useSettings();
  return (
    <>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('optionsNavLabel')}>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="options">
        {state.error && (
          <p class="error" role="alert">
            {t('errorWorker')}
          </p>
        )}
        <GeneralSection state={state} />
        <PolicySection state={state} />
        <PersonaSection state={state} />
        <HistorySection state={state} />
        <BackupSection state={state} />
        <PrivacySection />
      </main>
    </>
  );
}
