import browser from 'webextension-polyfill';
import type { CStoBG, Responses } from '../shared/messages';
import type { Ask } from './context';

/**
 * One request to the worker. Any failure — no answer in the budget, a worker that is not running, an
 * extension that was reloaded under the page, an empty answer — is null, so callers have one case to handle.
 */
export const askWorker: Ask = async <R extends CStoBG>(message: R, budgetMs: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), budgetMs);
  });
  try {
    const answer = await Promise.race([browser.runtime.sendMessage(message), timeout]);
    return (answer ?? null) as Responses[R['type']] | null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
};
