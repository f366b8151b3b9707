import type { SiteId } from '../shared/settings';

/** The editor family decides how text can enter the composer (its own input path). */
export type EditorFamily = 'prosemirror' | 'lexical' | 'quill' | 'textarea';

export interface UserMessage {
  element: HTMLElement;
  /** The message as the user sent it (paragraphs joined by "\n"), without screen-reader labels. */
  text: string;
}

/**
 * What the content script needs to know about one chat site. Every method fails safe:
 * when the page does not match, it answers null, [], false or 'new' and never throws.
 */
export interface SiteAdapter {
  id: SiteId;
  editor: EditorFamily;
  findComposer(doc: Document): HTMLElement | null;
  /** The text as the site would send it: paragraphs joined by "\n". */
  readComposerText(composer: HTMLElement): string;
  findSendButton(doc: Document): HTMLElement | null;
  /** The send button when the event target is it or inside it, else null. */
  sendControlFrom(target: EventTarget | null): HTMLElement | null;
  /** True while the site streams an answer (stop button or streaming marker present). */
  isBusy(doc: Document): boolean;
  /** User messages in page order. */
  userMessages(doc: Document): UserMessage[];
  /** The conversation id from the URL path; 'new' for a fresh chat. */
  conversationId(url: URL): string;
}

/** Ordered fallback lists of CSS selectors: the first that matches wins. */
export type SelectorList = readonly string[];

/** A site described as data; create-adapter.ts turns it into a SiteAdapter. */
export interface SiteDefinition {
  id: SiteId;
  editor: EditorFamily;
  /** Hostnames served by this adapter (exact match). */
  hosts: readonly string[];
  selectors: {
    /** The visible rich editor the user types in. */
    composer: SelectorList;
    /** Used only when no composer matches, e.g. the server-rendered textarea before hydration. */
    composerFallback: SelectorList;
    sendButton: SelectorList;
    /** Present only while an answer streams. */
    busy: SelectorList;
    /** One element per user message. */
    userMessage: SelectorList;
    /** Inside a user message, the element holding just the text; the message element itself when none matches. */
    userMessageText: SelectorList;
    /** Inside a user message or its text, elements whose text is not part of the message (visually hidden labels). */
    userMessageIgnore: SelectorList;
  };
  /** Path patterns whose first capture group is the conversation id, tried in order. */
  conversationPaths: readonly RegExp[];
}
