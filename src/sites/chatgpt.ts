import type { SiteDefinition } from './types';

/**
 * chatgpt.com. "Snapshot" below means ../shared/fixtures/sites/chatgpt-chat-simple.html, captured from the
 * live site in January 2026; "live" means seen on the site but absent from that snapshot.
 */
export const chatgpt: SiteDefinition = {
  id: 'chatgpt',
  editor: 'prosemirror',
  hosts: ['chatgpt.com', 'chat.openai.com'],
  selectors: {
    composer: [
      // Snapshot, Jan 2026: <div contenteditable id="prompt-textarea" class="ProseMirror"> inside form[data-type="unified-composer"].
      '#prompt-textarea.ProseMirror[contenteditable="true"]',
      // Same element if the class is renamed.
      'div#prompt-textarea[contenteditable="true"]',
      // Snapshot, Jan 2026: the composer form; any ProseMirror in it if the id goes.
      'form[data-type="unified-composer"] .ProseMirror[contenteditable="true"]',
    ],
    composerFallback: [
      // Snapshot, Jan 2026: hidden textarea[name="prompt-textarea"] next to the editor, used before hydration.
      'textarea[name="prompt-textarea"]',
      // Live until mid-2024: the composer itself was textarea#prompt-textarea.
      'textarea#prompt-textarea',
    ],
    sendButton: [
      // Live, Jan 2026 (shown once the composer holds text): button#composer-submit-button[data-testid="send-button"].
      'button[data-testid="send-button"]',
      // The stop button reuses the id while streaming, hence the exclusion.
      'button#composer-submit-button:not([data-testid="stop-button"])',
      // Live, 2025: accessible name of the same button.
      'button[aria-label="Send prompt"]',
    ],
    busy: [
      // Live, 2025-Jan 2026: the send button turns into button[data-testid="stop-button"] while an answer streams.
      'button[data-testid="stop-button"]',
      // Live, 2024-2025: accessible names of that stop button.
      'button[aria-label="Stop streaming"]',
      'button[aria-label="Stop generating"]',
      // Live, 2023-2025: class on the assistant message that is still streaming.
      '.result-streaming',
    ],
    userMessage: [
      // Snapshot, Jan 2026: <div data-message-author-role="user"> inside article[data-turn="user"].
      '[data-message-author-role="user"]',
      // Snapshot, Jan 2026: the turn article, if the role attribute goes.
      'article[data-turn="user"]',
    ],
    userMessageText: [
      // Snapshot, Jan 2026: the bubble's text sits in div.whitespace-pre-wrap.
      '.whitespace-pre-wrap',
    ],
    userMessageIgnore: [
      // Snapshot, Jan 2026: h5.sr-only "You said:" opens each user turn.
      '.sr-only',
    ],
  },
  conversationPaths: [
    // Live: /c/<id>, and /g/<gpt>/c/<id> inside a custom GPT.
    /(?:^|\/)c\/([A-Za-z0-9_-]+)/,
  ],
};
