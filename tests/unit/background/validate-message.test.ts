import { describe, expect, test } from 'vitest';
import { MAX_TEXT, validateMessage, type SenderLike } from '../../../src/background/validate-message';
import { defaultSettings } from '../../../src/shared/defaults';
import { hashText } from '../../../src/shared/text-hash';
import { decision } from './fixtures';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ctx = {
  extensionId: ID,
  extensionBase: `chrome-extension://${ID}/`,
  siteFor: (url: string) => {
    const host = new URL(url).hostname;
    return host === 'chatgpt.com' ? 'chatgpt' : host === 'claude.ai' ? 'claude' : null;
  },
} as const;

const contentScript: SenderLike = { id: ID, url: 'https://chatgpt.com/c/abc', tab: { id: 7 } };
const popup: SenderLike = { id: ID, url: `chrome-extension://${ID}/src/ui/popup/index.html` };

const entry = {
  time: 1_700_000_000_000,
  site: 'chatgpt',
  conversationId: 'abc',
  textHash: hashText('Write a poem'),
  outcome: 'inserted',
  decision: decision('writing', 'persona'),
};

const goodContent = [
  { type: 'CStoBG:classify', text: 'Write a poem about autumn' },
  { type: 'CStoBG:record', entry },
  { type: 'CStoBG:record', entry: { ...entry, outcome: 'not-routed', decision: null } },
  { type: 'CStoBG:badges', site: 'chatgpt', conversationId: 'abc' },
  { type: 'CStoBG:status', site: 'chatgpt', composerFound: true },
  { type: 'CStoBG:rekey', site: 'chatgpt', from: 'new', to: 'abc', textHashes: [entry.textHash] },
  { type: 'CStoBG:getSettings' },
];

const goodUi = [
  { type: 'UItoBG:getSettings' },
  { type: 'UItoBG:setSettings', settings: defaultSettings() },
  { type: 'UItoBG:resetSettings' },
  { type: 'UItoBG:history' },
  { type: 'UItoBG:history', site: 'claude', tabId: 3, limit: 20 },
  { type: 'UItoBG:clearHistory' },
  { type: 'UItoBG:tabStatus', tabId: 12 },
  { type: 'UItoBG:classify', text: 'Solve x + 1 = 2' },
];

describe('validateMessage accepts', () => {
  test.each(goodContent)('content-script message $type from a tab on a supported site', (message) => {
    const result = validateMessage(message, contentScript, ctx);
    expect(result).toEqual({ ok: true, message, site: 'chatgpt' });
  });

  test.each(goodUi)('UI message $type from an extension page', (message) => {
    expect(validateMessage(message, popup, ctx)).toEqual({ ok: true, message, site: null });
  });

  test('UI messages from an options page opened in a tab', () => {
    const options = { id: ID, url: `chrome-extension://${ID}/src/ui/options/index.html`, tab: { id: 4 } };
    expect(validateMessage({ type: 'UItoBG:getSettings' }, options, ctx).ok).toBe(true);
  });
});

describe('validateMessage rejects malformed shapes', () => {
  const malformed: Array<[string, unknown]> = [
    ['not an object', 'CStoBG:classify'],
    ['null', null],
    ['an array', [{ type: 'CStoBG:getSettings' }]],
    ['unknown type', { type: 'CStoBG:explode' }],
    ['unknown direction', { type: 'BGtoCS:settingsChanged', settings: defaultSettings() }],
    ['classify without text', { type: 'CStoBG:classify' }],
    ['classify with a number', { type: 'CStoBG:classify', text: 42 }],
    ['classify over the size limit', { type: 'CStoBG:classify', text: 'a'.repeat(MAX_TEXT + 1) }],
    ['an extra field', { type: 'CStoBG:classify', text: 'hi', html: '<b>' }],
    ['record with a bad outcome', { type: 'CStoBG:record', entry: { ...entry, outcome: 'sent-twice' } }],
    ['record with a bad hash', { type: 'CStoBG:record', entry: { ...entry, textHash: 'Write a poem' } }],
    ['record with the text instead of a hash', { type: 'CStoBG:record', entry: { ...entry, text: 'secret' } }],
    ['record with an id', { type: 'CStoBG:record', entry: { ...entry, id: 'x' } }],
    ['record with a tabId chosen by the page', { type: 'CStoBG:record', entry: { ...entry, tabId: 1 } }],
    ['record with an unknown category', { type: 'CStoBG:record', entry: { ...entry, decision: { ...entry.decision, category: 'poetry' } } }],
    ['record with confidence above 1', { type: 'CStoBG:record', entry: { ...entry, decision: { ...entry.decision, confidence: 2 } } }],
    ['record with a missing score', { type: 'CStoBG:record', entry: { ...entry, decision: { ...entry.decision, scores: { writing: 1 } } } }],
    ['record with a persona that is a string', { type: 'CStoBG:record', entry: { ...entry, decision: { ...entry.decision, persona: 'x' } } }],
    ['record with an empty conversation id', { type: 'CStoBG:record', entry: { ...entry, conversationId: '' } }],
    ['record with an infinite time', { type: 'CStoBG:record', entry: { ...entry, time: Infinity } }],
    ['badges for an unknown site', { type: 'CStoBG:badges', site: 'bard', conversationId: 'abc' }],
    ['badges with a huge conversation id', { type: 'CStoBG:badges', site: 'chatgpt', conversationId: 'x'.repeat(201) }],
    ['status with a string flag', { type: 'CStoBG:status', site: 'chatgpt', composerFound: 'yes' }],
    ['rekey with too many hashes', { type: 'CStoBG:rekey', site: 'chatgpt', from: 'new', to: 'a', textHashes: Array(201).fill(entry.textHash) }],
    ['rekey with a bad hash', { type: 'CStoBG:rekey', site: 'chatgpt', from: 'new', to: 'a', textHashes: ['zz'] }],
  ];
  test.each(malformed)('%s', (_name, message) => {
    expect(validateMessage(message, contentScript, ctx).ok).toBe(false);
  });

  const malformedUi: Array<[string, unknown]> = [
    ['setSettings without settings', { type: 'UItoBG:setSettings' }],
    ['setSettings with a wrong version', { type: 'UItoBG:setSettings', settings: { ...defaultSettings(), version: 2 } }],
    ['setSettings with an unknown mode', { type: 'UItoBG:setSettings', settings: { ...defaultSettings(), mode: 'always' } }],
    ['setSettings with a missing field', { type: 'UItoBG:setSettings', settings: { version: 1, mode: 'auto' } }],
    ['history with a negative tab', { type: 'UItoBG:history', tabId: -1 }],
    ['history with a fractional limit', { type: 'UItoBG:history', limit: 2.5 }],
    ['history with an unknown field', { type: 'UItoBG:history', all: true }],
    ['tabStatus with a string tab', { type: 'UItoBG:tabStatus', tabId: '3' }],
  ];
  test.each(malformedUi)('%s', (_name, message) => {
    expect(validateMessage(message, popup, ctx).ok).toBe(false);
  });
});

describe('validateMessage rejects foreign senders', () => {
  test('another extension', () => {
    expect(validateMessage({ type: 'CStoBG:getSettings' }, { ...contentScript, id: 'someoneelse' }, ctx).ok).toBe(false);
    expect(validateMessage({ type: 'UItoBG:getSettings' }, { ...popup, id: undefined }, ctx).ok).toBe(false);
  });

  test('a content-script message from an unsupported site', () => {
    const elsewhere = { id: ID, url: 'https://example.com/', tab: { id: 2 } };
    expect(validateMessage({ type: 'CStoBG:classify', text: 'hi' }, elsewhere, ctx)).toMatchObject({ ok: false });
  });

  test('a content-script message without a tab', () => {
    expect(validateMessage({ type: 'CStoBG:getSettings' }, { id: ID, url: 'https://chatgpt.com/' }, ctx).ok).toBe(false);
  });

  test('a content-script message naming another site than its tab', () => {
    const fromClaude = { id: ID, url: 'https://claude.ai/chat/1', tab: { id: 2 } };
    expect(validateMessage({ type: 'CStoBG:status', site: 'chatgpt', composerFound: true }, fromClaude, ctx).ok).toBe(false);
    expect(validateMessage({ type: 'CStoBG:record', entry }, fromClaude, ctx).ok).toBe(false);
  });

  test('a UI message from a web page or a content script', () => {
    expect(validateMessage({ type: 'UItoBG:setSettings', settings: defaultSettings() }, contentScript, ctx).ok).toBe(false);
    const lookalike = { id: ID, url: `https://evil.example/chrome-extension://${ID}/` };
    expect(validateMessage({ type: 'UItoBG:clearHistory' }, lookalike, ctx).ok).toBe(false);
  });
});
