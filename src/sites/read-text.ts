/**
 * Reads an element's text the way a chat site sends it: one line per block (paragraph, list item, …),
 * joined by "\n", with <br> as a line break. Mirrors ProseMirror's textBetween(…, "\n") with hard breaks
 * read as "\n", so the composer's DOM and the editor's state agree.
 */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// ProseMirror adds this <br> so an empty or <br>-ended paragraph keeps its height; it is not content.
const TRAILING_BREAK_CLASS = 'ProseMirror-trailingBreak';

function matchesAny(element: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false;
    }
  });
}

export interface ReadOptions {
  /** Elements (and their subtrees) whose text is skipped. */
  ignore?: readonly string[];
  /** Trim each block: rendered messages carry layout whitespace at block edges, a composer does not. */
  trimBlocks?: boolean;
}

export function readBlockText(root: Element, { ignore = [], trimBlocks = false }: ReadOptions = {}): string {
  const lines: string[] = [];
  let line: string | null = null;
  const flush = (): void => {
    if (line !== null) lines.push(trimBlocks ? line.trim() : line);
    line = null;
  };
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const data = (child as Text).data;
        // Whitespace between blocks is markup indentation, not text.
        if (line === null && data.trim() === '') continue;
        line = (line ?? '') + data;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      if (matchesAny(element, ignore)) continue;
      const tag = element.localName;
      if (tag === 'br') {
        if (element.classList.contains(TRAILING_BREAK_CLASS)) continue;
        lines.push(line ?? '');
        line = '';
        continue;
      }
      if (tag === 'script' || tag === 'style' || tag === 'template') continue;
      if (BLOCK_TAGS.has(tag)) {
        flush();
        const linesBefore = lines.length;
        walk(element);
        if (line === null && lines.length === linesBefore) lines.push('');
        flush();
        continue;
      }
      walk(element);
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}
