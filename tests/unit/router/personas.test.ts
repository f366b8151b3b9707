import { describe, expect, test } from 'vitest';
import { DEFAULT_ROUTER_SETTINGS, MAX_PERSONA_TEXT } from '../../../src/router/defaults';
import { choosePersona, instructionParts, writingSubPersona } from '../../../src/router/personas/choose-persona';
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
