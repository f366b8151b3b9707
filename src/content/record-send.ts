import type { Known } from './decision-book';
import type { ContentContext } from './context';
import { hashText } from '../shared/text-hash';

/** Files a sent message's decision: in this page at once (the badge), in the worker for later visits. */
export function recordSend(ctx: ContentContext, sentText: string, known: Known): void {
  const textHash = hashText(sentText);
  ctx.book.settle(textHash, known);
  const conversationId = ctx.adapter.conversationId(ctx.url());
  if (conversationId === 'new') ctx.recordedInNewChat.add(textHash);
  void ctx.ask(
    {
      type: 'CStoBG:record',
      entry: { time: Date.now(), site: ctx.adapter.id, conversationId, textHash, ...known },
    },
    5_000,
  );
}
