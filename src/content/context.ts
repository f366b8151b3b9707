import type { Decision } from '../router/types';
import type { SiteAdapter } from '../sites';
import type { CStoBG, Responses } from '../shared/messages';
import type { DecisionBook } from './decision-book';

/** A request to the worker; null on any failure or when budgetMs passes first. */
export type Ask = <R extends CStoBG>(message: R, budgetMs: number) => Promise<Responses[R['type']] | null>;

/** What the content-script features share while the extension is on for this page. */
export interface ContentContext {
  doc: Document;
  adapter: SiteAdapter;
  /** 'off' never gets this far: nothing is wired then. */
  mode: 'suggest' | 'auto';
  ask: Ask;
  book: DecisionBook;
  url(): URL;
  /** The suggestion the user accepted for the prompt being written; cleared once it is sent or emptied. */
  accepted: { preamble: string; decision: Decision } | null;
  /**
   * The worker's decision for the composer's text as it was last routed while the user typed (the chip's
   * debounced request). A held send of exactly that text uses it instead of asking again; settings changes
   * build a new context, so it never outlives the settings it was made with.
   */
  routed: { text: string; decision: Decision } | null;
  /** Hashes recorded while the chat had no id yet, to move once the site gives it one. */
  recordedInNewChat: Set<string>;
  /** Localized text for in-page strings; the English fallback when the key is missing. */
  t(key: string, fallback: string, substitutions?: string[]): string;
}
