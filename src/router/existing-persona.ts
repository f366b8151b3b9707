import { foldCase } from './fold-case';
import { hasPreamble } from './preamble';
import { isWhiteSpace } from './white-space';

/**
 * Does the prompt already open with a persona instruction? Then the router never adds a second one.
 *
 * The rule: after dropping what carries no words at the start (whitespace, quotes, markdown marks, list
 * numbers, a "System:"/"Role:" label, and fillers such as "Please," or "From now on,"), the prompt must
 * begin with one of three kinds of opener:
 * 1. A role-giving verb phrase that is a persona by itself: "Act as", "Pretend to be", "Take the role of",
 *    "I want you to act as", "Actúa como", "Agis comme", "Aja como", "请扮演", "…として振る舞って".
 * 2. "You are" (and "Imagine you are", "Du bist", "Eres", "Tu es", "Você é", "你是", "あなたは") followed by a
 *    role: an article or possessive and a noun ("a", "an", "the", "my"; "ein", "un", "um"…), a name (a
 *    capitalized word), or "playing"/"acting". A participle, adjective or preposition is not a role, which
 *    keeps "You are given an array…" and "Imagine you are in a race" out. The first sentence must not be
 *    a question ("Eres un robot?", "你是谁？"), and a short list of compliments ("You are the best")
 *    is not a role.
 * 3. "As a <role>, <instruction>" ("En tant que…", "Como un…", "作为…"): the phrase must end in a comma and be
 *    followed by something addressed to the model, not by "I"/"my"/a question word, which is the user
 *    describing themselves ("As a beginner, how do I…"); and the role word must not be a stock phrase
 *    ("As a result", "As an example").
 * Our own preambles count too (hasPreamble). When in doubt the answer is false: a missed persona means we
 * may add one, which only matters for style categories, where it is what the user gets anyway.
 */

/** How much of the prompt is read: openers are short, and 1 MB prompts must stay cheap. */
const HEAD_CHARS = 600;

// Every pattern below runs only when the prompt opens with a word its matches can begin with (or, for the
// Chinese and Japanese ones, with a CJK character): V8 compiles a case-insensitive Unicode pattern on its
// first use, and compiling all of them made a cold worker's first route tens of ms slower (issue #3).

/**
 * A pattern and the words (space-separated, lower case) that its matches can begin with; for the costliest
 * patterns also the words that can come second (after white space), so "Write a poem" compiles none.
 */
type Gated = readonly [firstWords: string, pattern: RegExp, secondWords?: string];

interface Opener {
  pattern: RegExp;
  secondWords: ReadonlySet<string> | null;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

function byFirstWord(gated: readonly Gated[]): ReadonlyMap<string, readonly Opener[]> {
  const index = new Map<string, Opener[]>();
  for (const [firstWords, pattern, secondWords] of gated) {
    const opener = { pattern, secondWords: secondWords === undefined ? null : words(secondWords) };
    for (const word of words(firstWords)) index.set(word, [...(index.get(word) ?? []), opener]);
  }
  return index;
}

/**
 * Where the word that starts at `from` ends: at the first white space, or punctuation that follows a filler
 * or a label (what s.search(/[\s,，、:：!！.。]/) finds, without the pattern); -1 when it runs to the end.
 * An apostrophe or hyphen stays in a word.
 */
function wordEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWhiteSpace(c) || isWordEndPunctuation(c)) return i;
  }
  return -1;
}

/** , ， 、 : ： ! ！ . 。 */
function isWordEndPunctuation(c: number): boolean {
  if (c < 128) return c === 44 || c === 58 || c === 33 || c === 46;
  return c === 0xff0c || c === 0x3001 || c === 0xff1a || c === 0xff01 || c === 0x3002;
}

/** The first two words as the patterns' `i` flag compares them. */
function leadingWords(s: string): [first: string, second: string] {
  const end = wordEnd(s, 0);
  if (end === -1) return [foldCase(s), ''];
  let second = end;
  while (second < s.length && isWhiteSpace(s.charCodeAt(second))) second++;
  const secondEnd = wordEnd(s, second);
  return [foldCase(s.slice(0, end)), foldCase(s.slice(second, secondEnd === -1 ? s.length : secondEnd))];
}

/** leadingWords(s)[0], without reading the second word. */
function firstWord(s: string): string {
  const end = wordEnd(s, 0);
  return foldCase(end === -1 ? s : s.slice(0, end));
}

function opensWithCjk(s: string): boolean {
  return s.charCodeAt(0) >= 0x3000;
}

const NOISE = /^(?:[\s\uFEFF\u200B-\u200D\u2060"'`“”‘’«»„‚「」『』【】()[\]*_~>#|+\-–—•]|\d{1,3}[.)](?=\s))+/u;
const LABEL = /^(?:system(?: prompt)?|role|persona|context|instructions?|prompt|rolle|rol|rôle|papel|角色|设定|役割)\s*[:：]/iu;
const FILLER = new RegExp(
  '^(?:(?:' +
    [
      'please', 'pls', 'kindly', 'ok(?:ay)?', 'alright', 'hi', 'hello', 'hey', 'so', 'now', 'from now on',
      'for (?:the rest of )?this (?:conversation|chat|session)', 'for this task',
      'bitte', 'hallo', 'ab jetzt', 'ab sofort', 'von nun an',
      'por favor', 'hola', 'a partir de ahora', 'desde ahora', 'ahora',
      "s'il (?:te|vous) pla[iî]t", 'bonjour', 'salut', 'à partir de maintenant', 'désormais', 'maintenant',
      'olá', 'ola', 'oi', 'a partir de agora', 'agora',
    ].join('|') +
    // Latin fillers need a separator after them ("so" must not eat "sort"); CJK ones do not.
    ')(?:[\\s,，、:：!！.。]+|$)|(?:从现在开始|从现在起|现在|接下来|今から|これから)[\\s,，、:：!！.。]*)',
  'iu',
);

/** The first words LABEL and FILLER can match (foldCase); their Chinese and Japanese words open with CJK. */
const LABEL_WORDS = words('system role persona context instruction instructions prompt rolle rol rôle papel');
const FILLER_WORDS = words(
  "please pls kindly ok okay alright hi hello hey so now from for bitte hallo ab von por hola a desde ahora s'il " +
    'bonjour salut à désormais maintenant olá ola oi agora',
);

function clean(text: string): string {
  let s = text.slice(0, HEAD_CHARS).replace(/[’‘]/g, "'");
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(NOISE, '');
    if (opensWithCjk(s) || LABEL_WORDS.has(firstWord(s))) s = s.replace(LABEL, '');
    s = s.replace(NOISE, '');
    if (opensWithCjk(s) || FILLER_WORDS.has(firstWord(s))) s = s.replace(FILLER, '');
    if (s === before) break;
  }
  return s;
}

function isQuestion(s: string): boolean {
  if (/^[¿]/.test(s)) return true;
  const end = s.search(/[.!?。！？\n]/);
  const sentence = end === -1 ? s : s.slice(0, end + 1);
  return /[?？]$/.test(sentence) || /(?:か|かな|吗|嗎|呢)[。.]?$/.test(sentence);
}

// ---------------------------------------------------------------------------------------------------------
// 1. Openers that are a persona by themselves.

const ROLE_VERBS = byFirstWord([
  // en
  ['act acting behave pose', /^(?:act|acting|behave|pose)\s+(?:as|like)\s/iu],
  ['respond reply answer speak talk write think', /^(?:respond|reply|answer|speak|talk|write|think)\s+(?:as|like)\s+(?:(?:a|an|the|my|your)\s+(?!(?:single\s+|short\s+|numbered\s+|bulleted\s+|bullet\s+)?(?:list|table|poem|story|json|summary|paragraph|sentence|email|letter|essay|tweet|song|series|code|csv|markdown|whole|one-liner)s?(?![\p{L}]))|if\s|though\s|someone\s|somebody\s)/iu, 'as like'],
  ['pretend', /^pretend\s+(?:to\s+be|(?:that\s+)?you(?:'re|\s+are|\s+were))\s/iu],
  ['imagine', /^imagine\s+(?:being|yourself\s+as)\s/iu],
  ['take taking play playing assume adopt step', /^(?:take|taking|play|playing|assume|adopt|step\s+into)\s+(?:on\s+)?(?:the\s+)?(?:role|persona|shoes|part|character)\s+of\s/iu],
  // Case-sensitive so that a capital can mark a name ("Impersonate Einstein"); the verb may be capitalized.
  ['roleplay role-play role role- impersonate embody', /^(?:[Rr]ole-?\s?[Pp]lay|[Ii]mpersonate|[Ee]mbody)\s+(?:as\s+)?(?:(?:a|an|the|my)\s|\p{Lu})/u],
  ['your', /^your\s+(?:role|persona|character)\s+is\s/iu],
  ['your', /^[Yy]our\s+name\s+is\s+\p{Lu}/u],
  ["you'll you", /^you(?:'ll|\s+will|\s+shall|\s+are\s+going\s+to)\s+(?:now\s+)?(?:act|play|pretend|roleplay|role-play|impersonate|take\s+on|assume|be\s+(?:a|an|the|my|playing|acting))\s/iu],
  ["i i'd", /^(?:i\s+want|i'd\s+like|i\s+would\s+like|i\s+need)\s+you\s+to\s+(?:act|play|pretend|roleplay|role-play|impersonate|take\s+on|take\s+the\s+role|assume|become|behave|respond\s+as|answer\s+as|be\s+(?:a|an|the|my))\s/iu],
  ['can could would will', /^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:act\s+as|pretend|play\s+the\s+role|roleplay|role-play|impersonate|be\s+my)\s/iu],
  // de
  ['tu tue tun', /^(?:tu|tue|tun\s+sie)\s+so,?\s+als\s/iu],
  ['verhalte verhalten benimm', /^(?:verhalte\s+dich|verhalten\s+sie\s+sich|benimm\s+dich)\s+wie\s/iu],
  ['agiere agieren handle handeln fungiere fungieren', /^(?:agiere|agieren\s+sie|handle|handeln\s+sie|fungiere|fungieren\s+sie)\s+als\s/iu],
  ['antworte antworten sprich sprechen schreib schreibe schreiben', /^(?:antworte|antworten\s+sie|sprich|sprechen\s+sie|schreib|schreibe|schreiben\s+sie)\s+(?:als|wie)\s+(?:ein|eine|einer|der|die|das|mein|meine)\s/iu],
  ['spiel spiele spielen übernimm übernehme übernehmen', /^(?:spiel|spiele|spielen\s+sie|übernimm|übernehme|übernehmen\s+sie)\s+(?:die|eine)\s+rolle\s/iu],
  ['schlüpf schlüpfe schlüpfen', /^(?:schlüpf|schlüpfe|schlüpfen\s+sie)\s+in\s+(?:die|eine)\s+rolle\s/iu],
  ['ich', /^ich\s+(?:möchte|will|hätte\s+gern|würde\s+gern),?\s+dass\s+(?:du|sie)\s+(?:als|die\s+rolle|eine\s+rolle|dich\s+wie|sich\s+wie|so\s+tust|so\s+tun)\s/iu],
  // es
  ['actúa actua actúe actúes compórtate comportate compórtese', /^(?:actúa|actua|actúe|actúes|compórtate|comportate|compórtese)\s+como\s/iu],
  ['responde responda habla hable escribe escriba', /^(?:responde|responda|habla|hable|escribe|escriba)\s+como\s+(?:(?:un|una|el|la|mi)\s+(?!(?:lista|tabla|poema|resumen|tweet)(?![\p{L}]))|si\s)/iu, 'como'],
  ['finge finja pretende pretenda', /^(?:finge|finja|pretende|pretenda)\s+(?:ser|que\s+eres|que\s+es)\s/iu],
  ['haz haga', /^(?:haz|haga)\s+(?:de|el\s+papel\s+de)\s/iu],
  ['interpreta interprete', /^(?:interpreta|interprete)\s+(?:el\s+papel|al\s+personaje|a\s+un|a\s+una)\s/iu],
  ['asume asuma toma tome juega juegue adopta adopte', /^(?:asume|asuma|toma|tome|juega|juegue|adopta|adopte)\s+el\s+(?:rol|papel)\s/iu],
  ['quiero', /^quiero\s+que\s+(?:actúes|actues|finjas|interpretes|hagas\s+de|asumas|te\s+comportes|respondas\s+como|seas\s+(?:un|una|el|la|mi))\s/iu],
  // fr
  ['agis agissez', /^(?:agis|agissez)\s+(?:comme|en\s+tant\s+que)\s/iu],
  ['comporte-toi comportez-vous', /^(?:comporte-toi|comportez-vous)\s+(?:comme|en)\s/iu],
  ['réponds répondez parle parlez écris écrivez', /^(?:réponds|répondez|parle|parlez|écris|écrivez)\s+(?:comme|en\s+tant\s+que)\s+(?:(?:un|une|le|la|l'|mon|ma)\s*(?!(?:liste|tableau|poème|résumé)(?![\p{L}]))|si\s)/iu, 'comme en'],
  ['fais faites', /^(?:fais|faites)\s+(?:comme\s+si|semblant\s+d'être)\s/iu],
  ['joue jouez prends prenez endosse endossez incarne incarnez adopte adoptez', /^(?:joue|jouez|prends|prenez|endosse|endossez|incarne|incarnez|adopte|adoptez)\s+(?:le\s+rôle|le\s+personnage|un\s+personnage|la\s+peau|un|une|le|la|l')/iu],
  ['mets-toi mettez-vous glisse-toi glissez-vous', /^(?:mets-toi|mettez-vous|glisse-toi|glissez-vous)\s+(?:dans\s+la\s+peau|à\s+la\s+place)\s/iu],
  ['je', /^je\s+(?:veux|voudrais|souhaite|aimerais)\s+que\s+(?:tu|vous)\s+(?:agisses|agissiez|joues|jouiez|incarnes|incarniez|fasses\s+semblant|fassiez\s+semblant|te\s+comportes|vous\s+comportiez|sois\s+(?:un|une|le|la|mon|ma)|soyez\s+(?:un|une|le|la|mon|ma))/iu],
  // pt
  ['aja atue age haja comporte-se', /^(?:aja|atue|age|haja|comporte-se)\s+como\s/iu],
  ['responda fale escreva', /^(?:responda|fale|escreva)\s+como\s+(?:(?:um|uma|o|a|meu|minha)\s+(?!(?:lista|tabela|poema|resumo)(?![\p{L}]))|se\s)/iu, 'como'],
  ['finja finge', /^(?:finja|finge)\s+(?:ser|que\s+(?:você\s+)?é|que\s+és)\s/iu],
  ['faça faz assuma assume interprete interpreta desempenhe', /^(?:faça|faz|assuma|assume|interprete|interpreta|desempenhe)\s+(?:o\s+papel|a\s+persona|o\s+personagem)\s/iu],
  ['quero', /^quero\s+que\s+(?:você|tu)\s+(?:aja|atue|finja|interprete|faça\s+o\s+papel|assuma|se\s+comporte|seja\s+(?:um|uma|o|a|meu|minha))\s/iu],
]);

const CJK_ROLE_VERBS: readonly RegExp[] = [
  // zh
  /^(?:请你?|你现在|现在)?(?:扮演|充当|担任|假装成?|模仿)/u,
  /^(?:请你?)?以[^，。,.\n]{1,20}的(?:身份|口吻|角色|视角|语气)/u,
  /^我(?:想|希望|需要|要)(?:你|您)(?:扮演|充当|担任|作为|假装)/u,
];

/** Japanese puts the role first and the verb after it, so this may open with any script. */
const JA_ROLE_VERB = /^[^。！？!?\n]{1,60}(?:として(?:振る舞|振舞|ふるま|行動|回答|返答|答え|話して)|になりきっ|の役を演じ|を演じ|の役で|になったつもりで|のふりをし|の立場で(?:回答|答え|話))/u;

/** Every ending JA_ROLE_VERB looks for opens with a hiragana, after at most 60 code points (120 UTF-16 units). */
const HIRAGANA = /[\u3041-\u309f]/;

function roleVerb(s: string, [first, second]: readonly [string, string]): boolean {
  const openers = ROLE_VERBS.get(first) ?? [];
  if (openers.some((o) => (o.secondWords === null || o.secondWords.has(second)) && o.pattern.test(s))) return true;
  if (opensWithCjk(s) && CJK_ROLE_VERBS.some((re) => re.test(s))) return true;
  return japaneseRoleVerb(s);
}

// ---------------------------------------------------------------------------------------------------------
// 2. "You are" + a role.

/** Compliments and insults that follow "you are a/the" without giving a role. */
const NOT_A_ROLE = /^(?:best|greatest|worst|smartest|funniest|sweetest|cutest|coolest|nicest|kindest|most|only|same|one|man|reason|problem|genius|lifesaver|life\s+saver|legend|star|gem|champ|idiot|liar|joke|meilleure?s?|melhor|mejor|besten?|beste)(?![\p{L}])/iu;

interface Copula {
  /** The words (foldCase) that the opener can begin with. */
  firstWords: ReadonlySet<string>;
  /** "You are", "Imagine you are", … up to the role; the rest of the text follows. */
  opener: RegExp;
  /** Articles, possessives and adverbs that can start a role in this language. */
  role: RegExp;
  /** Whether a capitalized word right after the opener counts as a name (not for German, where all nouns are). */
  names: boolean;
}

const COPULAS: readonly Copula[] = [
  {
    firstWords: words("imagine suppose assume pretend you you're u"),
    opener: /^(?:(?:imagine|suppose|assume|pretend)\s+(?:that\s+)?you(?:'re|\s+are|\s+were)|you\s+are|you're|u\s+r)\s+(?:now\s+|henceforth\s+|hereby\s+|to\s+be\s+|going\s+to\s+be\s+)?/iu,
    role: /^(?:(?:a|an|the|my|our|your|his|her|their)\s|(?:playing|acting|roleplaying|role-playing|portraying|impersonating)\s|(?:expert|specialist|professional|senior|experienced|veteran|seasoned)\s)/iu,
    names: true,
  },
  {
    firstWords: words('stell stelle stellen du sie'),
    opener: /^(?:(?:stell(?:e)?\s+dir\s+vor|stellen\s+sie\s+sich\s+vor),?\s+(?:dass\s+)?)?(?:du\s+(?:bist|wärst|wärest)|sie\s+(?:sind|wären))\s+(?:jetzt\s+|nun\s+|ab\s+jetzt\s+|ab\s+sofort\s+|heute\s+)?/iu,
    role: /^(?:ein|eine|einer|der|die|das|mein|meine|unser|unsere|experte|expertin|spezialist|spezialistin|profi)\s/iu,
    names: false,
  },
  {
    firstWords: words('imagina imagínate imagine eres tú tu usted serás sos vos'),
    opener: /^(?:(?:imagina|imagínate|imagine)\s+que\s+)?(?:eres|tú\s+eres|tu\s+eres|usted\s+es|serás|sos|vos\s+sos)\s+(?:ahora\s+)?/iu,
    role: /^(?:un|una|el|la|mi|nuestro|nuestra|experto|experta)\s/iu,
    names: true,
  },
  {
    firstWords: words("imagine imaginez tu t'es vous"),
    opener: /^(?:(?:imagine|imaginez)\s+que\s+)?(?:tu\s+es|t'es|vous\s+êtes|tu\s+seras|vous\s+serez)\s+(?:maintenant\s+|désormais\s+)?/iu,
    role: /^(?:un|une|le|la|l'|mon|ma|notre|expert|experte)[\s']/iu,
    names: true,
  },
  {
    firstWords: words('imagine você voce tu'),
    opener: /^(?:imagine\s+que\s+)?(?:você\s+é|voce\s+é|você\s+e|tu\s+és|você\s+será)\s+(?:agora\s+)?/iu,
    role: /^(?:um|uma|o|a|meu|minha|nosso|nossa|especialista)\s/iu,
    names: true,
  },
];

/** Chinese and Japanese have no articles: anything but a question word or a compliment is a role. */
const CJK_COPULAS: readonly RegExp[] = [
  /^(?:假设|假如|想象|设想|想像)?(?:你|您)(?:现在|将|就)?是(?!谁|什么|不|否|说|怎|哪|咋|吗|对|错|在|真|的|最|好人|棒|天才|笨|傻|个好人|$)/u,
  /^(?:あなた|貴方|君|きみ)は(?![、,]?(?:誰|だれ|何|なに|どう|なぜ|どこ|いつ|本当|最高|天才))/u,
];

function roleFollows(rest: string, copula: Copula, openerWasShouted: boolean): boolean {
  if (copula.role.test(rest)) {
    const noun = rest.replace(copula.role, '');
    return !NOT_A_ROLE.test(noun);
  }
  // A capitalized word is a name ("You are Sherlock Holmes", "Eres Claude") unless the whole opener was
  // in capitals, where capitals say nothing.
  if (copula.names && !openerWasShouted) {
    const word = /^[\p{L}'-]+/u.exec(rest)?.[0] ?? '';
    return /^\p{Lu}/u.test(word) && !NOT_A_ROLE.test(word);
  }
  return false;
}

function youAreRole(s: string, word: string): boolean {
  for (const copula of COPULAS) {
    const match = copula.firstWords.has(word) ? copula.opener.exec(s) : null;
    if (!match) continue;
    const shouted = match[0] === match[0].toUpperCase();
    return !isQuestion(s) && roleFollows(s.slice(match[0].length), copula, shouted);
  }
  return opensWithCjk(s) && CJK_COPULAS.some((re) => re.test(s)) && !isQuestion(s);
}

// ---------------------------------------------------------------------------------------------------------
// 3. "As a <role>, <instruction>".

interface AsRole {
  /** The word (foldCase) that the opener begins with. */
  firstWord: string;
  opener: RegExp;
  /** Stock phrases that start the same way but give no role. */
  stock: RegExp;
  /** What follows when the user describes themselves or asks something: I, my, we, question words… */
  self: RegExp;
}

const AS_ROLES: readonly AsRole[] = [
  {
    firstWord: 'as',
    opener: /^as\s+(?:a|an|the|my|your|someone|somebody)\s+([^,.;:!?\n]{1,60}),\s*/iu,
    stock: /^(?:result|consequence|rule|reminder|example|aside|whole|matter|side|follow-?up|first|last|bonus|test|general|precaution|courtesy|favou?r|final|alternative|comparison|reference|summary|note|quick|rough|starting|next|point|reply|response|answer|heads-?up|thank|token|bit|gift|means|way|part)(?![\p{L}])/iu,
    self: /^(?:i|i'm|i've|i'd|i'll|im|my|me|mine|we|we're|we've|our|us|how|what|why|when|where|which|who|whose|is|are|am|was|were|can|could|should|would|will|do|does|did|it|it's|its|this|that|these|those|there|here|the|a|an|they|he|she|his|her|their|if)(?![\p{L}'])/iu,
  },
  {
    firstWord: 'als',
    opener: /^als\s+(?:ein|eine|einer|erfahren\p{L}*|professionell\p{L}*)\s+([^,.;:!?\n]{1,60}),\s*/iu,
    stock: /^(?:beispiel|ergebnis|folge|regel)(?![\p{L}])/iu,
    self: /^(?:ich|mein|meine|meinen|mir|mich|wir|unser|unsere|uns|wie|was|warum|wann|wo|welche[rsnm]?|ist|sind|kann|können|sollte|es|das|der|die|dies|man|wenn)(?![\p{L}])/iu,
  },
  {
    firstWord: 'como',
    opener: /^como\s+(?:un|una|el|la|mi|um|o|meu|minha)\s+([^,.;:!?\n]{1,60}),\s*/iu,
    stock: /^(?:ejemplo|exemplo|resultado|regla|regra|consecuencia|consequência)(?![\p{L}])/iu,
    self: /^(?:yo|eu|mi|mis|me|meu|minha|nosotros|nós|nuestro|nosso|cómo|como|qué|que|por|para|cuál|qual|cuándo|quando|dónde|onde|es|é|son|são|el|la|los|las|o|a|os|as|se|si|¿)(?![\p{L}])/iu,
  },
  {
    firstWord: 'en',
    opener: /^en\s+tant\s+que\s+([^,.;:!?\n]{1,60}),\s*/iu,
    stock: /^(?:tel|telle|tels|telles)(?![\p{L}])/iu,
    self: /^(?:je|j'|mon|ma|mes|moi|nous|notre|nos|comment|quel|quelle|quels|quelles|pourquoi|quand|où|est-ce|est|il|elle|ils|elles|c'est|ce|cette|le|la|les|on|si)(?![\p{L}])/iu,
  },
];

function asRole(s: string, word: string): boolean {
  for (const form of AS_ROLES) {
    const match = form.firstWord === word ? form.opener.exec(s) : null;
    if (!match) continue;
    const phrase = match[1] ?? '';
    const after = s.slice(match[0].length);
    return after.trim() !== '' && !form.stock.test(phrase) && !form.self.test(after);
  }
  // 作为一名编辑，请… (but not 作为一个新手，我…).
  if (!opensWithCjk(s)) return false;
  const zh = /^作为[^，,。\n]{1,20}[，,]\s*(.)/u.exec(s);
  return zh !== null && zh[1] !== '我';
}

/**
 * Every first word (foldCase) that a label, a filler or an opener can begin with. A prompt that opens with
 * an ASCII letter (no noise to drop, no CJK opener) and another word can only hold the Japanese opener,
 * which may begin with any word: most prompts are settled with that one check.
 */
const OPENING_WORDS: ReadonlySet<string> = new Set([
  ...LABEL_WORDS,
  ...FILLER_WORDS,
  ...ROLE_VERBS.keys(),
  ...COPULAS.flatMap((copula) => [...copula.firstWords]),
  ...AS_ROLES.map((form) => form.firstWord),
]);

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Can `head` open with a persona phrase only as the Japanese opener does (see OPENING_WORDS)? */
function onlyJapaneseCanMatch(head: string): boolean {
  if (!isAsciiLetter(head.charCodeAt(0))) return false;
  return !OPENING_WORDS.has(firstWord(head).replace(/[’‘]/g, "'"));
}

function japaneseRoleVerb(s: string): boolean {
  return HIRAGANA.test(s.slice(0, 121)) && JA_ROLE_VERB.test(s);
}

/** Does the head of a prompt open with a persona phrase (the rule at the top, without our preambles)? */
export function opensWithPersonaPhrase(head: string): boolean {
  // clean() would only turn quotes, which JA_ROLE_VERB reads as any other character, into apostrophes.
  if (onlyJapaneseCanMatch(head)) return japaneseRoleVerb(head);
  return opensWithPersonaPhraseFully(head);
}

/** opensWithPersonaPhrase without its shortcut (a unit test holds the two together). */
export function opensWithPersonaPhraseFully(head: string): boolean {
  const s = clean(head);
  const words = leadingWords(s);
  return roleVerb(s, words) || youAreRole(s, words[0]) || asRole(s, words[0]);
}

/** True when the prompt already opens with a persona instruction, or with one of our preambles. */
export function startsWithPersona(text: string): boolean {
  if (typeof text !== 'string') return false;
  const head = text.slice(0, HEAD_CHARS);
  if (head.trim() === '') return false;
  return hasPreamble(text) || opensWithPersonaPhrase(head);
}
