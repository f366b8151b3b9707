import { CATEGORIES, type Decision } from '../router/types';
import type { CStoBG, HistoryEntry, Outcome, Request, UItoBG } from '../shared/messages';
import { MODES, SITE_IDS, type SiteId } from '../shared/settings';

/**
 * Every runtime message is checked here before the worker acts on it: a known type, exactly the expected
 * fields with their types and size limits, and a sender that is this extension — content-script messages
 * from a tab on a supported site, UI messages from one of our own pages. Anything else is refused.
 */

/** Longer than any prompt a chat site accepts, short enough that a hostile page cannot make us hash megabytes. */
export const MAX_TEXT = 400_000;
export const MAX_CONVERSATION_ID = 200;
export const MAX_REASON = 1_000;
export const MAX_PERSONA_FIELD = 4_000;
export const MAX_REKEY_HASHES = 200;
export const MAX_HISTORY_LIMIT = 10_000;
const TEXT_HASH = /^[0-9a-z]{1,8}-[0-9a-f]{16}$/;
const OUTCOMES: readonly Outcome[] = ['inserted', 'suggested-accepted', 'unchanged', 'not-routed'];

/** The parts of runtime.MessageSender we rely on (the polyfill's and Chrome's types both fit). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface ValidationContext {
  extensionId: string;
  /** runtime.getURL(''), e.g. chrome-extension://<id>/ */
  extensionBase: string;
  /** The supported site a page URL belongs to, or null. */
  siteFor(url: string): SiteId | null;
}

export type Validation = { ok: true; message: Request; site: SiteId | null } | { ok: false; reason: string };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when obj has exactly the required keys, plus any of the optional ones. */
function hasKeys(obj: Json, required: readonly string[], optional: readonly string[] = []): boolean {
  const keys = Object.keys(obj);
  return (
    required.every((k) => Object.prototype.hasOwnProperty.call(obj, k)) &&
    keys.every((k) => required.includes(k) || optional.includes(k))
  );
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isSite = (v: unknown): v is SiteId => typeof v === 'string' && (SITE_IDS as readonly string[]).includes(v);
const isCount = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isUnit = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

export function isDecision(value: unknown): value is Decision {
  if (!isRecord(value)) return false;
  if (!hasKeys(value, ['category', 'confidence', 'scores', 'route', 'action', 'reason'], ['persona'])) return false;
  const { category, confidence, scores, route, action, reason, persona } = value;
  if (category !== null && !(CATEGORIES as readonly unknown[]).includes(category)) return false;
  if (!isUnit(confidence)) return false;
  if (!isRecord(scores) || !hasKeys(scores, CATEGORIES) || !CATEGORIES.every((c) => isUnit(scores[c]))) return false;
  if (route !== 'persona' && route !== 'neutral') return false;
  if (action !== null && action !== 'auto' && action !== 'suggest' && action !== 'never') return false;
  if (!isString(reason, MAX_REASON)) return false;
  if (persona === undefined) return true;
  return (
    isRecord(persona) &&
    hasKeys(persona, ['id', 'name', 'text']) &&
    isString(persona.id, 64) &&
    isString(persona.name, 200) &&
    isString(persona.text, MAX_PERSONA_FIELD)
  );
}

function isRecordEntry(value: unknown): value is Omit<HistoryEntry, 'id' | 'tabId'> {
  if (!isRecord(value)) return false;
  if (!hasKeys(value, ['time', 'site', 'conversationId', 'textHash', 'outcome', 'decision'])) return false;
  return (
    typeof value.time === 'number' &&
    Number.isFinite(value.time) &&
    value.time > 0 &&
    isSite(value.site) &&
    isString(value.conversationId, MAX_CONVERSATION_ID) &&
    value.conversationId !== '' &&
    typeof value.textHash === 'string' &&
    TEXT_HASH.test(value.textHash) &&
    (OUTCOMES as readonly unknown[]).includes(value.outcome) &&
    (value.decision === null || isDecision(value.decision))
  );
}

/** The settings object's outer shape; field values are normalized by the settings store afterwards. */
function looksLikeSettings(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (!hasKeys(value, ['version', 'mode', 'sites', 'router', 'history'])) return false;
  return (
    value.version === 1 &&
    (MODES as readonly unknown[]).includes(value.mode) &&
    isRecord(value.sites) &&
    isRecord(value.router) &&
    isRecord(value.history) &&
    JSON.stringify(value).length <= 200_000
  );
}

function checkContentMessage(m: Json): m is CStoBG {
  switch (m.type) {
    case 'CStoBG:classify':
      return hasKeys(m, ['type', 'text']) && isString(m.text, MAX_TEXT);
    case 'CStoBG:record':
      return hasKeys(m, ['type', 'entry']) && isRecordEntry(m.entry);
    case 'CStoBG:badges':
      return (
        hasKeys(m, ['type', 'site', 'conversationId']) &&
        isSite(m.site) &&
        isString(m.conversationId, MAX_CONVERSATION_ID)
      );
    case 'CStoBG:status':
      return hasKeys(m, ['type', 'site', 'composerFound']) && isSite(m.site) && typeof m.composerFound === 'boolean';
    case 'CStoBG:rekey':
      return (
        hasKeys(m, ['type', 'site', 'from', 'to', 'textHashes']) &&
        isSite(m.site) &&
        isString(m.from, MAX_CONVERSATION_ID) &&
        isString(m.to, MAX_CONVERSATION_ID) &&
        m.to !== '' &&
        Array.isArray(m.textHashes) &&
        m.textHashes.length <= MAX_REKEY_HASHES &&
        m.textHashes.every((h) => typeof h === 'string' && TEXT_HASH.test(h))
      );
    case 'CStoBG:getSettings':
      return hasKeys(m, ['type']);
    default:
      return false;
  }
}

function checkUiMessage(m: Json): m is UItoBG {
  switch (m.type) {
    case 'UItoBG:getSettings':
    case 'UItoBG:resetSettings':
    case 'UItoBG:clearHistory':
      return hasKeys(m, ['type']);
    case 'UItoBG:setSettings':
      return hasKeys(m, ['type', 'settings']) && looksLikeSettings(m.settings);
    case 'UItoBG:history':
      return (
        hasKeys(m, ['type'], ['site', 'tabId', 'limit']) &&
        (m.site === undefined || isSite(m.site)) &&
        (m.tabId === undefined || isCount(m.tabId, 0, Number.MAX_SAFE_INTEGER)) &&
        (m.limit === undefined || isCount(m.limit, 1, MAX_HISTORY_LIMIT))
      );
    case 'UItoBG:tabStatus':
      return hasKeys(m, ['type', 'tabId']) && isCount(m.tabId, 0, Number.MAX_SAFE_INTEGER);
    case 'UItoBG:classify':
      return hasKeys(m, ['type', 'text']) && isString(m.text, MAX_TEXT);
    default:
      return false;
  }
}

export function validateMessage(message: unknown, sender: SenderLike, ctx: ValidationContext): Validation {
  if (!isRecord(message) || typeof message.type !== 'string') return { ok: false, reason: 'not a message' };
  if (sender.id !== ctx.extensionId) return { ok: false, reason: `foreign sender ${String(sender.id)}` };
  const type = message.type;

  if (type.startsWith('CStoBG:')) {
    const url = sender.url;
    const site = typeof url === 'string' ? ctx.siteFor(url) : null;
    if (!sender.tab || typeof sender.tab.id !== 'number' || site === null) {
      return { ok: false, reason: `${type} not from a tab on a supported site` };
    }
    if (!checkContentMessage(message)) return { ok: false, reason: `malformed ${type}` };
    const claimed = 'site' in message ? message.site : message.type === 'CStoBG:record' ? message.entry.site : site;
    if (claimed !== site) return { ok: false, reason: `${type} names ${String(claimed)} but comes from ${site}` };
    return { ok: true, message, site };
  }

  if (type.startsWith('UItoBG:')) {
    if (typeof sender.url !== 'string' || !sender.url.startsWith(ctx.extensionBase)) {
      return { ok: false, reason: `${type} not from an extension page` };
    }
    if (!checkUiMessage(message)) return { ok: false, reason: `malformed ${type}` };
    return { ok: true, message, site: null };
  }

  return { ok: false, reason: `unknown type ${type.slice(0, 60)}` };
}
