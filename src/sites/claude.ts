import type { SiteDefinition } from './types';

/**
 * claude.ai. "Snapshot" below means ../shared/fixtures/sites/claude-chat-simple.html, captured from the
 * live site in January 2026; "live" means seen on the site but absent from that snapshot.
 */
export const claude: SiteDefinition = {
  id: 'claude',
  editor: 'prosemirror',
  hosts: ['claude.ai'],
  selectors: {
    composer: [
      // Snapshot, Jan 2026: <div contenteditable role="textbox" data-testid="chat-input" class="tiptap ProseMirror">.
      '[data-testid="chat-input"][contenteditable="true"]',
      // Same editor if the test id goes: its accessible name.
      'div[contenteditable="true"][aria-label="Write your prompt to Claude"]',
      // Snapshot, Jan 2026: the editor sits in [data-testid="chat-input-grid-area"].
      '[data-testid="chat-input-grid-area"] .ProseMirror[contenteditable="true"]',
    ],
    composerFallback: [
      // Snapshot, Jan 2026: server-rendered textarea[data-testid="chat-input-ssr"] shown until the editor hydrates.
      'textarea[data-testid="chat-input-ssr"]',
    ],
    sendButton: [
      // Live, Jan 2026 (shown once the composer holds text).
      'button[aria-label="Send message"]',
      // Live, 2024: the same button with a capital M.
      'button[aria-label="Send Message"]',
    ],
    busy: [
      // Live, 2025-Jan 2026: the send button becomes "Stop response" while an answer streams.
      'button[aria-label="Stop response"]',
      // Snapshot, Jan 2026: each answer carries data-is-streaming, "false" once done.
      '[data-is-streaming="true"]',
    ],
    userMessage: [
      // Snapshot, Jan 2026: <div data-testid="user-message"> holding the rendered paragraphs and lists.
      '[data-testid="user-message"]',
      // Snapshot, Jan 2026: its font class, if the test id goes.
      '.font-user-message',
    ],
    // Snapshot, Jan 2026: the message element holds only the rendered text, no wrapper to pick.
    userMessageText: [],
    // Defensive: visually hidden labels, as ChatGPT uses; none inside Claude's messages in Jan 2026.
    userMessageIgnore: ['.sr-only'],
  },
  conversationPaths: [
    // Live: /chat/<uuid>.
    /^\/chat\/([A-Za-z0-9_-]+)/,
  ],
};
