import { DEFAULT_POLICY, DEFAULT_ROUTER_SETTINGS, MAX_PERSONA_TEXT, personaTextLength } from '../router/defaults';
import {
  CATEGORIES,
  PERSONA_LENGTHS,
  type PersonaLength,
  type PersonaOverrides,
  type PolicyAction,
  type RouterSettings,
  type RoutingPolicy,
} from '../router/types';
import { defaultSettings, DEFAULT_SETTINGS } from './defaults';
import { MODES, SITE_IDS, type HistoryRetention, type Mode, type Settings } from './settings';

/**
 * Two readers for settings:
 * - normalizeSettings: for what storage hands back. Lenient and total: every field that is missing or
 *   corrupt falls back to its default on its own, so one bad value never resets the rest.
 * - parseSettingsImport: for a file the user picked. Strict: the first problem is reported with the
 *   field's path and nothing is applied, because applying half of a foreign file would be worse.
 */

export const SETTINGS_VERSION = 1;
export const EXPORT_APP = 'persona-router';
export const EXPORT_KIND = 'settings';

const POLICY_ACTIONS: readonly PolicyAction[] = ['auto', 'suggest', 'never'];

/** Upper bounds that keep a corrupt number from making history unbounded or the storage quota burst. */
export const MAX_HISTORY_ENTRIES = 10_000;
export const MAX_HISTORY_DAYS = 3_650;

/** Persona ids are short dotted names ('writing', 'writing.business'); anything else is not ours. */
const PERSONA_ID = /^[a-z][a-z0-9-]{0,31}(\.[a-z][a-z0-9-]{0,31})?$/;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** An error message for a persona text the user typed, or null when it can be saved. */
export function validatePersonaText(text: string): string | null {
  if (typeof text !== 'string') return 'Persona text must be text.';
  if (text.trim() === '') return 'Persona text cannot be empty.';
  const length = personaTextLength(text);
  if (length > MAX_PERSONA_TEXT) {
    return `Persona text is ${length.toLocaleString('en-US')} characters long; the limit is ${MAX_PERSONA_TEXT.toLocaleString('en-US')}.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Migrations: MIGRATIONS[n] turns a version-n object into a version-(n + 1) object. Inputs are untrusted, so
// a step only moves fields to their new place; normalizeSettings or the strict parser checks values after.

/**
 * v0: settings written before the schema had a version field (development builds). They were flat:
 * `enabled` (false meant off), `autoPersona` (true meant auto, else suggest), `policy`, `threshold`,
 * `personaLength`, `personas` (the overrides), `sites`, `history`. Fields already in the v1 place win.
 */
function migrateV0toV1(old: Json): Json {
  let mode: unknown = own(old, 'mode');
  if (mode === undefined) {
    if (own(old, 'enabled') === false) mode = 'off';
    else if (typeof own(old, 'autoPersona') === 'boolean') mode = own(old, 'autoPersona') ? 'auto' : 'suggest';
  }
  const router = isRecord(own(old, 'router')) ? { ...(own(old, 'router') as Json) } : {};
  const moves: Array<[string, string]> = [
    ['policy', 'policy'],
    ['threshold', 'threshold'],
    ['personaLength', 'personaLength'],
    ['personas', 'personaOverrides'],
    ['personaOverrides', 'personaOverrides'],
  ];
  for (const [from, to] of moves) {
    if (router[to] === undefined && own(old, from) !== undefined) router[to] = own(old, from);
  }
  return { version: 1, mode, sites: own(old, 'sites'), router, history: own(old, 'history') };
}

const MIGRATIONS: Record<number, (old: Json) => Json> = {
  0: migrateV0toV1,
};

/** Runs the steps from `from` up to SETTINGS_VERSION; null when a step is missing. */
function migrate(obj: Json, from: number): Json | null {
  let current = obj;
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return null;
    current = step(current);
  }
  return current;
}

function storedVersion(obj: Json): number | null {
  const v = own(obj, 'version');
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

// ---------------------------------------------------------------------------------------------------------
// Lenient

function normalizeMode(value: unknown): Mode {
  return isOneOf(value, MODES) ? value : DEFAULT_SETTINGS.mode;
}

function normalizeSites(value: unknown): Settings['sites'] {
  const sites = { ...DEFAULT_SETTINGS.sites };
  if (!isRecord(value)) return sites;
  for (const site of SITE_IDS) {
    const on = own(value, site);
    if (typeof on === 'boolean') sites[site] = on;
  }
  return sites;
}

function normalizePolicy(value: unknown): RoutingPolicy {
  const policy = { ...DEFAULT_POLICY };
  if (!isRecord(value)) return policy;
  for (const category of CATEGORIES) {
    const action = own(value, category);
    if (isOneOf(action, POLICY_ACTIONS)) policy[category] = action;
  }
  return policy;
}

function normalizeThreshold(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_ROUTER_SETTINGS.threshold;
  return Math.min(1, Math.max(0, value));
}

function normalizeOverrides(value: unknown): PersonaOverrides {
  const overrides: PersonaOverrides = {};
  if (!isRecord(value)) return overrides;
  for (const [id, texts] of Object.entries(value)) {
    if (!PERSONA_ID.test(id) || !isRecord(texts)) continue;
    const kept: Partial<Record<PersonaLength, string>> = {};
    for (const length of PERSONA_LENGTHS) {
      const text = own(texts, length);
      if (typeof text === 'string' && validatePersonaText(text) === null) kept[length] = text;
    }
    if (Object.keys(kept).length > 0) overrides[id] = kept;
  }
  return overrides;
}

function normalizeRouter(value: unknown): RouterSettings {
  const router = isRecord(value) ? value : {};
  const length = own(router, 'personaLength');
  return {
    policy: normalizePolicy(own(router, 'policy')),
    threshold: normalizeThreshold(own(router, 'threshold')),
    personaLength: isOneOf(length, PERSONA_LENGTHS) ? length : DEFAULT_ROUTER_SETTINGS.personaLength,
    personaOverrides: normalizeOverrides(own(router, 'personaOverrides')),
  };
}

function normalizeCount(value: unknown, fallback: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const whole = Math.floor(value);
  return whole < 1 ? fallback : Math.min(whole, max);
}

function normalizeHistory(value: unknown): HistoryRetention {
  const history = isRecord(value) ? value : {};
  return {
    maxEntries: normalizeCount(own(history, 'maxEntries'), DEFAULT_SETTINGS.history.maxEntries, MAX_HISTORY_ENTRIES),
    maxDays: normalizeCount(own(history, 'maxDays'), DEFAULT_SETTINGS.history.maxDays, MAX_HISTORY_DAYS),
  };
}

/**
 * Settings from storage, made whole: never throws, always returns a fresh object. Older shapes are migrated;
 * a version newer than this build (a downgrade) or an unreadable one is read field by field as the current
 * shape, keeping whatever still fits.
 */
export function normalizeSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return defaultSettings();
  let obj: Json = raw;
  const version = storedVersion(raw);
  if (version !== null && version < SETTINGS_VERSION) obj = migrate(raw, version) ?? raw;
  return {
    version: SETTINGS_VERSION,
    mode: normalizeMode(own(obj, 'mode')),
    sites: normalizeSites(own(obj, 'sites')),
    router: normalizeRouter(own(obj, 'router')),
    history: normalizeHistory(own(obj, 'history')),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Strict: export and import

export interface SettingsExport {
  app: typeof EXPORT_APP;
  kind: typeof EXPORT_KIND;
  version: typeof SETTINGS_VERSION;
  settings: Settings;
}

/** The JSON document the options page saves; parseSettingsImport reads it back. */
export function exportSettings(settings: Settings): SettingsExport {
  return { app: EXPORT_APP, kind: EXPORT_KIND, version: SETTINGS_VERSION, settings: normalizeSettings(settings) };
}

/**
 * Why an import was refused. `code` names a message in the i18n catalogue (`importError_<code>`) that
 * takes `substitutions` in order; `error` is the same sentence in English, for logs and tests.
 */
export type ImportErrorCode =
  | 'missing'
  | 'notObject'
  | 'unknownKey'
  | 'notOneOf'
  | 'notBoolean'
  | 'notCount'
  | 'notPersonaId'
  | 'notText'
  | 'personaEmpty'
  | 'personaTooLong'
  | 'versionMismatch'
  | 'thresholdRange'
  | 'foreign'
  | 'notJson'
  | 'badVersion'
  | 'newerVersion'
  | 'tooOld'
  | 'unreadable';

export type ImportResult =
  | { ok: true; settings: Settings }
  | { ok: false; error: string; code: ImportErrorCode; substitutions: string[] };

class ImportError extends Error {
  constructor(
    message: string,
    readonly code: ImportErrorCode,
    readonly substitutions: string[],
  ) {
    super(message);
  }
}

function fail(code: ImportErrorCode, substitutions: string[], english: string): never {
  throw new ImportError(english, code, substitutions);
}

function list(options: readonly string[]): string {
  return options.length <= 2
    ? options.join(' or ')
    : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
}

function requireRecord(value: unknown, path: string): Json {
  if (value === undefined) fail('missing', [path], `${path} is missing.`);
  if (!isRecord(value)) fail('notObject', [path], `${path} must be an object.`);
  return value;
}

function rejectUnknownKeys(obj: Json, known: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) fail('unknownKey', [`${path}.${key}`], `${path}.${key} is not a Persona Router setting.`);
  }
}

function requireOneOf<T extends string>(value: unknown, options: readonly T[], path: string): T {
  if (value === undefined) fail('missing', [path], `${path} is missing.`);
  if (!isOneOf(value, options)) fail('notOneOf', [path, options.join(', ')], `${path} must be ${list(options)}.`);
  return value;
}

function requireBoolean(value: unknown, path: string): boolean {
  if (value === undefined) fail('missing', [path], `${path} is missing.`);
  if (typeof value !== 'boolean') fail('notBoolean', [path], `${path} must be true or false.`);
  return value;
}

function requireCount(value: unknown, max: number, path: string): number {
  if (value === undefined) fail('missing', [path], `${path} is missing.`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    fail('notCount', [path, String(max)], `${path} must be a whole number from 1 to ${max.toLocaleString('en-US')}.`);
  }
  return value;
}

function parseOverrides(value: unknown, path: string): PersonaOverrides {
  const obj = requireRecord(value, path);
  const overrides: PersonaOverrides = {};
  for (const [id, texts] of Object.entries(obj)) {
    if (!PERSONA_ID.test(id)) fail('notPersonaId', [path, id.slice(0, 40)], `${path} has an entry "${id.slice(0, 40)}" that is not a persona id.`);
    const textsPath = `${path}.${id}`;
    const entry = requireRecord(texts, textsPath);
    rejectUnknownKeys(entry, PERSONA_LENGTHS, textsPath);
    const kept: Partial<Record<PersonaLength, string>> = {};
    for (const length of PERSONA_LENGTHS) {
      const text = own(entry, length);
      if (text === undefined) continue;
      if (typeof text !== 'string') fail('notText', [`${textsPath}.${length}`], `${textsPath}.${length} must be text.`);
      const problem = validatePersonaText(text);
      if (problem) {
        const where = `${textsPath}.${length}`;
        if (text.trim() === '') fail('personaEmpty', [where], `${where}: ${problem}`);
        fail('personaTooLong', [where, String(MAX_PERSONA_TEXT)], `${where}: ${problem}`);
      }
      kept[length] = text;
    }
    overrides[id] = kept;
  }
  return overrides;
}

function parseSettingsObject(value: unknown): Settings {
  const s = requireRecord(value, 'settings');
  rejectUnknownKeys(s, ['version', 'mode', 'sites', 'router', 'history'], 'settings');
  const innerVersion = own(s, 'version');
  if (innerVersion !== undefined && innerVersion !== SETTINGS_VERSION) {
    fail('versionMismatch', [String(SETTINGS_VERSION)], `settings.version must be ${SETTINGS_VERSION}, the same as the file's version.`);
  }

  const sitesIn = requireRecord(own(s, 'sites'), 'sites');
  rejectUnknownKeys(sitesIn, SITE_IDS, 'sites');
  const sites = {} as Settings['sites'];
  for (const site of SITE_IDS) sites[site] = requireBoolean(own(sitesIn, site), `sites.${site}`);

  const routerIn = requireRecord(own(s, 'router'), 'router');
  rejectUnknownKeys(routerIn, ['policy', 'threshold', 'personaLength', 'personaOverrides'], 'router');
  const policyIn = requireRecord(own(routerIn, 'policy'), 'router.policy');
  rejectUnknownKeys(policyIn, CATEGORIES, 'router.policy');
  const policy = {} as RoutingPolicy;
  for (const category of CATEGORIES) {
    policy[category] = requireOneOf(own(policyIn, category), POLICY_ACTIONS, `router.policy.${category}`);
  }
  const threshold = own(routerIn, 'threshold');
  if (threshold === undefined) fail('missing', ['router.threshold'], 'router.threshold is missing.');
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    fail('thresholdRange', [], 'router.threshold must be a number from 0 to 1.');
  }

  const historyIn = requireRecord(own(s, 'history'), 'history');
  rejectUnknownKeys(historyIn, ['maxEntries', 'maxDays'], 'history');

  return {
    version: SETTINGS_VERSION,
    mode: requireOneOf(own(s, 'mode'), MODES, 'mode'),
    sites,
    router: {
      policy,
      threshold,
      personaLength: requireOneOf(own(routerIn, 'personaLength'), PERSONA_LENGTHS, 'router.personaLength'),
      personaOverrides: parseOverrides(own(routerIn, 'personaOverrides'), 'router.personaOverrides'),
    },
    history: {
      maxEntries: requireCount(own(historyIn, 'maxEntries'), MAX_HISTORY_ENTRIES, 'history.maxEntries'),
      maxDays: requireCount(own(historyIn, 'maxDays'), MAX_HISTORY_DAYS, 'history.maxDays'),
    },
  };
}

const FOREIGN = 'This is not a Persona Router settings file.';

/**
 * Reads an exported settings file (the parsed JSON, or its text). All or nothing: on any problem the result
 * names the first bad field (paths are relative to the file's "settings" object) and carries no settings.
 */
export function parseSettingsImport(raw: unknown): ImportResult {
  try {
    let doc = raw;
    if (typeof raw === 'string') {
      try {
        doc = JSON.parse(raw);
      } catch {
        fail('notJson', [], `${FOREIGN} It is not valid JSON.`);
      }
    }
    if (!isRecord(doc) || own(doc, 'app') !== EXPORT_APP || own(doc, 'kind') !== EXPORT_KIND) fail('foreign', [], FOREIGN);
    const version = own(doc, 'version');
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      fail('badVersion', [], `${FOREIGN} Its version is missing or invalid.`);
    }
    if (version > SETTINGS_VERSION) {
      fail('newerVersion', [String(version)], `This file comes from a newer Persona Router (settings version ${version}); update the extension to import it.`);
    }
    let settings = own(doc, 'settings');
    if (version < SETTINGS_VERSION && isRecord(settings)) {
      settings = migrate(settings, version) ?? fail('tooOld', [String(version)], `Settings version ${version} can no longer be imported.`);
    }
    return { ok: true, settings: parseSettingsObject(settings) };
  } catch (error) {
    if (error instanceof ImportError) {
      return { ok: false, error: error.message, code: error.code, substitutions: error.substitutions };
    }
    return { ok: false, error: `${FOREIGN} It could not be read.`, code: 'unreadable', substitutions: [] };
  }
}
