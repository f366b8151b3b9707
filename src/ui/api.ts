import browser from 'webextension-polyfill';
import type { Responses, UItoBG } from '../shared/messages';

/** One request to the background worker, typed by its request type (src/shared/messages.ts). */
export async function ask<M extends UItoBG>(message: M): Promise<Responses[M['type']]> {
  const response: unknown = await browser.runtime.sendMessage(message);
  if (response === undefined) throw new Error(`No answer to ${message.type}`);
  return response as Responses[M['type']];
}

/**
 * Calls `onChange` whenever settings or history change in storage (another page, the shortcut, the content
 * script recording a message), until `signal` aborts.
 */
export function onStorageChange(onChange: () => void, signal: AbortSignal): void {
  const listener = () => onChange();
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
