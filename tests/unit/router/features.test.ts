import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  extractFeatures,
  FeatureList,
  hashString,
  NAMESPACE_COUNT,
  NS,
  SEED,
  structHash,
  structuralFeatures,
  tokenize,
  wordHash,
} from '../../../src/router/features';
import { firstSentencesEnd, lastSentence, segment, VIEW_LIMIT, withoutFences } from '../../../src/router/segment';

const EMAIL =
  'Dear Anna, I wanted to follow up on the budget meeting we had last week. The numbers for the third quarter ' +
  'look lower than expected and we need to talk about cuts to the marketing spend before Friday. Could you ' +
  'send me the updated sheet and the notes from the vendor call? I would also like to know whether the new ' +
  'hire starts in May or in June, since that changes the plan for the spring campaign quite a bit. Thanks, Tom';

function featureCounts(text: string): number[] {
  const counts = new Array<number>(NAMESPACE_COUNT).fill(0);
  const list = new FeatureList();
  extractFeatures(text, list);
  for (let i = 0; i < list.length; i++) counts[list.ns[i]!]!++;
  return counts;
}

describe('tokenize', () => {
  test('lower-cases, writes digits as 0 and keeps punctuation as tokens', () => {
    expect(tokenize('Solve 3x + 17 = 42!')).toEqual(['solve', '0x', '+', '00', '=', '00', '!']);
  });
  test('splits Han and kana into single characters', () => {
    expect(tokenize('写一个Python函数')).toEqual(['写', '一', '个', 'python', '函', '数']);
  });
  test('keeps accented words whole', () => {
    expect(tokenize('Écris un poème sur l’été')).toContain('poème');
  });
});

describe('segment', () => {
  test('code fences are found as the fence pattern finds them, closed or not, ``` or ~~~', () => {
    const FENCE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)/g;
    const pieces = ['`', '``', '```', '````', '~', '~~~', '~~~~', 'a', 'js', '\n', ' '];
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const texts = ['', 'no fence', '```js\nx\n```', 'a ```b``` c ~~~d~~~ e', '```never closed', '~~~ then ``` then ~~~'];
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: next(24) }, () => pieces[next(pieces.length)]).join(''));
    let withFences = 0;
    for (const text of texts) {
      const expected: string[] = [];
      const prose = text.replace(FENCE, (block) => (expected.push(block), '\n\n'));
      const parts: string[] = [];
      expect(withoutFences(text, parts), text).toBe(prose);
      expect(parts, text).toEqual(expected);
      if (expected.length > 0) withFences++;
    }
    expect(withFences).toBeGreaterThan(1000);
  });

  test('sentence ends are found as the sentence pattern finds them', () => {
    const SENTENCE_END = /[.!?。！？](?=\s|$)|[。！？]/g;
    const firstEnd = (s: string, max: number): number => {
      let end = -1;
      for (const m of s.matchAll(SENTENCE_END)) {
        if (m.index + 1 > max) break;
        end = m.index + 1;
      }
      return end > 0 ? end : Math.min(s.length, max);
    };
    const last = (s: string, max: number): string => {
      const trimmed = s.trimEnd();
      let start = 0;
      for (const m of trimmed.matchAll(SENTENCE_END)) if (m.index + 1 < trimmed.length - 1) start = m.index + 1;
      const sentence = trimmed.slice(start).trim();
      return sentence.length <= max ? sentence : '';
    };
    const pieces = ['Why', ' ', '  ', '.', '!', '?', '。', '！', '？', '\n', '\u00a0', '\u3000', 'x', 'e.g', '...', '?!', '3.5'];
    let seed = 11;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: next(30) }, () => pieces[next(pieces.length)]).join('');
      for (const max of [0, 3, 10, 40]) {
        expect(firstSentencesEnd(text, max), `${JSON.stringify(text)} ${max}`).toBe(firstEnd(text, max));
        expect(lastSentence(text, max), `${JSON.stringify(text)} ${max}`).toBe(last(text, max));
      }
    }
  });

  test('a short prompt is all instruction', () => {
    const s = segment('Write a haiku about autumn rain.');
    expect(s.head).toBe('Write a haiku about autumn rain.');
    expect(s.payload).toBe('');
    expect(s.tail).toBe('');
  });
  test('"Summarize this email: <email>" on one line stops the instruction at the colon', () => {
    const s = segment(`Summarize this email: ${EMAIL} ${EMAIL}`);
    expect(s.head).toBe('Summarize this email:');
    expect(s.payload).toContain('Dear Anna');
  });

  test('a long pasted text after a full-width colon stops the instruction there too', () => {
    const article = '市の図書館は来月から開館時間を延長し、平日は夜九時まで利用できるようになる。'.repeat(20);
    const s = segment(`次の記事を三行で要約してください：${article}`);
    expect(s.head).toBe('次の記事を三行で要約してください：');
    expect(s.payload).toContain('市の図書館');
  });
  test('a question after a code block is the instruction, the code is payload', () => {
    const s = segment('```python\ndef f(x):\n    return x[0]\n\nf([])\n```\nwhy does this crash?');
    expect(s.head).toBe('why does this crash?');
    expect(s.fences).toBe(1);
    expect(s.payload).toContain('def f(x)');
  });
  test('a closing instruction after a pasted text becomes the tail', () => {
    const s = segment(`${EMAIL}\n\n${EMAIL}\n\nMake this more polite.`);
    expect(s.tail).toBe('Make this more polite.');
    expect(s.payload).toContain('budget meeting');
  });
  test('a huge input is viewed through its head and tail only', () => {
    const text = `Fix this:\n\n${'x = 1;\n'.repeat(200_000)}\nthanks`;
    const s = segment(text);
    expect(s.length).toBe(text.length);
    expect(s.view.length).toBeLessThan(VIEW_LIMIT);
    expect(s.view.endsWith('thanks')).toBe(true);
  });
});

describe('structural features', () => {
  test('code, math and shape are recognised', () => {
    const code = segment('Why does this fail?\n```js\nconst a = [];\nconsole.log(a[0].b);\n```');
    expect(structuralFeatures(code, code.view)).toContain('code:fenced');
    const math = segment('Solve for x: 3x^2 + 5 = 20');
    expect(structuralFeatures(math, math.view)).toEqual(expect.arrayContaining(['math:equation', 'math:variable']));
    const pasted = segment(`Summarize this email: ${EMAIL} ${EMAIL}`);
    expect(structuralFeatures(pasted, pasted.view)).toContain('shape:short-instruction-long-payload');
    for (const prose of ["Let's play a game: you are the shopkeeper and I am a traveller.", 'Return the list sorted by date.']) {
      const seg = segment(prose);
      expect(structuralFeatures(seg, seg.view).some((f) => f.startsWith('code'))).toBe(false);
    }
    const plain = segment('Tell me a story about a lighthouse keeper.');
    expect(structuralFeatures(plain, plain.view)).not.toContain('code:fenced');
  });

  test('a pasted letter is what the letter pattern finds in the payload, whatever ends its lines', () => {
    const EMAIL = /^(?:dear|hi|hello|hey|subject:)[^\n]{0,60}$/im;
    const pieces = ['Dear Anna,', 'hi', 'Hello there', 'HEY', 'Subject: plans', 'subject', 'the end', 'Deal', 'Shall we',
      '\r', '\u2028', '\u2029', '\n', '\n\n', ' ', 'x'.repeat(70), 'ſubject:'];
    let seed = 5;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    let letters = 0;
    let payloads = 0;
    for (let i = 0; i < 4000; i++) {
      const pasted = Array.from({ length: 1 + next(12) }, () => pieces[next(pieces.length)]).join('');
      const seg = segment(`Summarize this for me:\n\n${'Context comes first. '.repeat(40)}\n\n${pasted}`);
      if (seg.payload === '') continue;
      payloads++;
      const expected = EMAIL.test(seg.payload);
      if (expected) letters++;
      expect(structuralFeatures(seg, seg.view).includes('payload:letter'), JSON.stringify(pasted)).toBe(expected);
    }
    expect(payloads).toBeGreaterThan(3000);
    expect(letters).toBeGreaterThan(500);
    expect(payloads - letters).toBeGreaterThan(500);
  });

  test('a web address is "http://" or "https://" anywhere in the view, as includes() finds them', () => {
    const texts = [
      'http://a.example', 'see https://a.example', 'xhttps://', 'the thing at http://x', 'https:/ no', 'ftp://a and s3://b',
      '://http', 'http:// ://', 'hhttp:// ', 'httpss://', 'htt://', 'https ://x', 'a://b https://c', 'http', '',
    ];
    for (const text of texts) {
      const seg = segment(text);
      const expected = seg.view.includes('http://') || seg.view.includes('https://');
      expect(structuralFeatures(seg, seg.view).includes('url'), text).toBe(expected);
    }
    expect(texts.filter((t) => t.includes('http://') || t.includes('https://'))).toHaveLength(7);
  });
});

describe('extractFeatures', () => {
  test('is deterministic', () => {
    const list = new FeatureList();
    extractFeatures(`Summarize: ${EMAIL}`, list);
    const a = [...list.hash.slice(0, list.length)];
    extractFeatures(`Summarize: ${EMAIL}`, list);
    const b = [...list.hash.slice(0, list.length)];
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(100);
  });
  test('pasted text goes to the payload namespace, not the instruction words', () => {
    const short = featureCounts('Summarize this email:');
    const long = featureCounts(`Summarize this email: ${EMAIL} ${EMAIL}`);
    expect(long[NS.word]).toBe(short[NS.word]);
    expect(long[NS.payload]).toBeGreaterThan(100);
  });
  test('character grams stay inside a word, with the spaces around it', () => {
    // " ab " and " cd ": " ab", "ab ", " ab " and the same for cd. Across words it would be 12 grams.
    expect(featureCounts('ab cd')[NS.char]).toBe(6);
    expect(featureCounts('ab   cd')[NS.char]).toBe(6);
    // Without spaces the text is one word: " 写一个函数 " has 5 + 4 + 3 grams of 3, 4 and 5 characters.
    expect(featureCounts('写一个函数')[NS.char]).toBe(12);
  });
  test('the work for 1 MB is bounded by the view, not the input', () => {
    const big = featureCounts(`Explain this log:\n${'error: disk full at sector 12\n'.repeat(40_000)}`);
    const total = big.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(10_000);
  });
});

// The obvious definitions, written out with strings and arrays; extractFeatures must produce exactly their
// features (as a multiset per namespace) while building none of the strings.
const PRIME = 0x01000193;
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function referenceCharGrams(s: string): number[] {
  const isSpace = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0x3000;
  const codes = [32];
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isSpace(c) && codes[codes.length - 1] === 32) continue;
    codes.push(isSpace(c) ? 32 : c >= 48 && c <= 57 ? 48 : c);
  }
  if (codes[codes.length - 1] !== 32) codes.push(32);
  const out: number[] = [];
  // Each word with the spaces around it, " word ": grams never span two words.
  for (let start = 0; start + 1 < codes.length; ) {
    const next = codes.indexOf(32, start + 1);
    const unit = codes.slice(start, next + 1);
    for (let i = 0; i + 2 < unit.length; i++) {
      for (let len = 3; len <= 5 && i + len <= unit.length; len++) {
        let h: number = SEED[2];
        for (let j = i; j < i + len; j++) h = Math.imul(h ^ (unit[j] as number), PRIME);
        out.push(fmix(h ^ (len - 1)));
      }
    }
    start = next;
  }
  return out;
}

function referenceWords(tokens: readonly string[]): { word: number[]; bigram: number[] } {
  const word: number[] = [];
  const bigram: number[] = [];
  let prev = hashString(SEED[1], '<s>');
  for (const t of tokens) {
    const h = wordHash(t);
    word.push(h);
    bigram.push(fmix(Math.imul(prev, 31) ^ h ^ SEED[1]));
    prev = h;
  }
  bigram.push(fmix(Math.imul(prev, 31) ^ SEED[2]));
  return { word, bigram };
}

function referenceFeatures(text: string): number[][] {
  const seg = segment(text);
  const byNs: number[][] = Array.from({ length: NAMESPACE_COUNT }, () => []);
  const head = tokenize(seg.head);
  const tail = seg.tail === '' ? [] : tokenize(seg.tail);
  for (const tokens of seg.tail === '' ? [head] : [head, tail]) {
    const { word, bigram } = referenceWords(tokens);
    byNs[NS.word]!.push(...word);
    byNs[NS.bigram]!.push(...bigram);
  }
  head.slice(0, 2).forEach((t, i) => byNs[NS.lead]!.push(hashString(SEED[3] + i, t)));
  if (tail[0] !== undefined) byNs[NS.lead]!.push(hashString(SEED[3] + 7, tail[0]));
  byNs[NS.char]!.push(...referenceCharGrams(seg.tail === '' ? seg.head : `${seg.head}\n${seg.tail}`));
  if (seg.payload !== '') byNs[NS.payload]!.push(...tokenize(seg.payload, 1600).map((t) => hashString(SEED[4], t)));
  byNs[NS.struct]!.push(...structuralFeatures(seg, text).map(structHash));
  return byNs.map((hs) => hs.sort((a, b) => a - b));
}

function fastFeatures(text: string, list: FeatureList): number[][] {
  extractFeatures(text, list);
  const byNs: number[][] = Array.from({ length: NAMESPACE_COUNT }, () => []);
  for (let i = 0; i < list.length; i++) byNs[list.ns[i]!]!.push(list.hash[i]!);
  return byNs.map((hs) => hs.sort((a, b) => a - b));
}

describe('extractFeatures against the obvious definitions', () => {
  const examples = join(__dirname, '../../../data/examples');
  const texts = readdirSync(examples)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(examples, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { text: string }).text),
    );
  const tricky = [
    "'quoted' words, rock'n'roll, ''' and 'tis o'clock''",
    'Solve 3x + 17 = 42! Then 2² + ٣٤ + 1e10',
    '写一个Python函数，计算斐波那契数列 and explain',
    '  lots   of\t\tspace\u00a0and\u3000ideographic  space  ',
    'Σίσυφος ΟΔΥΣΣΕΥΣ İstanbul straße ǅ',
    'emoji 😀 and a lone \ud800 surrogate, \u0000 control',
    `Summarize this email: ${EMAIL} ${EMAIL}`,
    `${EMAIL}\n\n${EMAIL}\n\nMake this more polite.`,
    `Explain this log:\n${'error: disk full at sector 12\n'.repeat(3_000)}`,
    'a',
    '?',
  ];
  test('on every committed example and some tricky texts', () => {
    const list = new FeatureList();
    for (const text of [...tricky, ...texts]) expect(fastFeatures(text, list), text.slice(0, 80)).toEqual(referenceFeatures(text));
    expect(texts.length).toBeGreaterThan(1000);
  });
});
