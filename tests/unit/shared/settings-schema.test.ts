import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY, MAX_PERSONA_TEXT } from '../../../src/router/defaults';
import { CATEGORIES } from '../../../src/router/types';
import { DEFAULT_SETTINGS, defaultSettings } from '../../../src/shared/defaults';
import { EVIDENCE } from '../../../src/shared/evidence';
import {
  exportSettings,
  normalizeSettings,
  parseSettingsImport,
  validatePersonaText,
} from '../../../src/shared/settings-schema';
import type { Settings } from '../../../src/shared/settings';
import catalogue from '../../../public/_locales/en/messages.json';

function customSettings(): Settings {
  const s = defaultSettings();
  s.mode = 'auto';
  s.sites.claude = false;
  s.router.policy.coding = 'suggest';
  s.router.threshold = 0.72;
  s.router.personaLength = 'long';
  s.router.personaOverrides = { 'writing.business': { short: 'You edit business mail for clarity.' } };
  s.history = { maxEntries: 200, maxDays: 7 };
  return s;
}

function importError(doc: unknown): string {
  const result = parseSettingsImport(doc);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

// Tests write deliberately ill-typed values into exported JSON, so the document is untyped here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

function envelopeWith(mutate: (settings: LooseJson) => void): unknown {
  const doc = JSON.parse(JSON.stringify(exportSettings(customSettings())));
  mutate(doc.settings);
  return doc;
}

describe('defaults', () => {
  test('follow the evidence: style auto, extraction suggest, the rest never', () => {
    expect(DEFAULT_POLICY).toEqual({
      writing: 'auto',
      roleplay: 'auto',
      extraction: 'suggest',
      reasoning: 'never',
      stem: 'never',
      math: 'never',
      coding: 'never',
      humanities: 'never',
    });
    expect(DEFAULT_SETTINGS.mode).toBe('suggest');
    expect(DEFAULT_SETTINGS.history).toEqual({ maxEntries: 500, maxDays: 30 });
  });

  test('defaultSettings() is a copy, so editing it leaves the defaults alone', () => {
    const copy = defaultSettings();
    copy.router.policy.coding = 'auto';
    copy.sites.chatgpt = false;
    expect(DEFAULT_SETTINGS.router.policy.coding).toBe('never');
    expect(DEFAULT_SETTINGS.sites.chatgpt).toBe(true);
  });

  test('every category has a line of evidence', () => {
    for (const category of CATEGORIES) expect(EVIDENCE[category].length).toBeGreaterThan(20);
    expect(EVIDENCE.coding).toMatch(/0\.65/);
  });
});

describe('normalizeSettings (lenient, from storage)', () => {
  test.each([undefined, null, 42, 'settings', [], true])('non-object %j gives the defaults', (raw) => {
    expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  test('valid settings pass through unchanged, as a new object', () => {
    const s = customSettings();
    const out = normalizeSettings(s);
    expect(out).toEqual(s);
    expect(out).not.toBe(s);
    expect(out.router.policy).not.toBe(s.router.policy);
  });

  test('each corrupt field falls back on its own, keeping the good ones', () => {
    const out = normalizeSettings({
      version: 1,
      mode: 'turbo',
      sites: { chatgpt: 'yes', claude: false, bard: true },
      router: {
        policy: { writing: 'never', coding: 'always', math: 3, stem: 'suggest' },
        threshold: 'high',
        personaLength: 'medium',
        personaOverrides: 'none',
      },
      history: { maxEntries: -5, maxDays: 12.9 },
    });
    expect(out.mode).toBe('suggest');
    expect(out.sites).toEqual({ chatgpt: true, claude: false });
    expect(out.router.policy).toEqual({ ...DEFAULT_POLICY, writing: 'never', stem: 'suggest' });
    expect(out.router.threshold).toBe(DEFAULT_SETTINGS.router.threshold);
    expect(out.router.personaLength).toBe('short');
    expect(out.router.personaOverrides).toEqual({});
    expect(out.history).toEqual({ maxEntries: 500, maxDays: 12 });
  });

  test.each([
    [1.7, 1],
    [-0.2, 0],
    [0.35, 0.35],
    [Number.NaN, DEFAULT_SETTINGS.router.threshold],
    [Number.POSITIVE_INFINITY, DEFAULT_SETTINGS.router.threshold],
  ])('threshold %d becomes %d', (threshold, expected) => {
    expect(normalizeSettings({ version: 1, router: { threshold } }).router.threshold).toBe(expected);
  });

  test('drops persona overrides that are too long, empty, not text, or under a bad id', () => {
    // JSON.parse, because an object literal would turn "__proto__" into the prototype instead of a key.
    const overrides = JSON.parse('{"__proto__": {"short": "sneaky"}, "Bad Id!": {"short": "nope"}}');
    Object.assign(overrides, {
      writing: { short: 'ok text', long: 'x'.repeat(MAX_PERSONA_TEXT + 1), minimum: 7 },
      roleplay: { short: '   ' },
      coding: 'not an object',
      'writing.copy': { minimum: 'x'.repeat(MAX_PERSONA_TEXT) },
    });
    const out = normalizeSettings({ version: 1, router: { personaOverrides: overrides } });
    expect(out.router.personaOverrides).toEqual({
      writing: { short: 'ok text' },
      'writing.copy': { minimum: 'x'.repeat(MAX_PERSONA_TEXT) },
    });
    expect(Object.getPrototypeOf(out.router.personaOverrides)).toBe(Object.prototype);
  });

  test('history limits are capped so corrupt numbers cannot make history unbounded', () => {
    const out = normalizeSettings({ version: 1, history: { maxEntries: 1e12, maxDays: 0 } });
    expect(out.history.maxEntries).toBe(10_000);
    expect(out.history.maxDays).toBe(30);
  });

  test('migrates the unversioned v0 flat shape', () => {
    const out = normalizeSettings({
      autoPersona: true,
      policy: { extraction: 'auto' },
      threshold: 0.8,
      personaLength: 'minimum',
      personas: { roleplay: { short: 'You are a stage actor.' } },
      sites: { claude: false },
      history: { maxEntries: 100 },
    });
    expect(out).toEqual({
      version: 1,
      mode: 'auto',
      sites: { chatgpt: true, claude: false },
      router: {
        policy: { ...DEFAULT_POLICY, extraction: 'auto' },
        threshold: 0.8,
        personaLength: 'minimum',
        personaOverrides: { roleplay: { short: 'You are a stage actor.' } },
      },
      history: { maxEntries: 100, maxDays: 30 },
    });
  });

  test('v0 with enabled: false migrates to mode off; autoPersona false to suggest', () => {
    expect(normalizeSettings({ enabled: false, autoPersona: true }).mode).toBe('off');
    expect(normalizeSettings({ autoPersona: false }).mode).toBe('suggest');
  });

  test('an unversioned object already in the nested shape keeps its values', () => {
    const nested: Record<string, unknown> = { ...customSettings() };
    delete nested.version;
    expect(normalizeSettings(nested)).toEqual(customSettings());
  });

  test('a newer version (downgrade) is read field by field as the current shape', () => {
    const out = normalizeSettings({ ...customSettings(), version: 9, newThing: true });
    expect(out).toEqual(customSettings());
  });
});

describe('validatePersonaText', () => {
  test('accepts ordinary text up to the limit, counting an emoji as one character', () => {
    expect(validatePersonaText('You are a careful editor.')).toBeNull();
    expect(validatePersonaText('x'.repeat(MAX_PERSONA_TEXT))).toBeNull();
    expect(validatePersonaText('😀'.repeat(MAX_PERSONA_TEXT))).toBeNull();
  });

  test('rejects empty and whitespace-only text', () => {
    expect(validatePersonaText('')).toMatch(/empty/);
    expect(validatePersonaText(' \n\t ')).toMatch(/empty/);
  });

  test('rejects text over 2,000 characters and says how long it is', () => {
    expect(validatePersonaText('x'.repeat(2001))).toBe(
      'Persona text is 2,001 characters long; the limit is 2,000.',
    );
  });
});

describe('export and import', () => {
  test('round trip: export, JSON, import gives the same settings', () => {
    const s = customSettings();
    const text = JSON.stringify(exportSettings(s));
    const parsed = parseSettingsImport(JSON.parse(text));
    expect(parsed).toEqual({ ok: true, settings: s });
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings: s });
  });

  test('the export envelope names the app, the kind and the version', () => {
    const doc = exportSettings(DEFAULT_SETTINGS);
    expect(doc).toMatchObject({ app: 'persona-router', kind: 'settings', version: 1 });
    expect(doc.settings).toEqual(DEFAULT_SETTINGS);
  });

  test.each([
    ['a string that is not JSON', '{ not json'],
    ['null', null],
    ['an array', [1, 2]],
    ['another app', { app: 'dark-reader', kind: 'settings', version: 1, settings: {} }],
    ['another kind', { app: 'persona-router', kind: 'history', version: 1, settings: {} }],
    ['a bare settings object', DEFAULT_SETTINGS],
  ])('rejects %s as a foreign file', (_name, doc) => {
    expect(importError(doc)).toMatch(/not a Persona Router settings file/);
  });

  test('rejects a file from a newer version, saying to update', () => {
    const doc = { ...exportSettings(DEFAULT_SETTINGS), version: 2 };
    expect(importError(doc)).toMatch(/newer Persona Router.*update/);
  });

  test.each<[string, (s: LooseJson) => void, string]>([
    ['bad policy action', (s) => (s.router.policy.coding = 'always'), 'router.policy.coding must be auto, suggest or never.'],
    ['missing policy entry', (s) => delete s.router.policy.math, 'router.policy.math is missing.'],
    ['bad mode', (s) => (s.mode = 'on'), 'mode must be off, suggest or auto.'],
    ['threshold out of range', (s) => (s.router.threshold = 1.5), 'router.threshold must be a number from 0 to 1.'],
    ['threshold as text', (s) => (s.router.threshold = '0.5'), 'router.threshold must be a number from 0 to 1.'],
    ['site not boolean', (s) => (s.sites.claude = 'off'), 'sites.claude must be true or false.'],
    ['unknown site', (s) => (s.sites.gemini = true), 'sites.gemini is not a Persona Router setting.'],
    ['unknown top-level key', (s) => (s.theme = 'dark'), 'settings.theme is not a Persona Router setting.'],
    ['bad length', (s) => (s.router.personaLength = 'medium'), 'router.personaLength must be minimum, short or long.'],
    ['history not whole', (s) => (s.history.maxDays = 2.5), 'history.maxDays must be a whole number from 1 to 3,650.'],
    ['router missing', (s) => delete s.router, 'router is missing.'],
    [
      'persona too long',
      (s) => (s.router.personaOverrides.writing = { long: 'y'.repeat(2001) }),
      'router.personaOverrides.writing.long: Persona text is 2,001 characters long; the limit is 2,000.',
    ],
    [
      'persona not text',
      (s) => (s.router.personaOverrides.writing = { short: 5 }),
      'router.personaOverrides.writing.short must be text.',
    ],
    [
      'persona unknown length',
      (s) => (s.router.personaOverrides.writing = { medium: 'hi' }),
      'router.personaOverrides.writing.medium is not a Persona Router setting.',
    ],
  ])('%s: names the field and returns no settings', (_name, mutate, message) => {
    const result = parseSettingsImport(envelopeWith(mutate));
    expect(result).toMatchObject({ ok: false, error: message });
    expect('settings' in result).toBe(false);
  });

  test.each<[string, unknown]>([
    ['a foreign file', { app: 'dark-reader', kind: 'settings', version: 1, settings: {} }],
    ['broken JSON', '{ not json'],
    ['a newer version', { ...exportSettings(DEFAULT_SETTINGS), version: 2 }],
    ['a missing field', envelopeWith((s) => delete s.router.policy.math)],
    ['an unknown key', envelopeWith((s) => (s.theme = 'dark'))],
    ['a bad value', envelopeWith((s) => (s.sites.claude = 'off'))],
    ['a bad policy action', envelopeWith((s) => (s.router.policy.coding = 'always'))],
    ['a persona too long', envelopeWith((s) => (s.router.personaOverrides.writing = { long: 'y'.repeat(2001) }))],
  ])('%s: the error has an i18n message that names the same field', (_name, doc) => {
    const result = parseSettingsImport(doc);
    if (result.ok) throw new Error('expected the import to fail');
    const entry = (catalogue as Record<string, { message: string } | undefined>)[`importError_${result.code}`];
    expect(entry, `messages.json has no importError_${result.code}`).toBeDefined();
    const shown = entry!.message.replace(/\$(\d)/g, (_m, n: string) => result.substitutions[Number(n) - 1] ?? '');
    expect(shown).not.toMatch(/\$\d/);
    const field = result.error.match(/^[\w.]+(?= |:)/)?.[0];
    if (field) expect(shown.startsWith(field)).toBe(true);
    else expect(shown).toBe(result.error);
  });

  test('a missing settings object is reported', () => {
    const { settings: _dropped, ...doc } = exportSettings(DEFAULT_SETTINGS);
    expect(importError(doc)).toBe('settings is missing.');
  });
});
