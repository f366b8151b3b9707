/**
 * A deliberately simple keyword baseline, kept only so the evaluation shows what the learned model adds:
 * count keyword hits per category in the lower-cased text, highest count wins, ties by category order,
 * no hit at all → writing (the most common category of chat prompts in the public sets).
 */
import { CATEGORIES, type Category } from './types';

const KEYWORDS: Record<Category, readonly string[]> = {
  writing: ['write', 'essay', 'poem', 'story', 'email', 'blog', 'letter', 'rewrite', 'draft', 'compose', 'article'],
  roleplay: ['pretend', 'act as', 'you are', 'imagine you', 'role', 'character', 'in the style of', 'as if you'],
  reasoning: ['riddle', 'puzzle', 'logic', 'if all', 'which one', 'who is taller', 'deduce', 'brain teaser'],
  math: ['calculate', 'solve', 'equation', 'how many', 'sum', 'probability', 'integral', 'percent', 'math'],
  coding: ['code', 'function', 'python', 'javascript', 'bug', 'program', 'sql', 'algorithm', 'class', 'error'],
  extraction: ['extract', 'summarize', 'summary', 'list all', 'identify', 'from the following', 'json', 'table'],
  stem: ['physics', 'chemistry', 'biology', 'science', 'energy', 'engineering', 'quantum', 'cell', 'explain how'],
  humanities: ['history', 'philosophy', 'economics', 'culture', 'politics', 'literature', 'religion', 'law', 'art'],
};

export function keywordBaseline(text: string): Category {
  const lower = typeof text === 'string' ? text.toLowerCase() : '';
  let best: Category = 'writing';
  let bestHits = 0;
  for (const c of CATEGORIES) {
    let hits = 0;
    for (const k of KEYWORDS[c]) if (lower.includes(k)) hits++;
    if (hits > bestHits) {
      best = c;
      bestHits = hits;
    }
  }
  return best;
}
