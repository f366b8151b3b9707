import { describe, expect, test } from 'vitest';
import { DEFAULT_ROUTER_SETTINGS, MAX_PERSONA_TEXT } from '../../../src/router/defaults';
import {
  SUB_PERSONA_CUES,
  choosePersona,
  instructionParts,
  writingSubPersona,
} from '../../../src/router/personas/choose-persona';
import { cueList, cueText, mentionsCue } from '../../../src/router/personas/cue-words';
import { foldCase } from '../../../src/router/fold-case';
import { PERSONA_LIBRARY, WRITING_SUB_PERSONAS, getLibraryPersona } from '../../../src/router/personas/library';
import { formatPreamble } from '../../../src/router/preamble';
import { CATEGORIES, type PersonaLength, type RouterSettings } from '../../../src/router/types';

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

function settings(patch: Partial<RouterSettings> = {}): RouterSettings {
  return { ...structuredClone(DEFAULT_ROUTER_SETTINGS), ...patch };
}

const RANGES: Record<PersonaLength, [number, number]> = {
  minimum: [4, 8],
  short: [50, 60],
  long: [150, 180],
};

describe('persona library', () => {
  test('has a persona for every category and the four writing sub-personas, with unique ids and names', () => {
    const ids = PERSONA_LIBRARY.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(PERSONA_LIBRARY.map((p) => p.name)).size).toBe(ids.length);
    for (const category of CATEGORIES) expect(getLibraryPersona(category)?.category).toBe(category);
    for (const id of WRITING_SUB_PERSONAS) expect(getLibraryPersona(id)?.category).toBe('writing');
    expect(ids).toHaveLength(12);
  });

  describe.each(PERSONA_LIBRARY.map((p) => [p.id, p] as const))('%s', (_id, persona) => {
    test.each(Object.entries(RANGES) as Array<[PersonaLength, [number, number]]>)(
      '%s length is within its word range',
      (length, [min, max]) => {
        const count = wordCount(persona.texts[length]);
        expect(count, `${persona.id}.${length} has ${count} words`).toBeGreaterThanOrEqual(min);
        expect(count, `${persona.id}.${length} has ${count} words`).toBeLessThanOrEqual(max);
      },
    );

    test('every length is a plain "You are" sentence that ends a sentence', () => {
      for (const text of Object.values(persona.texts)) {
        expect(text).toMatch(/^You are /);
        expect(text).toMatch(/[.]$/);
        expect(text).not.toMatch(/\n/);
      }
    });
  });

  test('knowledge personas ask to admit uncertainty instead of guessing', () => {
    for (const id of ['reasoning', 'math', 'coding', 'extraction', 'stem', 'humanities']) {
      expect(getLibraryPersona(id)!.texts.short, id).toMatch(/unsure|uncertain|say so|ambiguous|missing/i);
    }
  });
});

describe('writing sub-persona choice', () => {
  test.each([
    ['Write an email to my client about the delayed shipment', 'writing.business'],
    ['Draft a Slack message to the team about the Friday release', 'writing.business'],
    ['Turn these notes into a memo for the board', 'writing.business'],
    ['Schreib eine E-Mail an meinen Chef wegen meines Urlaubs', 'writing.business'],
    ['Redacta un correo electrónico para pedir una reunión', 'writing.business'],
    ['Rédige un courriel à mon client pour le retard', 'writing.business'],
    ['Escreva um e-mail para o cliente sobre o atraso', 'writing.business'],
    ['给客户写一封邮件，说明交货延期', 'writing.business'],
    ['取引先へのお詫びメールを書いて', 'writing.business'],
    ['Write a short story about a lighthouse keeper who hates the sea', 'writing.literary'],
    ['Compose a sonnet about autumn rain on tin roofs', 'writing.literary'],
    ['Write lyrics for a slow folk song about leaving home', 'writing.literary'],
    ['Schreibe ein Gedicht über den ersten Schnee', 'writing.literary'],
    ['Escribe un cuento para niños sobre un gato valiente', 'writing.literary'],
    ['Écris un poème sur la marée basse', 'writing.literary'],
    ['Escreva um conto sobre uma vila de pescadores', 'writing.literary'],
    ['写一首关于月亮的诗', 'writing.literary'],
    ['猫についての俳句を作って', 'writing.literary'],
    ['Write a tagline for our new trail running shoes', 'writing.copy'],
    ['Create a product description for a hand-thrown ceramic mug', 'writing.copy'],
    ['I need landing page copy for a budgeting app', 'writing.copy'],
    ['Schreib einen Werbetext für unser kleines Café', 'writing.copy'],
    ['Escribe un eslogan para una panadería de barrio', 'writing.copy'],
    ['Rédige une accroche pour notre application de jardinage', 'writing.copy'],
    ['Crie um anúncio para uma loja de bicicletas', 'writing.copy'],
    ['为咖啡店写一段广告文案', 'writing.copy'],
    ['新商品のキャッチコピーを考えて', 'writing.copy'],
    ['Improve the abstract of my paper on soil microbes', 'writing.academic'],
    ['Write an essay on urban heat islands', 'writing.academic'],
    ['Help me tighten my literature review on sleep and memory', 'writing.academic'],
    ['Überarbeite die Einleitung meiner Masterarbeit', 'writing.academic'],
    ['Corrige la introducción de mi tesis', 'writing.academic'],
    ["Relis l'introduction de ma thèse", 'writing.academic'],
    ['Revise a introdução da minha tese', 'writing.academic'],
    ['帮我润色论文的摘要', 'writing.academic'],
    ['卒業論文の要旨を直して', 'writing.academic'],
    ['Here is my draft:\nWe shipped late.\nSorry.\nCan you turn this into a professional email?', 'writing.business'],
  ])('%j -> %s', (text, expected) => {
    expect(writingSubPersona(text)).toBe(expected);
  });

  test.each([
    ['no cue', 'Make this shorter'],
    ['two cues disagree', "Write a poem for my boss's retirement email"],
    ['cue only in the pasted text', 'Make this more polite:\nThe story of our poem is a tale of woe.\nBye.'],
    ['"Roman" is not a novel', 'Rewrite this paragraph about the Roman roads'],
    ['German "Geschichte" as history', 'Fasse die Geschichte der Stadt in drei Sätzen schöner'],
  ])('%s -> general writing', (_why, text) => {
    expect(writingSubPersona(text)).toBeNull();
  });

  test('only the head and tail of a huge prompt are read', () => {
    const parts = instructionParts(`Fix the grammar:\n${'word '.repeat(200_000)}\nthe end`);
    expect(parts).toEqual(['Fix the grammar:']);
    const tailAsk = instructionParts(`Notes\n${'x '.repeat(1000)}\nTurn this into an ad?`);
    expect(tailAsk).toEqual(['Notes', 'Turn this into an ad?']);
  });
});

describe('writing sub-persona cues: the same matches as the pattern they replaced', () => {
  // The specification: what writingSubPersona matched before cue lists were matched without this pattern.
  function specification(latin: readonly string[], cjk: readonly string[]): RegExp {
    const words = `(?<![\\p{L}\\p{N}])(?:${latin.join('|')})(?![\\p{L}\\p{N}])`;
    return new RegExp(cjk.length > 0 ? `${words}|${cjk.join('|')}` : words, 'iu');
  }

  /** Every string a cue can match (cues use characters, [ab], (?:a|b) and ?), with a stem for `\p{L}*`. */
  function samples(cue: string): string[] {
    let at = 0;
    const alternatives = (): string[] => {
      const options = sequence();
      while (cue[at] === '|') {
        at++;
        options.push(...sequence());
      }
      return options;
    };
    const sequence = (): string[] => {
      let strings = [''];
      while (at < cue.length && cue[at] !== '|' && cue[at] !== ')') {
        let part: string[];
        if (cue.startsWith('(?:', at)) {
          at += 3;
          part = alternatives();
          at++;
        } else if (cue[at] === '[') {
          part = [...cue.slice(at + 1, cue.indexOf(']', at))];
          at = cue.indexOf(']', at) + 1;
        } else if (cue.startsWith('\\p{L}*', at)) {
          part = ['', 'text', 'e2'];
          at += 6;
        } else {
          part = [cue[at++] as string];
        }
        const options = cue[at] === '?' ? (at++, ['', ...part]) : part;
        strings = strings.flatMap((head) => options.map((tail) => head + tail));
      }
      return strings;
    };
    return alternatives();
  }

  const CONTEXTS: ReadonlyArray<(cue: string) => string> = [
    (c) => c,
    (c) => `Please write ${c} for me.`,
    (c) => c.toUpperCase(),
    (c) => c.replace(/s/g, 'ſ').replace(/k/g, '\u212A'),
    (c) => `x${c}`,
    (c) => `${c}2`,
    (c) => `${c}e`,
    (c) => `\u0345${c} ${c.slice(0, -1)}`,
    (c) => `${c}\u0345`,
    (c) => `𝐀${c}`,
    (c) => `${c}-${c}`,
    (c) => `"${c.replace(/ /g, '  ')}"`,
    (c) => `İ${c}İ`,
  ];

  test.each(SUB_PERSONA_CUES.map(([id, cues]) => [id, cues] as const))('%s', (_id, [latin, cjk]) => {
    const reference = specification(latin, cjk);
    const list = cueList(latin, cjk);
    const texts = [...latin.flatMap(samples), ...cjk].flatMap((cue) => CONTEXTS.map((context) => context(cue)));
    const differ = texts.filter((text) => reference.test(text) !== mentionsCue(cueText(text), list));
    expect(differ).toEqual([]);
    expect(texts.filter((text) => reference.test(text)).length).toBeGreaterThan(texts.length / 4);
  });

  test('cues are written in lower case, with no escapes but a final \\p{L}* after a plain stem', () => {
    const latin = SUB_PERSONA_CUES.flatMap(([, [words]]) => words);
    const stems = latin.filter((cue) => cue.endsWith('\\p{L}*')).map((cue) => cue.slice(0, -'\\p{L}*'.length));
    const whole = latin.filter((cue) => !cue.endsWith('\\p{L}*'));
    expect([...stems, ...whole].filter((cue) => foldCase(cue) !== cue)).toEqual([]);
    expect(whole.filter((cue) => cue.includes('\\'))).toEqual([]);
    expect(stems.filter((stem) => /[^\p{L}]/u.test(stem))).toEqual([]);
  });

  test('spelling out the case-insensitive letter classes adds U+0345 and nothing else', () => {
    const classes: Array<[RegExp, RegExp]> = [
      [/^[\p{L}\p{N}]$/iu, /^[\p{L}\p{N}\u0345]$/u],
      [/^\p{L}$/iu, /^[\p{L}\u0345]$/u],
    ];
    const differ: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      const char = String.fromCodePoint(code);
      if (classes.some(([withFlag, spelled]) => withFlag.test(char) !== spelled.test(char))) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  test.each([
    // U+0345 is a letter to the iu flags, so it joins "e" and "mail" into one word that is no cue.
    ['Draft an e\u0345mail', null],
    ['Draft an email', 'writing.business'],
    // 'İ' is no 'i', and lower-casing it must not leave "mail" standing as a word after a dot.
    ['Draft an İmail', null],
    ['Write a ſtory', 'writing.literary'],
    ['WRITE A SONNET', 'writing.literary'],
    ['Schreib einen Werbe\u0345text', 'writing.copy'],
    ['Schreib einen Werbe2text', null],
    // The last group of "to (?:my|our|…) (?:…|hiring manager|…)" is checked in a lookahead: still whole words.
    ['Write a note to our hiring manager', 'writing.business'],
    ['Write a note to our hiring managers', null],
    ['Write a note to our hiring manager2', null],
    ['Draft an out-of office reply', 'writing.business'],
    ['Write 2poems', null],
  ] as const)('%j -> %s', (text, expected) => {
    expect(writingSubPersona(text)).toBe(expected);
  });

  test('the instruction parts are read together: a list matches exactly when it matches one of them', () => {
    const lists = SUB_PERSONA_CUES.map(([id, [latin, cjk]]) => [id, cueList(latin, cjk)] as const);
    const cues = SUB_PERSONA_CUES.flatMap(([, [latin, cjk]]) => [...latin.flatMap(samples), ...cjk]);
    const texts: string[] = [];
    cues.forEach((cue, i) => {
      const other = cues[(i * 7 + 3) % cues.length] as string;
      const cut = Math.max(1, Math.floor(cue.length / 2));
      texts.push(`Please write ${cue} today\nthen ${other}`, `Fix this: draft\nsee ${cue}?`);
      texts.push(`${cue.slice(0, cut)}\n${cue.slice(cut)}`, `ΟΔΟΣ ${cue.toUpperCase()}Σ\nΣ${cue}`);
      // A cue of several words over the two lines is in neither line.
      if (cue.includes(' ')) texts.push(`Write the ${cue.replace(' ', '\n')}`);
    });
    let twoParts = 0;
    for (const text of texts) {
      const parts = instructionParts(text);
      if (parts.length === 2) twoParts++;
      const matched = lists.filter(([, list]) => parts.some((part) => mentionsCue(cueText(part), list)));
      expect(writingSubPersona(text), text).toBe(matched.length === 1 ? matched[0]![0] : null);
    }
    expect(twoParts).toBeGreaterThan(texts.length * 0.9);
  });
});

describe('choosePersona', () => {
  test('returns the category persona at the default short length, as a formatted preamble', () => {
    const persona = choosePersona('roleplay', 'Pretend we are on a pirate ship', settings());
    const library = getLibraryPersona('roleplay')!;
    expect(persona).toEqual({ id: 'roleplay', name: library.name, text: formatPreamble(library.texts.short) });
  });

  test('writing prompts get a sub-persona when the cue is clear, general writing otherwise', () => {
    expect(choosePersona('writing', 'Write a haiku about rain', settings()).id).toBe('writing.literary');
    expect(choosePersona('writing', 'Make this sound friendlier', settings()).id).toBe('writing');
  });

  test('sub-personas are only for writing: a roleplay prompt mentioning an email stays roleplay', () => {
    expect(choosePersona('roleplay', 'Be my pen pal and answer my email', settings()).id).toBe('roleplay');
  });

  test.each(['minimum', 'short', 'long'] as const)('applies the %s length', (personaLength) => {
    const persona = choosePersona('coding', 'fix this', settings({ personaLength }));
    expect(persona.text).toBe(formatPreamble(getLibraryPersona('coding')!.texts[personaLength]));
  });

  test('uses the user override for the chosen persona and length only', () => {
    const personaOverrides = {
      'writing.copy': { short: 'You write punchy copy for a cycling brand.' },
      writing: { long: 'You are my long editor.' },
    };
    const s = settings({ personaOverrides });
    expect(choosePersona('writing', 'Write a slogan for a bike shop', s).text).toBe(
      formatPreamble('You write punchy copy for a cycling brand.'),
    );
    expect(choosePersona('writing', 'Polish this paragraph', s).text).toBe(
      formatPreamble(getLibraryPersona('writing')!.texts.short),
    );
    expect(choosePersona('writing', 'Polish this paragraph', { ...s, personaLength: 'long' }).text).toBe(
      formatPreamble('You are my long editor.'),
    );
  });

  test('ignores an override that is empty or over the limit, and an unknown length', () => {
    const s = settings({
      personaOverrides: { math: { short: '   ', long: 'y'.repeat(2001) } },
      personaLength: 'huge' as PersonaLength,
    });
    expect(choosePersona('math', '2+2', s).text).toBe(formatPreamble(getLibraryPersona('math')!.texts.short));
    expect(choosePersona('math', '2+2', { ...s, personaLength: 'long' }).text).toBe(
      formatPreamble(getLibraryPersona('math')!.texts.long),
    );
  });

  test('counts an override in characters as a user does: 2,000 emoji fit the limit', () => {
    const emoji = '😀'.repeat(MAX_PERSONA_TEXT);
    const s = settings({ personaOverrides: { math: { short: emoji } } });
    expect(choosePersona('math', '2+2', s).text).toBe(formatPreamble(emoji));
  });
});
