import type { Decision } from '../router/types';
import type { ContentContext } from './context';
import { insertPreamble } from './insert-preamble';
import { createShadowHost } from './shadow-host';

/**
 * While the user types, the prompt is routed (debounced, in the worker); when the route is a persona the
 * user has to accept — every persona in suggest mode, the suggest-only categories in auto mode — a small chip
 * near the composer offers "Add <persona>" with Insert and Dismiss. Nothing changes unless Insert is chosen.
 * Dismiss holds for the prompt being written: the chip returns once the composer has been emptied.
 */

const DEBOUNCE_MS = 350;
const CLASSIFY_BUDGET_MS = 2_000;
/** Marks our host element so the page's own code and our adapters can tell it apart. */
export const CHIP_ATTRIBUTE = 'data-persona-router-chip';

const CHIP_CSS = `
:host { all: initial; position: fixed; z-index: 2147483646; }
.chip { display: flex; gap: 6px; align-items: center; padding: 4px 6px 4px 10px; border-radius: 999px;
  font: 13px/1.3 system-ui, sans-serif; color: #1f2328; background: #f6f8fa; border: 1px solid #d0d7de;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); }
button { font: inherit; border-radius: 999px; border: 1px solid #d0d7de; background: #fff; color: inherit;
  padding: 2px 10px; cursor: pointer; }
button.insert { background: #1f6feb; border-color: #1f6feb; color: #fff; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .chip { color: #e6edf3; background: #161b22; border-color: #30363d; }
  button { background: #21262d; border-color: #30363d; }
}`;

/** Whether a routing decision calls for the chip in this mode (auto inserts the 'auto' ones by itself). */
export function wantsChip(decision: Decision | null, mode: 'suggest' | 'auto'): boolean {
  if (!decision || decision.route !== 'persona' || !decision.persona) return false;
  return mode === 'suggest' ? decision.action !== 'never' : decision.action === 'suggest';
}

interface Chip {
  show(decision: Decision, composer: HTMLElement): void;
  hide(): void;
  remove(): void;
}

function createChip(ctx: ContentContext, onInsert: () => void, onDismiss: () => void): Chip {
  const { doc } = ctx;
  const { host, root } = createShadowHost(doc, 'div', CHIP_CSS);
  host.setAttribute(CHIP_ATTRIBUTE, '');
  const box = doc.createElement('div');
  box.className = 'chip';
  box.setAttribute('role', 'group');
  const label = doc.createElement('span');
  label.id = 'label';
  box.setAttribute('aria-labelledby', 'label');
  const insert = doc.createElement('button');
  insert.type = 'button';
  insert.className = 'insert';
  insert.textContent = ctx.t('chipInsert', 'Insert');
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = ctx.t('chipDismiss', 'Dismiss');
  box.append(label, insert, dismiss);
  root.append(box);
  insert.addEventListener('click', onInsert);
  dismiss.addEventListener('click', onDismiss);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss();
    }
  });

  return {
    show(decision, composer) {
      label.textContent = ctx.t('chipAdd', `Add ${decision.persona?.name ?? ''}`, [decision.persona?.name ?? '']);
      if (!host.isConnected) doc.body.append(host);
      const rect = composer.getBoundingClientRect();
      const height = host.getBoundingClientRect().height || 32;
      const above = rect.top - height - 8;
      host.style.left = `${Math.max(8, rect.left)}px`;
      host.style.top = `${above >= 8 ? above : rect.bottom + 8}px`;
    },
    hide() {
      host.remove();
    },
    remove() {
      host.remove();
    },
  };
}

export function initSuggestionChip(ctx: ContentContext, signal: AbortSignal): void {
  const { doc, adapter } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dismissed = false;
  let shown: { decision: Decision; text: string } | null = null;
  let requestId = 0;

  const composerText = (): { composer: HTMLElement; text: string } | null => {
    const composer = adapter.findComposer(doc);
    return composer ? { composer, text: adapter.readComposerText(composer) } : null;
  };

  const hide = (): void => {
    shown = null;
    chip.hide();
  };

  const focusComposer = (): void => adapter.findComposer(doc)?.focus({ preventScroll: true });

  const onInsert = (): void => {
    const current = composerText();
    const decision = shown?.decision;
    hide();
    if (!current || !decision?.persona) return;
    const preamble = decision.persona.text;
    void insertPreamble(current.composer, adapter, doc, preamble, current.text).then((result) => {
      if (result === 'inserted') {
        const now = adapter.readComposerText(current.composer);
        ctx.accepted = { preamble: now.slice(0, now.length - current.text.length), decision };
      }
      focusComposer();
    });
  };

  const onDismiss = (): void => {
    dismissed = true;
    hide();
    focusComposer();
  };

  const chip = createChip(ctx, onInsert, onDismiss);

  const refresh = async (): Promise<void> => {
    const current = composerText();
    if (!current || current.text.trim() === '') {
      // An emptied composer starts a new prompt: forget the dismissal and the accepted suggestion.
      dismissed = false;
      ctx.accepted = null;
      return hide();
    }
    if (dismissed || (ctx.accepted && current.text.startsWith(ctx.accepted.preamble))) return hide();
    if (shown?.text === current.text) return;
    const id = ++requestId;
    const decision = await ctx.ask({ type: 'CStoBG:classify', text: current.text }, CLASSIFY_BUDGET_MS);
    // Only the newest request counts, and only for the text it was asked about.
    if (id !== requestId || signal.aborted || composerText()?.text !== current.text) return;
    if (decision) ctx.routed = { text: current.text, decision };
    if (!wantsChip(decision, ctx.mode) || !decision) return hide();
    shown = { decision, text: current.text };
    chip.show(decision, current.composer);
  };

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
  };

  doc.addEventListener(
    'input',
    (event) => {
      const composer = adapter.findComposer(doc);
      if (composer && event.target instanceof Node && composer.contains(event.target)) schedule();
    },
    { capture: true, signal },
  );
  // A send empties the composer without an input event; every send passes through the book.
  ctx.book.onChange(schedule, signal);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    chip.remove();
  });
}
