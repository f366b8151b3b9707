import { hashText } from '../shared/text-hash';
import { badgeDetails, badgeKind, badgeLabel } from './badge-text';
import { createShadowHost } from './shadow-host';
import type { ContentContext } from './context';
import type { Known } from './decision-book';

/**
 * Every user message sent while the extension is on gets a small badge ("Persona · writing", "Neutral ·
 * math", "Not routed") with a popover giving confidence, reason and persona. Decisions come from the page's
 * DecisionBook, which is filled from the worker per conversation, so badges come back after a reload and
 * when the user returns to a conversation (SPA navigation included).
 */

/** On the host element: lets tests and our own adapters find badges; the value is the badge kind. */
export const BADGE_ATTRIBUTE = 'data-persona-router-badge';
const RESCAN_MS = 150;
const LOAD_BUDGET_MS = 5_000;

const BADGE_CSS = `
:host { all: initial; display: inline-block; position: relative; margin: 4px 0 0 0; vertical-align: middle; }
button { all: unset; cursor: default; font: 11px/1.4 system-ui, sans-serif; padding: 1px 8px; border-radius: 999px;
  color: #57606a; background: #f6f8fa; border: 1px solid #d0d7de; }
:host([${BADGE_ATTRIBUTE}="persona"]) button { color: #8250df; border-color: #c297ff; }
:host([${BADGE_ATTRIBUTE}="suggested"]) button { color: #8250df; border-style: dashed; }
:host([${BADGE_ATTRIBUTE}="not-routed"]) button { color: #9a6700; border-color: #d4a72c; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
[role="tooltip"] { display: none; position: absolute; right: 0; top: calc(100% + 4px); z-index: 2147483646;
  width: max-content; max-width: 320px; padding: 6px 8px; border-radius: 6px; white-space: normal;
  font: 12px/1.4 system-ui, sans-serif; color: #fff; background: #24292f; }
:host(:hover) [role="tooltip"], button:focus + [role="tooltip"] { display: block; }
[role="tooltip"] div + div { margin-top: 2px; }
@media (prefers-color-scheme: dark) { button { color: #adbac7; background: #22272e; border-color: #444c56; } }`;

interface BadgeParts {
  host: HTMLElement;
  button: HTMLButtonElement;
  tip: HTMLElement;
}

const badges = new WeakMap<HTMLElement, BadgeParts & { hash: string }>();

function createBadge(doc: Document): BadgeParts {
  const { host, root } = createShadowHost(doc, 'span', BADGE_CSS);
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-describedby', 'tip');
  const tip = doc.createElement('div');
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  root.append(button, tip);
  return { host, button, tip };
}

function fill(parts: BadgeParts, known: Known, ctx: ContentContext): void {
  parts.host.setAttribute(BADGE_ATTRIBUTE, badgeKind(known));
  parts.button.textContent = badgeLabel(known, ctx.t);
  parts.tip.replaceChildren(
    ...badgeDetails(known, ctx.t).map((line) => {
      const row = ctx.doc.createElement('div');
      row.textContent = line;
      return row;
    }),
  );
}

export function initMessageBadges(ctx: ContentContext, signal: AbortSignal): { urlChanged(from: URL, to: URL): void } {
  const { doc, adapter, book } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hashes = new WeakMap<HTMLElement, { length: number; hash: string }>();

  const hashOf = (element: HTMLElement, text: string): string => {
    // textContent length is a cheap check that the message was not re-rendered with other text.
    const length = element.textContent?.length ?? 0;
    const cached = hashes.get(element);
    if (cached && cached.length === length) return cached.hash;
    const hash = hashText(text);
    hashes.set(element, { length, hash });
    return hash;
  };

  const scan = (): void => {
    if (signal.aborted) return;
    for (const message of adapter.userMessages(doc)) {
      const hash = hashOf(message.element, message.text);
      const existing = badges.get(message.element);
      if (existing?.hash === hash && existing.host.isConnected) continue;
      const known = book.get(hash);
      if (!known || known === 'pending') {
        existing?.host.remove();
        continue;
      }
      const parts = existing ?? createBadge(doc);
      fill(parts, known, ctx);
      badges.set(message.element, { ...parts, hash });
      if (parts.host.parentElement !== message.element) message.element.append(parts.host);
    }
  };

  const schedule = (): void => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      scan();
    }, RESCAN_MS);
  };

  const load = async (url: URL): Promise<void> => {
    const entries = await ctx.ask(
      { type: 'CStoBG:badges', site: adapter.id, conversationId: adapter.conversationId(url) },
      LOAD_BUDGET_MS,
    );
    if (signal.aborted || ctx.url().href !== url.href) return;
    if (entries) book.load(entries);
    scan();
  };

  book.onChange(schedule, signal);
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const host of Array.from(doc.querySelectorAll(`[${BADGE_ATTRIBUTE}]`))) host.remove();
  });
  void load(ctx.url());

  return {
    urlChanged(from, to) {
      const before = adapter.conversationId(from);
      const after = adapter.conversationId(to);
      if (before === after) return;
      // A new chat gets its id after the first send: what was recorded as 'new' belongs to it now.
      if (before === 'new' && after !== 'new' && ctx.recordedInNewChat.size > 0) {
        const textHashes = [...ctx.recordedInNewChat].slice(-200);
        ctx.recordedInNewChat.clear();
        void ctx
          .ask({ type: 'CStoBG:rekey', site: adapter.id, from: before, to: after, textHashes }, LOAD_BUDGET_MS)
          .then(() => load(to));
        return;
      }
      void load(to);
    },
  };
}
