import type { ContentContext } from './context';

/**
 * MV3 stops an idle worker after about 30 s, and starting it again (loading the router's model with it)
 * can take longer than a held send may wait. Waking it when the user starts writing moves that cost out
 * of the send: by the time Enter comes, the worker is running. One cheap request per prompt (re-armed by
 * each send) and at least every 20 s while the user keeps writing.
 */
const WAKE_EVERY_MS = 20_000;

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
  ctx.doc.addEventListener('focusin', wake, { capture: true, signal });
  ctx.doc.addEventListener('input', wake, { capture: true, signal });
}
