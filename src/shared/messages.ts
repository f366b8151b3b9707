import type { Decision } from '../router/types';
import type { Settings, SiteId } from './settings';

/**
 * Runtime messages, named for their direction (CStoBG: content script to background, UItoBG: popup or
 * options page to background). The worker validates every one on receipt (validate-message.ts).
 */

/** How the content script finally sent a message. */
export type Outcome =
  | 'inserted' // auto mode put the persona in before sending
  | 'suggested-accepted' // the user clicked Insert on the chip
  | 'unchanged' // routed, nothing added (neutral, suggest-only, or already had a persona)
  | 'not-routed'; // the worker did not answer in time or something failed: sent unmodified

export interface HistoryEntry {
  id: string;
  time: number;
  site: SiteId;
  conversationId: string;
  /** The tab it was sent from, filled in by the worker from the sender (the popup lists its tab's entries). */
  tabId?: number;
  /** Hash of the sent message text (the text itself is never stored). */
  textHash: string;
  outcome: Outcome;
  decision: Decision | null;
}

export interface TabStatus {
  site: SiteId | null;
  /** null until the content script reports. */
  composerFound: boolean | null;
}

export type CStoBG =
  | { type: 'CStoBG:classify'; text: string }
  | { type: 'CStoBG:record'; entry: Omit<HistoryEntry, 'id' | 'tabId'> }
  | { type: 'CStoBG:badges'; site: SiteId; conversationId: string }
  | { type: 'CStoBG:status'; site: SiteId; composerFound: boolean }
  /** A new chat got its id after the first send: move this tab's entries from `from` to `to`. */
  | { type: 'CStoBG:rekey'; site: SiteId; from: string; to: string; textHashes: string[] }
  | { type: 'CStoBG:getSettings' };

export type UItoBG =
  | { type: 'UItoBG:getSettings' }
  | { type: 'UItoBG:setSettings'; settings: Settings }
  | { type: 'UItoBG:resetSettings' }
  | { type: 'UItoBG:history'; site?: SiteId; tabId?: number; limit?: number }
  | { type: 'UItoBG:clearHistory' }
  | { type: 'UItoBG:tabStatus'; tabId: number }
  | { type: 'UItoBG:classify'; text: string };

export type BGtoCS = { type: 'BGtoCS:settingsChanged'; settings: Settings };

/** Responses, by request type. */
export interface Responses {
  'CStoBG:classify': Decision;
  'CStoBG:record': { ok: true };
  'CStoBG:badges': HistoryEntry[];
  'CStoBG:status': { ok: true };
  'CStoBG:rekey': { ok: true };
  'CStoBG:getSettings': Settings;
  'UItoBG:getSettings': Settings;
  'UItoBG:setSettings': Settings;
  'UItoBG:resetSettings': Settings;
  'UItoBG:history': HistoryEntry[];
  'UItoBG:clearHistory': { ok: true };
  'UItoBG:tabStatus': TabStatus;
  'UItoBG:classify': Decision;
}

export type Request = CStoBG | UItoBG;
