import type { SelectorList, SiteAdapter, SiteDefinition, UserMessage } from './types';
import { readBlockText } from './read-text';

// Our own badge host sits next to (sometimes inside) a message; its text is never part of the message.
const OWN_ELEMENTS = '[data-persona-router-badge]';

interface QueryRoot {
  querySelector(selectors: string): Element | null;
  querySelectorAll(selectors: string): NodeListOf<Element>;
}

// Namespace rather than instanceof: a content script and a jsdom test may see another realm's HTMLElement,
// and an SVG element also has a style property.
function isHTMLElement(value: unknown): value is HTMLElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Node).nodeType === 1 &&
    (value as Element).namespaceURI === 'http://www.w3.org/1999/xhtml'
  );
}

/**
 * The first useful answer of `use` over the selectors in order. Each selector is tried on its own, so one
 * the browser cannot parse does not sink the others.
 */
function firstAnswer<T>(list: SelectorList, use: (selector: string) => T | null): T | null {
  for (const selector of list) {
    try {
      const answer = use(selector);
      if (answer !== null) return answer;
    } catch {
      /* unsupported selector: try the next */
    }
  }
  return null;
}

function first(root: QueryRoot, list: SelectorList): HTMLElement | null {
  return firstAnswer(list, (selector) => {
    const found = root.querySelector(selector);
    return isHTMLElement(found) ? found : null;
  });
}

function allOfFirstMatching(root: QueryRoot, list: SelectorList): HTMLElement[] {
  const found = firstAnswer(list, (selector) => {
    const elements = Array.from(root.querySelectorAll(selector)).filter(isHTMLElement);
    return elements.length > 0 ? elements : null;
  });
  return found ?? [];
}

function closestOf(element: Element, list: SelectorList): HTMLElement | null {
  return firstAnswer(list, (selector) => {
    const found = element.closest(selector);
    return isHTMLElement(found) ? found : null;
  });
}

function elementFrom(target: EventTarget | null): Element | null {
  if (typeof target !== 'object' || target === null) return null;
  const node = target as Node;
  if (node.nodeType === 1) return node as Element;
  return node.parentElement ?? null;
}

function isTextField(element: HTMLElement): element is HTMLTextAreaElement | HTMLInputElement {
  return element.localName === 'textarea' || element.localName === 'input';
}

export function createAdapter(site: SiteDefinition): SiteAdapter {
  const { selectors } = site;
  const ignoreInMessages = [...selectors.userMessageIgnore, OWN_ELEMENTS];

  return {
    id: site.id,
    editor: site.editor,

    findComposer(doc) {
      try {
        return first(doc, selectors.composer) ?? first(doc, selectors.composerFallback);
      } catch {
        return null;
      }
    },

    readComposerText(composer) {
      try {
        if (isTextField(composer)) return composer.value;
        return readBlockText(composer, { ignore: [OWN_ELEMENTS] });
      } catch {
        return '';
      }
    },

    findSendButton(doc) {
      try {
        return first(doc, selectors.sendButton);
      } catch {
        return null;
      }
    },

    sendControlFrom(target) {
      try {
        const element = elementFrom(target);
        return element ? closestOf(element, selectors.sendButton) : null;
      } catch {
        return null;
      }
    },

    isBusy(doc) {
      try {
        return firstAnswer(selectors.busy, (selector) => doc.querySelector(selector)) !== null;
      } catch {
        return false;
      }
    },

    userMessages(doc) {
      try {
        return allOfFirstMatching(doc, selectors.userMessage).map((element): UserMessage => {
          const textElement = first(element, selectors.userMessageText) ?? element;
          return { element, text: readBlockText(textElement, { ignore: ignoreInMessages, trimBlocks: true }).trim() };
        });
      } catch {
        return [];
      }
    },

    conversationId(url) {
      try {
        for (const pattern of site.conversationPaths) {
          const id = pattern.exec(url.pathname)?.[1];
          if (id) return id;
        }
      } catch {
        /* fall through to a fresh chat */
      }
      return 'new';
    },
  };
}
