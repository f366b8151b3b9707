import type { Decision } from '../router/types';
import type { Outcome } from '../shared/messages';
import { hashText } from '../shared/text-hash';
import type { ContentContext } from './context';
import { insertPreamble } from './insert-preamble';
import { recordSend } from './record-send';
import { waitForSend, waitUntilIdle } from './wait-for-send';

/**
 * Catches the user's send (Enter in the composer, a click on the send button, the composer's form submit)
 * with one capture-phase listener per event type on the document, so a composer the site re-renders needs
 * no re-attaching. In auto mode the send is held while the worker routes the prompt, the preamble goes in
 * when the policy says so, and the prompt is sent again through one path. In suggest mode nothing is held;
 * the prompt is routed after the fact, for its badge.
 */

/** How long a held send waits for the worker, a cold start included (issue #3), before it goes out unmodified. */
export const SEND_BUDGET_MS = 300;
/** How long the site gets to take a prompt (composer emptied) before we assume it did not. */
const SEND_CONFIRM_MS = 3_000;
/** A held send that finds the site streaming waits this long for it to finish. */
const IDLE_WAIT_MS = 30_000;
/** Sites may submit their form a moment after our click; that submit is still ours. */
const OWN_SUBMIT_WINDOW_MS = 1_000;

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing: boolean;
  keyCode: number;
}

/** Enter alone sends; Shift+Enter is a newline, other modifiers are the site's, and IME composition owns Enter. */
export function isSendKey(e: KeyLike): boolean {
  // keyCode 229: Chrome and Safari report the keydown that ends a composition this way, sometimes without isComposing.
  return e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !e.isComposing && e.keyCode !== 229;
}

export interface Situation {
  ours: boolean;
  sendGesture: boolean;
  holding: boolean;
  busy: boolean;
  empty: boolean;
  /** A previous held send could not be confirmed: let the user's next try through untouched. */
  bypass: boolean;
  mode: 'suggest' | 'auto';
  /** The prompt starts with a suggestion the user accepted from the chip. */
  accepted: boolean;
}

/** pass: not ours to touch; swallow: a repeat while we hold; observe: let it go, badge it; hold: route first. */
export type Verdict = 'pass' | 'swallow' | 'observe' | 'hold';

export function verdict(s: Situation): Verdict {
  if (s.ours || !s.sendGesture) return 'pass';
  // Before anything else, so a second Enter while the first is held can never send twice.
  if (s.holding) return 'swallow';
  // The site ignores sends while it streams; so do we. Nothing to send either.
  if (s.busy || s.empty) return 'pass';
  if (s.bypass || s.mode === 'suggest' || s.accepted) return 'observe';
  return 'hold';
}

function isDisabled(button: HTMLElement): boolean {
  return (button as HTMLButtonElement).disabled === true || button.getAttribute('aria-disabled') === 'true';
}

export function initInterceptSubmit(ctx: ContentContext, signal: AbortSignal): void {
  const { doc, adapter } = ctx;
  let holding = false;
  let resubmitting = false;
  let bypassNext = false;
  let lastResubmit = -Infinity;

  /** The one way a held prompt is sent again: the site's send button, or Enter in the composer without one. */
  const resubmit = (composer: HTMLElement): void => {
    const button = adapter.findSendButton(doc);
    resubmitting = true;
    lastResubmit = performance.now();
    try {
      if (button && !isDisabled(button)) {
        button.click();
      } else {
        const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true };
        composer.dispatchEvent(new KeyboardEvent('keydown', init));
      }
    } finally {
      resubmitting = false;
    }
  };

  const observe = (text: string, outcomeIfRouted: Outcome): void => {
    const accepted = ctx.accepted && text.startsWith(ctx.accepted.preamble) ? ctx.accepted : null;
    const hash = hashText(text);
    ctx.book.expect(hash);
    const decision: Promise<Decision | null> =
      accepted || outcomeIfRouted === 'not-routed'
        ? Promise.resolve(accepted?.decision ?? null)
        : ctx.ask({ type: 'CStoBG:classify', text }, 5_000);
    void waitForSend(ctx, hash, SEND_CONFIRM_MS).then(async (sent) => {
      if (!sent) return ctx.book.drop(hash);
      if (accepted) {
        ctx.accepted = null;
        return recordSend(ctx, text, { decision: accepted.decision, outcome: 'suggested-accepted' });
      }
      const d = await decision;
      recordSend(ctx, text, { decision: d, outcome: d ? outcomeIfRouted : 'not-routed' });
    });
  };

  const holdAndSend = async (composer: HTMLElement, text: string): Promise<void> => {
    // Routed while the user typed (same text, same settings): no need to wait for the worker again.
    const decision =
      ctx.routed?.text === text ? ctx.routed.decision : await ctx.ask({ type: 'CStoBG:classify', text }, SEND_BUDGET_MS);
    let outcome: Outcome = decision ? 'unchanged' : 'not-routed';
    const live = composer.isConnected ? composer : adapter.findComposer(doc);
    if (!live) return; // The composer is gone with the prompt in it: nothing left that we could send.
    if (decision?.route === 'persona' && decision.action === 'auto' && decision.persona) {
      const result =
        live === composer && adapter.readComposerText(live) === text
          ? await insertPreamble(live, adapter, doc, decision.persona.text, text)
          : 'unchanged';
      outcome = result === 'inserted' ? 'inserted' : 'not-routed';
      if (result === 'damaged') {
        // Neither the prompt nor prompt + preamble: leave it for the user to see rather than send it.
        console.warn('[persona-router] could not restore the prompt after a failed insert; not sending');
        bypassNext = true;
        return;
      }
    }
    const sentText = adapter.readComposerText(live);
    const hash = hashText(sentText);
    ctx.book.expect(hash);
    if (!(await waitUntilIdle(ctx, IDLE_WAIT_MS))) {
      bypassNext = true;
      return ctx.book.drop(hash);
    }
    resubmit(live);
    if (!(await waitForSend(ctx, hash, SEND_CONFIRM_MS))) {
      // Never try twice: the prompt stays in the composer and the user's next send goes through untouched.
      console.warn('[persona-router] the site did not take the prompt; the next send is left alone');
      bypassNext = true;
      return ctx.book.drop(hash);
    }
    recordSend(ctx, sentText, { decision, outcome });
  };

  const onAttempt = (event: Event, composer: HTMLElement | null, sendGesture: boolean): void => {
    if (!composer) return;
    const ours = resubmitting || (event.type === 'submit' && performance.now() - lastResubmit < OWN_SUBMIT_WINDOW_MS);
    if (ours || !sendGesture) return;
    if (holding) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const text = adapter.readComposerText(composer);
    const v = verdict({
      ours,
      sendGesture,
      holding,
      busy: adapter.isBusy(doc),
      empty: text.trim() === '',
      bypass: bypassNext,
      mode: ctx.mode,
      accepted: ctx.accepted !== null && text.startsWith(ctx.accepted.preamble),
    });
    if (v === 'observe') {
      const bypassed = bypassNext;
      bypassNext = false;
      return observe(text, bypassed ? 'not-routed' : 'unchanged');
    }
    if (v !== 'hold') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    holding = true;
    const heldAt = performance.now();
    holdAndSend(composer, text)
      .catch((error: unknown) => {
        // Invariant: a failure sends what the user wrote. The composer still holds it unless an insert
        // succeeded, and an insert that succeeded has already been checked, so sending now is right.
        console.error('[persona-router] routing failed; sending unmodified', error);
        if (composer.isConnected && lastResubmit < heldAt) resubmit(composer);
      })
      .finally(() => {
        holding = false;
      });
  };

  const options = { capture: true, signal };
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!isSendKey(event)) return;
      const composer = adapter.findComposer(doc);
      const inComposer = composer !== null && event.target instanceof Node && composer.contains(event.target);
      onAttempt(event, composer, inComposer);
    },
    options,
  );
  doc.addEventListener(
    'click',
    (event) => {
      if (!adapter.sendControlFrom(event.target)) return;
      onAttempt(event, adapter.findComposer(doc), true);
    },
    options,
  );
  doc.addEventListener(
    'submit',
    (event) => {
      const composer = adapter.findComposer(doc);
      const form = event.target instanceof HTMLFormElement ? event.target : null;
      onAttempt(event, composer, form !== null && composer !== null && form.contains(composer));
    },
    options,
  );
}
