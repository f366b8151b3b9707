/**
 * An element for the page whose content lives in its own shadow root, styled only by `css`: the page's styles
 * cannot reach in, and ours cannot leak out (architecture invariant 4).
 */
export function createShadowHost(doc: Document, tag: 'span' | 'div', css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
