import { useState } from 'preact/hooks';
import { exportSettings, parseSettingsImport } from '../../shared/settings-schema';
import type { Settings } from '../../shared/settings';
import type { SettingsState } from '../components/use-extension-state';
import { t } from '../i18n';
import { describeChanges } from './describe-changes';

/** A settings file is a few kilobytes; anything far larger is not ours and is not worth parsing. */
const MAX_IMPORT_BYTES = 1_000_000;
const EXPORT_FILE = 'persona-router-settings.json';

function download(settings: Settings) {
  const json = JSON.stringify(exportSettings(settings), null, 2);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = EXPORT_FILE;
  a.click();
  // The click starts the download synchronously; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'error'; file: string; detail: string }
  | { kind: 'preview'; file: string; settings: Settings }
  | { kind: 'applied'; file: string };

export function BackupSection({ state }: { state: SettingsState }) {
  const { settings, replace } = state;
  const [imported, setImported] = useState<ImportState>({ kind: 'idle' });
  const [inputKey, setInputKey] = useState(0);

  async function readFile(file: File) {
    if (file.size > MAX_IMPORT_BYTES) {
      setImported({ kind: 'error', file: file.name, detail: t('importTooLarge') });
      return;
    }
    const result = parseSettingsImport(await file.text());
    setImported(
      result.ok
        ? { kind: 'preview', file: file.name, settings: result.settings }
        : { kind: 'error', file: file.name, detail: t(`importError_${result.code}`, ...result.substitutions) },
    );
  }

  function done(next: ImportState) {
    setImported(next);
    // A fresh input lets the user pick the same file again.
    setInputKey((k) => k + 1);
  }

  const changes = settings && imported.kind === 'preview' ? describeChanges(settings, imported.settings) : [];

  return (
    <section id="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="muted">{t('backupIntro')}</p>
      <div class="backup-actions">
        <button type="button" disabled={!settings} onClick={() => settings && download(settings)}>
          {t('exportButton')}
        </button>
        <div class="field">
          <label for="import-file">{t('importLabel')}</label>
          <input
            key={inputKey}
            type="file"
            id="import-file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
            }}
          />
        </div>
      </div>

      {imported.kind === 'error' && (
        <div class="notice notice-error" role="alert" data-testid="import-error">
          <p class="error">{t('importFailed', imported.file)}</p>
          <p>{imported.detail}</p>
        </div>
      )}
      {imported.kind === 'applied' && (
        <p class="notice" role="status" data-testid="import-applied">
          {t('importApplied', imported.file)}
        </p>
      )}
      {imported.kind === 'preview' && (
        <div class="notice" role="region" aria-labelledby="import-preview-heading" data-testid="import-preview">
          <h3 id="import-preview-heading">{t('importPreviewHeading', imported.file)}</h3>
          {changes.length === 0 ? (
            <p>{t('importNoChanges')}</p>
          ) : (
            <ul>
              {changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <div class="buttons">
            <button
              type="button"
              class="primary"
              onClick={async () => {
                const saved = await replace(imported.settings);
                if (saved) done({ kind: 'applied', file: imported.file });
              }}
            >
              {t('importApply')}
            </button>
            <button type="button" onClick={() => done({ kind: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
