import type { ContentContext } from './context';

/**
 * MV3 stops an idle worker after about 30 s, and starting it again (a new process, the worker's script,
 * the router's model) can take longer than a held send may wait. Waking it at the first sign that a
 * prompt is coming moves that cost out of the send: a press or a key in the composer (the click that
 * focuses it comes before any text), focus, the first input. One cheap request per prompt (re-armed by
 * each send) and at least every 20 s while the user keeps at it.
 */
const WAKE_EVERY_MS = 20_000;
const WAKE_EVENTS = ['pointerdown', 'keydown', 'focusin', 'input'] as const;

export function initWakeWorker(ctx: ContentContext, signal: AbortSignal): void {
  let last = -Infinity;
  let armed = true;
  ctx.book.onChange(() => {
    armed = true;
  }, signal);
  const wake = (event: Event): void => {
    const now = performance.now();
    if (!armed && now - last < WAKE_EVERY_MS) return;
    const composer = ctx.adapter.findComposer(ctx.doc);
    if (!composer || !(event.target instanceof Node) || !composer.contains(event.target)) return;
    armed = false;
    last = now;
    void ctx.ask({ type: 'CStoBG:getSettings' }, 5_000);
  };
  for (const type of WAKE_EVENTS) ctx.doc.addEventListener(type, wake, { capture: true, passive: true, signal });
}
