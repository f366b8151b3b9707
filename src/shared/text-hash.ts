/**
 * A fast, stable hash of a chat message, used to find a message's stored decision again after a reload.
 * The text is normalized first because a site renders a sent message with its own whitespace (trimmed,
 * paragraphs re-joined), so the composer's text and the rendered message must hash alike.
 * Not cryptographic: collisions only mean a wrong badge, and the text itself is never stored.
 */
export function normalizeMessageText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function hashText(text: string): string {
  const s = normalizeMessageText(text);
  // Two independent 32-bit FNV-1a style passes (different offset bases and primes) give 64 bits.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${s.length.toString(36)}-${hex(a)}${hex(b)}`;
}
