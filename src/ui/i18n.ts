import browser from 'webextension-polyfill';
import type en from '../../public/_locales/en/messages.json';

/** Keys of the English catalogue, so a typo in a key is a type error rather than an empty label. */
export type MessageKey = keyof typeof en;

/**
 * A localized string. A key missing from the user's locale falls back to English inside the browser; a key
 * missing everywhere comes back as the key itself, which is visible enough to be caught in review. Numbers
 * are formatted for the UI language ("2,000" in English).
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const language = browser.i18n.getUILanguage();
  const text = browser.i18n.getMessage(
    key,
    substitutions.map((s) => (typeof s === 'number' ? s.toLocaleString(language) : s)),
  );
  return text === '' ? key : text;
}

/** Marks the page with the UI language and a localized title, so screen readers pick the right voice. */
export function localizeDocument(titleKey: MessageKey): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t(titleKey);
}
