import { describe, expect, test } from 'vitest';
import { opensWithPersonaPhrase, opensWithPersonaPhraseFully } from '../../../src/router/existing-persona';

// First words: openers, labels and fillers (some with a typographic apostrophe or in capitals), words that
// only start like them, and ordinary instructions; then pieces that make up the rest of the prompt,
// Japanese role endings included, since that opener may begin with any word.
const FIRST = [
  'You', 'you', 'YOU', 'You’re', "You're", 'Act', 'act', 'Actúa', 'As', 'as', 'Als', 'Como', 'En', 'Pretend', 'Imagine',
  'System', 'Role', 'Please', 'please', 'Hi', 'Hello', 'From', 'For', 'So', 'Sort', 'Now', 'Nowhere', 'Du', 'Eres',
  'Tu', 'Your', 'I', 'I’d', "I'd", 'Can', 'Could', 'Take', 'Play', 'Write', 'Summarize', 'Solve', 'Translate',
  'Why', 'Make', 'Asking', 'Actor', 'Yours', 'Bitte', 'Ok', 'Okay', 'Roleplay', 'Respond', 'Je', 'Quero', 'Mets-toi',
  'S’il', "S'il", 'à', 'x', 'Z', 'the', 'Stell', 'Verhalte',
];
const REST = [
  ' ', ', ', ': ', '. ', '! ', '\n', ' a ', ' an ', ' the ', ' my ', ' as ', ' like ', ' are ', ' is ', ' to be ',
  'pirate', 'teacher', 'Sherlock', 'act as ', 'you are ', 'a helpful assistant', 'sort this list', 'tell me',
  '医者として振る舞って', 'になりきって', 'の役を演じて', 'ください', 'こんにちは', '？', '?', 'now on, ', ' please ',
  ' un ', ' ein ', ' que ', ' role of ', ' persona ', '1. ', '“', '’', 'Rolle: ',
];

function prompts(count: number): string[] {
  let x = 12345;
  const next = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = FIRST[next(FIRST.length)] as string;
    const pieces = next(8);
    for (let i = 0; i < pieces; i++) text += REST[next(REST.length)] as string;
    out.push(text);
  }
  return out;
}

describe('the shortcut for prompts that open with an ordinary word', () => {
  test('agrees with the full check on 20,000 generated prompts, persona openers among them', () => {
    let personas = 0;
    for (const text of prompts(20_000)) {
      const full = opensWithPersonaPhraseFully(text);
      expect(opensWithPersonaPhrase(text), text).toBe(full);
      if (full) personas++;
    }
    // Both answers must come up often, or agreeing says little.
    expect(personas).toBeGreaterThan(1000);
    expect(personas).toBeLessThan(19_000);
  });
});
