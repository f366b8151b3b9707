import { describe, expect, test } from 'vitest';
import { startsWithPersona } from '../../../src/router/existing-persona';
import { foldCase } from '../../../src/router/fold-case';
import { PERSONA_LIBRARY } from '../../../src/router/personas/library';
import { formatPreamble } from '../../../src/router/preamble';

describe('startsWithPersona: openers that give the model a role', () => {
  test.each([
    // en
    'You are a helpful travel agent. Plan a weekend in Porto.',
    "You're an experienced copy editor. Fix the commas below.",
    'You are now Captain Nemo, and I am a new crew member.',
    'You are Sherlock Holmes. Examine my muddy boots.',
    'You are playing a grumpy innkeeper.',
    'Act as a Linux terminal.',
    'Act like my personal trainer and plan my week.',
    'Please act as my interview coach.',
    'Imagine you are a medieval knight writing home.',
    'Imagine being a whale for a day and describe it.',
    'Pretend to be my grandmother telling bedtime stories.',
    'Pretend you are a tour guide in Kyoto.',
    'As a senior tax lawyer, review this clause for risks.',
    'As an experienced gardener, you know which roses survive frost.',
    'Take the role of a strict hiring manager.',
    'Play the role of a customer who wants a refund.',
    'I want you to act as a spreadsheet.',
    "I'd like you to be my Spanish tutor.",
    'Could you pretend to be a pirate?',
    'Roleplay as a dragon guarding gold.',
    'Your name is Ada and you tutor chemistry.',
    'You will act as a debate opponent.',
    'Respond as a pirate would.',
    // decoration before the opener
    '   \n\n> **You are a patient math tutor.** Explain fractions.',
    '"Act as a sommelier."',
    '# Role: You are a product manager',
    'System: You are a concise assistant.',
    '1. You are a film critic.',
    'From now on, you are a sarcastic robot.',
    'Hi! Please act as a museum guide.',
    // de
    'Du bist ein erfahrener Lektor. Korrigiere den Text.',
    'Du bist jetzt mein Reiseberater.',
    'Sie sind ein Steuerberater mit 20 Jahren Erfahrung.',
    'Stell dir vor, du bist ein Astronaut auf dem Mars.',
    'Tu so, als wärst du ein Detektiv.',
    'Verhalte dich wie ein Butler.',
    'Agiere als Projektmanager.',
    'Übernimm die Rolle eines Bewerbers.',
    'Ich möchte, dass du als Übersetzer arbeitest.',
    // es
    'Eres un chef famoso. Dame una receta.',
    'Usted es un abogado laboral.',
    'Actúa como un entrevistador exigente.',
    'Imagina que eres un astronauta.',
    'Finge ser mi abuela.',
    'Haz el papel de un cliente enfadado.',
    'Quiero que actúes como mi profesor de inglés.',
    // fr
    'Tu es un guide touristique à Lyon.',
    'Vous êtes un expert-comptable.',
    'Agis comme un professeur de piano.',
    'Agissez en tant que consultant.',
    'Imagine que tu es un chat.',
    'Fais comme si tu étais mon coach.',
    'Joue le rôle d’un journaliste.',
    'En tant que critique gastronomique, décris ce plat.',
    'Je veux que tu agisses comme un traducteur.',
    // pt
    'Você é um especialista em marketing digital.',
    'Aja como um advogado.',
    'Atue como meu personal trainer.',
    'Finja ser um detetive.',
    'Faça o papel de um cliente.',
    'Quero que você aja como um guia turístico.',
    // zh
    '你是一名资深编辑。请润色下面的文字。',
    '你现在是一位心理咨询师',
    '假设你是一位医生',
    '请扮演一个面试官',
    '请你充当英语老师',
    '以律师的身份回答',
    '作为一名律师，请审阅这份合同。',
    '我希望你扮演一个导游',
    '从现在开始，你是一个海盗',
    // ja
    'あなたはプロの翻訳者です。次の文を訳してください。',
    'ベテランの編集者として振る舞ってください。',
    '名探偵になりきって答えて',
    'これから、あなたは料理人です。',
  ])('%j', (text) => {
    expect(startsWithPersona(text)).toBe(true);
  });

  test.each(PERSONA_LIBRARY.flatMap((p) => Object.values(p.texts).map((t) => [p.id, t])))(
    'our own %s preamble counts',
    (_id, text) => {
      expect(startsWithPersona(formatPreamble(text) + 'Go.')).toBe(true);
    },
  );
});

describe('startsWithPersona: ordinary prompts that only look like one', () => {
  test.each([
    // coding and puzzle setups
    'You are given an array of integers nums and a target.',
    'You are given two strings s and t.',
    'YOU ARE GIVEN A STRING S OF LOWERCASE LETTERS.',
    'You are going to be given a list of numbers.',
    'You are to implement a stack using two queues.',
    'You are working on a repo with a failing build. Why?',
    'Imagine you have three boxes of apples.',
    'Imagine you are standing at the edge of a cliff at noon.',
    'Suppose you are given a graph with n nodes.',
    // questions and remarks
    'Are you sure this is right?',
    'You are right, thanks.',
    'You are the best!',
    'You are a genius, that worked.',
    'You are an assistant?',
    'Eres capaz de resumir esto?',
    '¿Eres un robot?',
    'Tu es sûr ?',
    'Du bist dran.',
    '你是谁？',
    '你是不是机器人',
    '你是什么模型',
    'あなたは誰ですか？',
    'あなたは日本語が話せますか。',
    // "As a …" that is not a role for the model
    'As a result, the loop never ends. Why?',
    'As an example, take the list [3, 1, 2].',
    'As a beginner, how do I start learning Go?',
    'As a parent, I worry about screen time.',
    'As a side note, the API changed in v2.',
    'En tant que développeur, je cherche un outil.',
    'Como un ejemplo, mira esto.',
    '作为一个新手，我该怎么学编程？',
    // format instructions, filler, other verbs
    'Write as a bulleted list.',
    'Answer as briefly as possible.',
    'Respond as JSON.',
    'Pythonとして実装してください',
    'So, sort these numbers',
    'Act on the feedback below and rewrite.',
    'Summarize this email: You are invited to our party.',
    '',
    '   ',
  ])('%j', (text) => {
    expect(startsWithPersona(text)).toBe(false);
  });

  test('looks only at the head of a 1 MB prompt', () => {
    expect(startsWithPersona('Act as a judge. ' + 'x'.repeat(1_000_000))).toBe(true);
    expect(startsWithPersona('x'.repeat(1_000_000) + ' You are a judge.')).toBe(false);
  });
});

describe('startsWithPersona: what the first-word check must let through', () => {
  test.each([
    // The `iu` patterns read 'ſ' (long s) as 's' and 'K' (Kelvin sign) as 'k', though neither lower-cases to them.
    'Pleaſe, act as a judge.',
    'Aſ a lawyer, review this contract.',
    'ſyſtem: You are a pirate.',
    'ASSUME THE ROLE OF A KING.'.replace(/S/g, 'ſ'),
    '\u212Aindly act as a judge.',
    // A Japanese role may open with any script; 60 characters before the verb may be 120 UTF-16 units.
    'ChatGPTとして振る舞って',
    '𝐀'.repeat(59) + 'として振る舞って',
    // A first word that ends at punctuation other than a space.
    'OK,act as a judge.',
    'Role:You are a pirate.',
    // Patterns that also need their second word: any white space between the two, any case.
    'Write\tlike someone who lived in 1800: describe a train.',
    'WRITE  AS A PIRATE.',
    'Escribe como un pirata.',
    'Écris comme un poète.',
    'Escreva como um poeta.',
  ])('%j', (text) => {
    expect(startsWithPersona(text)).toBe(true);
  });

  test.each([
    // 'İ' is no 'i' to the patterns, although it lower-cases to 'i' and a dot.
    'İch möchte, dass du als Lektor arbeitest.',
    '𝐀'.repeat(61) + 'として振る舞って',
    'Write, as a pirate, a poem.',
  ])('%j is not an opener', (text) => {
    expect(startsWithPersona(text)).toBe(false);
  });
});

describe('foldCase', () => {
  // Every BMP character, surrogate halves as NUL: simple case folding maps no astral character to these letters.
  const bmp = Array.from({ length: 0x10000 }, (_, i) => (i >= 0xd800 && i <= 0xdfff ? '\0' : String.fromCharCode(i)));
  const positionsByFold = new Map<string, number[]>();
  bmp.forEach((c, i) => {
    const key = foldCase(c);
    positionsByFold.set(key, [...(positionsByFold.get(key) ?? []), i]);
  });

  test('equals a character to a letter of our word lists exactly when a pattern with the iu flags does', () => {
    const latin = bmp.slice(0xc0, 0x250).filter((c) => /\p{L}/u.test(c));
    const letters = ['abcdefghijklmnopqrstuvwxyz', ...latin, "'-", '扮演邮件メール'].join('');
    const text = bmp.join('');
    const differ: string[] = [];
    for (const letter of letters) {
      const byPattern = [...text.matchAll(new RegExp(letter, 'giu'))].map((m) => m.index);
      const byFold = positionsByFold.get(foldCase(letter)) ?? [];
      if (byPattern.join() !== byFold.join()) differ.push(letter);
    }
    expect(differ).toEqual([]);
  });

  test('keeps every index, so a position in the folded text is one in the original', () => {
    const text = 'İstanbul ſtraße ΣΑΣ Kelvin \u212A 𐐀';
    expect(foldCase(text)).toHaveLength(text.length);
    expect(foldCase(text)).toBe('İstanbul straße σας kelvin k 𐐨');
  });
});
