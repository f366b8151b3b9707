import { useState } from 'preact/hooks';
import { MAX_PERSONA_TEXT } from '../../router/defaults';
import { PERSONA_LIBRARY, type LibraryPersona } from '../../router/personas/library';
import { formatPreamble } from '../../router/preamble';
import { PERSONA_LENGTHS, type PersonaLength } from '../../router/types';
import type { Settings } from '../../shared/settings';
import { categoryLabel, lengthLabel } from '../components/labels';
import { RadioGroup } from '../components/radio-group';
import type { SettingsState } from '../components/use-extension-state';
import { t, type MessageKey } from '../i18n';

const LENGTH_HINT: Record<PersonaLength, MessageKey> = {
  minimum: 'lengthMinimumHint',
  short: 'lengthShortHint',
  long: 'lengthLongHint',
};

/** Code points, the way the settings schema counts them, so an emoji is one character here as there. */
const characters = (text: string) => [...text].length;

/** The problem with a draft, in the user's language, or null when it can be saved. */
function problemWith(text: string): string | null {
  if (text.trim() === '') return t('personaEmpty');
  const count = characters(text);
  if (count > MAX_PERSONA_TEXT) return t('personaTooLong', count, MAX_PERSONA_TEXT);
  return null;
}

function savedText(settings: Settings, persona: LibraryPersona, length: PersonaLength): string {
  return settings.router.personaOverrides[persona.id]?.[length] ?? persona.texts[length];
}

interface EditorProps {
  persona: LibraryPersona;
  length: PersonaLength;
  inUse: boolean;
  settings: Settings;
  update: SettingsState['update'];
}

/** One persona text at one length: plain-text editing, validated before it can be saved. */
function PersonaTextEditor({ persona, length, inUse, settings, update }: EditorProps) {
  const saved = savedText(settings, persona, length);
  const edited = settings.router.personaOverrides[persona.id]?.[length] !== undefined;
  // null: show the saved text. Derived rather than copied in an effect, so a late effect cannot undo typing.
  const [edit, setEdit] = useState<string | null>(null);
  const draft = edit ?? saved;
  const [justSaved, setJustSaved] = useState(false);

  const id = `persona-${persona.id.replace('.', '-')}-${length}`;
  const problem = problemWith(draft);
  const dirty = draft !== saved;

  async function save() {
    const isDefault = draft === persona.texts[length];
    const result = await update((s) => {
      const texts = { ...s.router.personaOverrides[persona.id] };
      if (isDefault) delete texts[length];
      else texts[length] = draft;
      if (Object.keys(texts).length === 0) delete s.router.personaOverrides[persona.id];
      else s.router.personaOverrides[persona.id] = texts;
    });
    if (result !== null) setEdit(null);
    setJustSaved(result !== null);
  }

  return (
    <div class="persona-editor" data-length={length}>
      <div class="editor-head">
        <label for={id}>
          {t('personaTextLabel', lengthLabel(length))}
          {inUse && <span class="tag">{t('personaInUse')}</span>}
          {edited && <span class="tag tag-edited">{t('personaEdited')}</span>}
        </label>
        <span class={problem && characters(draft) > MAX_PERSONA_TEXT ? 'error' : 'muted'} id={`${id}-count`}>
          {t('personaCharCount', characters(draft), MAX_PERSONA_TEXT)}
        </span>
      </div>
      <textarea
        id={id}
        rows={length === 'long' ? 9 : length === 'short' ? 5 : 2}
        value={draft}
        spellcheck
        aria-invalid={problem !== null}
        aria-describedby={`${id}-count${problem ? ` ${id}-error` : ''}`}
        onInput={(e) => {
          setEdit(e.currentTarget.value);
          setJustSaved(false);
        }}
      />
      {problem && (
        <p class="error" id={`${id}-error`} role="alert">
          {problem}
        </p>
      )}
      <div class="buttons">
        <button type="button" class="primary" disabled={!dirty || problem !== null} onClick={() => void save()}>
          {t('personaSave')}
        </button>
        <button
          type="button"
          disabled={!edited && !dirty}
          onClick={() => {
            setEdit(null);
            if (!edited) return;
            void update((s) => {
              const texts = { ...s.router.personaOverrides[persona.id] };
              delete texts[length];
              if (Object.keys(texts).length === 0) delete s.router.personaOverrides[persona.id];
              else s.router.personaOverrides[persona.id] = texts;
            });
          }}
        >
          {t('personaResetDefault')}
        </button>
        <span role="status" class="muted">
          {justSaved && !dirty ? t('personaSaved') : ''}
        </span>
      </div>
    </div>
  );
}

function personaOptionLabel(persona: LibraryPersona): string {
  return `${categoryLabel(persona.category)}: ${persona.name}`;
}

export function PersonaSection({ state }: { state: SettingsState }) {
  const { settings, update } = state;
  const [selectedId, setSelectedId] = useState<string>(PERSONA_LIBRARY[0]?.id ?? '');
  if (!settings) return null;
  const persona = PERSONA_LIBRARY.find((p) => p.id === selectedId);
  const inUse = settings.router.personaLength;

  return (
    <section id="personas" aria-labelledby="personas-heading">
      <h2 id="personas-heading">{t('personasHeading')}</h2>
      <p class="muted">{t('personasIntro')}</p>
      <RadioGroup
        name="persona-length"
        legend={t('lengthLegend')}
        options={PERSONA_LENGTHS}
        value={inUse}
        label={lengthLabel}
        hint={(l) => t(LENGTH_HINT[l])}
        onChange={(length) => void update((s) => void (s.router.personaLength = length))}
      />
      <div class="field persona-pick">
        <label for="persona-select">{t('personaSelect')}</label>
        <select id="persona-select" value={selectedId} onChange={(e) => setSelectedId(e.currentTarget.value)}>
          {PERSONA_LIBRARY.map((p) => (
            <option key={p.id} value={p.id}>
              {personaOptionLabel(p)}
            </option>
          ))}
        </select>
      </div>
      {!persona ? (
        <p class="error">{t('personaUnavailable')}</p>
      ) : (
        <div class="persona-body" key={persona.id}>
          <div class="editors">
            {PERSONA_LENGTHS.map((length) => (
              <PersonaTextEditor
                key={length}
                persona={persona}
                length={length}
                inUse={length === inUse}
                settings={settings}
                update={update}
              />
            ))}
          </div>
          <div class="preview-box">
            <h3 id="preview-heading">{t('personaPreviewHeading')}</h3>
            <pre class="preview" data-testid="persona-preview">
              {formatPreamble(savedText(settings, persona, inUse))}
              <span class="muted">{t('personaPreviewPrompt')}</span>
            </pre>
          </div>
        </div>
      )}
    </section>
  );
}
