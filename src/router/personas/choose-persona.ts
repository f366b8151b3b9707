import { MAX_PERSONA_TEXT, personaTextLength } from '../defaults';
import { formatPreamble } from '../preamble';
import { PERSONA_LENGTHS, type Category, type Persona, type PersonaLength, type RouterSettings } from '../types';
import { lastUnitBeforeSpace } from '../white-space';
import { cueList, cueText, mentionsCue, type CueList } from './cue-words';
import { getLibraryPersona, type LibraryPersona, type WritingSubPersonaId } from './library';

/**
 * Writing sub-personas are picked from the instruction only: the first line and, for multi-line prompts,
 * the last line (instructions also come after a pasted draft; but when the first line ends with a colon,
 * the last line is the paste unless it is a question), at most INSTRUCTION_CHARS of each. Pasted
 * text in between never votes, so "make this more polite:" followed by a story is not literary. A cue
 * must be unambiguous: when no sub-persona or more than one matches, the general writing persona is used,
 * because a wrong specialist (a copywriter for a condolence note) is worse than a general editor. Words that
 * as often mean something else are left out or narrowed: "Roman" (fr/de novel), "essai" (fr trial period),
 * "pub", and "Geschichte"/"histoire"/"história", which are also "history".
 */
const INSTRUCTION_CHARS = 300;

/**
 * Latin-script cues match whole words in any case (letters on either side block a match) and are written in
 * lower-case pattern syntax (see cueList); CJK cues match anywhere.
 */
type Cues = readonly [latin: readonly string[], cjk: readonly string[]];

const PEOPLE_EN = "clients?|customers?|boss|manager|supervisor|colleagues?|co-?workers?|team|landlord|professor|recruiter|hiring manager|stakeholders?|investors?|vendors?|suppliers?|employees?|staff|hr";

export const SUB_PERSONA_CUES: ReadonlyArray<readonly [WritingSubPersonaId, Cues]> = [
  [
    'writing.business',
    [
      [
        // en
        'e-?mails?', 'mails?', 'memos?', 'memorand(?:um|a)', 'slack', 'teams message', 'inmail',
        '(?:cover|business|formal|resignation|complaint|recommendation|reference) letter',
        'letter of (?:complaint|resignation|recommendation|reference)', 'out[- ]of[- ]office',
        'meeting (?:invite|invitation|agenda|notes|minutes|recap)', 'status update',
        `to (?:my|our|a|an|the|this|that|your) (?:${PEOPLE_EN})`,
        // de
        'anschreiben', 'geschäftsbriefe?', 'bewerbungsschreiben', 'kündigungsschreiben',
        'an (?:meinen|meine|unseren|unsere|den|die|einen|eine) (?:kunden|kundin|chef|chefin|vorgesetzten|kollegen|kollegin|team|vermieter)',
        // es
        'correos?(?: electrónicos?)?', 'carta (?:de presentación|formal)',
        'a (?:mi|nuestro|nuestra|un|una|el|la) (?:cliente|jefe|jefa|colega|equipo|casero)', 'al (?:cliente|jefe|equipo)',
        // fr
        'courriels?', 'lettre (?:de motivation|formelle|de réclamation|de démission)', 'note de service',
        'à (?:mon|ma|notre|un|une|le|la) (?:client|cliente|patron|patronne|manager|responsable|collègue|équipe|propriétaire)',
        'au (?:client|patron|manager|responsable)',
        // pt
        'carta (?:de apresentação|formal)',
        'para (?:o|a|meu|minha|um|uma|nosso|nossa) (?:cliente|chefe|gerente|colega|equipe|equipa)', 'ao (?:cliente|chefe|gerente)',
      ],
      ['邮件', '备忘录', '求职信', '商务信函', '给客户', '给老板', '给领导', '给同事', '给经理',
        'メール', '社内文書', 'ビジネス文書', '送付状', 'カバーレター', '取引先', '上司', '顧客', 'お客様', '稟議'],
    ],
  ],
  [
    'writing.literary',
    [
      [
        // en
        'stor(?:y|ies)', 'tales?', 'fables?', 'fairy ?tales?', 'poems?', 'poetry', 'haikus?', 'sonnets?', 'limericks?',
        'verses?', 'lyrics', 'songs?', 'ballads?', 'odes?', 'elegy', 'rhymes?', 'fiction', 'fanfic(?:tion)?',
        'novels?', 'novellas?', 'screenplay', '(?:film|movie|play) script',
        // de
        // "Geschichte" alone is also "history", so only the story-telling forms.
        '(?:eine|kurze|lustige|spannende) geschichte', 'geschichten', 'kurzgeschichten?', 'gutenachtgeschichten?',
        'märchen', 'gedichte?', 'songtext', 'liedtext', 'erzählung(?:en)?', 'fabeln?', 'reime?',
        // es
        'cuentos?', 'relatos?', 'historia corta', 'poemas?', 'poesía', 'letra de (?:una )?canción', 'canción', 'novela',
        'fábula',
        // fr
        '(?:une|petite) histoire', 'histoires', 'contes?', 'poèmes?', 'poésie', 'paroles de (?:la )?chanson', 'chanson',
        'fable', 'récit',
        // pt
        'uma história', 'histórias', 'contos?', 'poesia', 'letra de (?:uma )?música', 'canção', 'romance', 'crônica',
      ],
      ['故事', '小说', '诗', '歌词', '童话', '寓言', '剧本', '物語', '小説', '詩', '俳句', '短歌', '童話', 'ストーリー', '短編', 'ポエム'],
    ],
  ],
  [
    'writing.copy',
    [
      [
        // en
        'ads?', 'adverts?', 'advertisements?', 'advertising', 'slogans?', 'taglines?', 'headlines?', 'landing pages?',
        'product (?:descriptions?|page|listing)', 'marketing', 'copywriting', 'sales (?:copy|page|pitch)',
        'promo(?:tional)?', 'campaign', 'call to action', 'jingle', '(?:elevator )?pitch', 'social media posts?',
        'instagram (?:posts?|captions?)', 'captions?', 'brand (?:voice|story|name)s?', 'newsletter',
        // de
        'werbe\\p{L}*', 'werbung', 'produktbeschreibung(?:en)?', 'landingpage', 'marketing\\p{L}*',
        // es
        'anuncios?', 'eslogan(?:es)?', 'descripci[oó]n(?:es)? del? producto', 'p[aá]gina de (?:destino|aterrizaje)',
        'publicidad', 'publicitari[oa]s?', 'campaña',
        // fr
        'publicit(?:é|aire)s?', 'accroches?', "descriptions? (?:du|de|d'un) produit", "page d'atterrissage",
        'campagne',
        // pt
        'anúncios?', 'descri[cç][aã]o (?:do|de|de um) produto', 'publicidade', 'publicit[aá]ri[oa]', 'campanha',
      ],
      ['广告', '口号', '标语', '文案', '产品描述', '商品描述', '落地页', '宣传',
        '広告', 'キャッチコピー', 'キャッチフレーズ', 'スローガン', '商品説明', 'ランディングページ', '宣伝', '販促'],
    ],
  ],
  [
    'writing.academic',
    [
      [
        // en
        'essays?', 'abstracts?', 'papers?', 'thes[ie]s', 'dissertations?', 'literature reviews?', 'journal articles?',
        '(?:research|grant) proposals?', 'academic', 'scholarly', 'manuscripts?', 'peer review', '(?:lab|research) reports?',
        // de
        'aufsatz', 'aufsätze', '(?:haus|abschluss|bachelor|master|doktor|seminar)arbeit(?:en)?', 'wissenschaftlich\\p{L}*',
        'fachartikel', 'literaturübersicht',
        // es
        'ensayos?', 'tesis', 'tesina', 'art[ií]culo (?:cient[ií]fico|acad[eé]mico)', 'revisi[oó]n de (?:la )?literatura',
        'trabajo de fin de (?:grado|m[aá]ster)', 'acad[eé]mic[oa]', 'monograf[ií]a',
        // fr
        'thèse', 'mémoire', 'article scientifique', 'revue de (?:la )?littérature', 'académique',
        // pt
        'ensaios?', 'reda[cç][aã]o', 'tese', 'disserta[cç][aã]o', 'artigo (?:cient[ií]fico|acad[eê]mico)',
        'revis[aã]o de literatura', 'tcc', 'monografia', 'acad[eê]mic[oa]',
      ],
      ['论文', '摘要', '文献综述', '学术', '研究报告', '开题报告', '論文', '卒論', '要旨', 'アブストラクト', '学術', '文献レビュー'],
    ],
  ],
];

/** The parts of a prompt that carry its instruction (see the comment at the top). */
export function instructionParts(text: string): string[] {
  const head = text.slice(0, 4 * INSTRUCTION_CHARS).trimStart();
  const firstBreak = head.indexOf('\n');
  const first = (firstBreak === -1 ? head : head.slice(0, firstBreak)).slice(0, INSTRUCTION_CHARS);
  const tail = text.slice(-4 * INSTRUCTION_CHARS).trimEnd();
  const lastBreak = tail.lastIndexOf('\n');
  if (lastBreak === -1 || text.trim().indexOf('\n') === -1) return [first];
  const last = tail.slice(lastBreak + 1).slice(-INSTRUCTION_CHARS);
  // "Do X:" followed by a paste ends with the paste, not an instruction, unless the end asks something.
  const firstEnd = lastUnitBeforeSpace(first);
  const lastEnd = lastUnitBeforeSpace(last);
  if ((firstEnd === 58 || firstEnd === 0xff1a) && lastEnd !== 63 && lastEnd !== 0xff1f) return [first];
  return [first, last];
}

/** The writing sub-persona the instruction clearly asks for, or null for the general writing persona. */
export function writingSubPersona(text: string): WritingSubPersonaId | null {
  // The parts are read as one text, each list run once: no cue and no word holds a line break, and no part
  // does either, so a cue is found in the joined parts exactly when it is found in one of them.
  const instruction = cueText(instructionParts(text).join('\n'));
  const matched = subPersonaCueLists().filter(([, cues]) => mentionsCue(instruction, cues));
  return matched.length === 1 ? matched[0]![0] : null;
}

let cueLists: ReadonlyArray<readonly [WritingSubPersonaId, CueList]> | null = null;

// Built on first use, so that a worker that never routes a writing prompt does not expand the cues.
function subPersonaCueLists(): ReadonlyArray<readonly [WritingSubPersonaId, CueList]> {
  cueLists ??= SUB_PERSONA_CUES.map(([id, [latin, cjk]]) => [id, cueList(latin, cjk)] as const);
  return cueLists;
}

// The same rule the options page saves by (validatePersonaText), in case storage holds something else.
function usableOverride(text: unknown): text is string {
  return typeof text === 'string' && text.trim() !== '' && personaTextLength(text) <= MAX_PERSONA_TEXT;
}

/**
 * The persona for a prompt of this category: a writing sub-persona when the instruction clearly asks for
 * one, at the configured length, with the user's edited text when there is a usable one. `text` is the
 * preamble exactly as inserted (formatPreamble).
 */
export function choosePersona(category: Category, text: string, settings: RouterSettings): Persona {
  const subId = category === 'writing' ? writingSubPersona(text) : null;
  const entry: LibraryPersona = getLibraryPersona(subId ?? category)!;
  const length: PersonaLength = PERSONA_LENGTHS.includes(settings.personaLength) ? settings.personaLength : 'short';
  const override = settings.personaOverrides?.[entry.id]?.[length];
  const body = usableOverride(override) ? override : entry.texts[length];
  return { id: entry.id, name: entry.name, text: formatPreamble(body) };
}
