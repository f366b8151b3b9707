import { describe, expect, test } from 'vitest';
import { classify, route } from '../../../src/router/route';
import { CATEGORIES, type RouterSettings } from '../../../src/router/types';
import { DEFAULT_ROUTER_SETTINGS } from '../../../src/router/defaults';
import { choosePersona } from '../../../src/router/personas/choose-persona';
import { applyPreamble } from '../../../src/router/preamble';

const WRITING = 'Write a heartfelt birthday poem for my grandmother, who loves gardening and old jazz records.';
const MATH = 'Calculate the derivative of f(x) = 3x^4 - 2x^2 + 7x and evaluate it at x = 2.';
const EXTRACTION =
  'Extract every date and the amount paid from the following invoice notes and return them as a JSON list:\n\n' +
  'Invoice 1041 was issued on 3 March 2024 for 1,200 euros and paid on 20 March. Invoice 1042 followed on ' +
  '11 April 2024 for 860 euros; the customer paid 400 euros on 2 May and the rest on 30 May. Invoice 1043, ' +
  'dated 9 June 2024, was for 2,050 euros and is still open.';

function settings(overrides: Partial<RouterSettings> = {}): RouterSettings {
  return { ...structuredClone(DEFAULT_ROUTER_SETTINGS), threshold: 0.5, ...overrides };
}

describe('classification', () => {
  test('scores are a distribution over the eight categories and confidence is the top score', () => {
    const c = classify(WRITING);
    expect(Object.keys(c.scores)).toEqual([...CATEGORIES]);
    const sum = Object.values(c.scores).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 2);
    expect(c.confidence).toBe(Math.max(...Object.values(c.scores)));
    expect(c.scores[c.category]).toBe(c.confidence);
  });

  test.each([
    [WRITING, 'writing'],
    [MATH, 'math'],
    [EXTRACTION, 'extraction'],
    ['Write a Python function that returns the n-th Fibonacci number using memoization.', 'coding'],
    ['Pretend to be a grumpy medieval innkeeper and greet me as I walk in from the rain.', 'roleplay'],
    ['How does a vaccine train the immune system to recognise a virus?', 'stem'],
    ['What were the main causes of the French Revolution?', 'humanities'],
  ] as const)('"%s" → %s', (text, expected) => {
    expect(classify(text).category).toBe(expected);
  });

  test('is deterministic', () => {
    expect(route(EXTRACTION, settings())).toEqual(route(EXTRACTION, settings()));
  });
});

describe('policy', () => {
  test('writing is auto: route persona with the chosen persona attached', () => {
    const s = settings();
    const d = route(WRITING, s);
    expect(d.category).toBe('writing');
    expect(d.action).toBe('auto');
    expect(d.route).toBe('persona');
    expect(d.persona).toEqual(choosePersona('writing', WRITING, s));
    expect(d.persona?.text.length).toBeGreaterThan(10);
    expect(d.reason).toContain('writing');
  });

  test('extraction is suggest: a persona is attached and the action says suggest', () => {
    const d = route(EXTRACTION, settings());
    expect(d.category).toBe('extraction');
    expect(d.action).toBe('suggest');
    expect(d.route).toBe('persona');
    expect(d.persona?.id).toBe('extraction');
  });

  test('math is never: neutral, no persona, and the reason says why', () => {
    const d = route(MATH, settings());
    expect(d.category).toBe('math');
    expect(d.action).toBe('never');
    expect(d.route).toBe('neutral');
    expect(d.persona).toBeUndefined();
    expect(d.reason).toMatch(/math.*accuracy/);
  });

  test('the policy comes from the settings', () => {
    const s = settings();
    const custom = settings({ policy: { ...s.policy, math: 'auto', writing: 'never' } });
    expect(route(MATH, custom).route).toBe('persona');
    expect(route(MATH, custom).action).toBe('auto');
    expect(route(WRITING, custom).route).toBe('neutral');
    expect(route(WRITING, custom).action).toBe('never');
  });

  test('below the threshold the route is neutral, above it the policy applies', () => {
    const confidence = route(WRITING, settings()).confidence;
    const above = route(WRITING, settings({ threshold: Math.max(0, confidence - 0.01) }));
    const below = route(WRITING, settings({ threshold: confidence + 0.0001 }));
    expect(above.route).toBe('persona');
    expect(below.route).toBe('neutral');
    expect(below.persona).toBeUndefined();
    expect(below.reason).toMatch(/^low confidence/);
    expect(below.category).toBe('writing');
  });

  test('a prompt that already has a persona stays neutral, with that reason', () => {
    const d = route('You are a seasoned travel writer. Write a short blog post about a rainy week in Lisbon.', settings());
    expect(d.route).toBe('neutral');
    expect(d.reason).toBe('the prompt already has a persona');
    expect(d.category).not.toBeNull();
  });

  test('a prompt that already carries our preamble gets no second one', () => {
    const first = route(WRITING, settings());
    const withPreamble = applyPreamble(WRITING, first.persona!);
    const again = route(withPreamble, settings());
    expect(again.route).toBe('neutral');
    expect(again.reason).toBe('the prompt already has a persona');
  });

  test.each(['', '   ', '\n\t  \n'])('empty input %j is neutral with reason "empty"', (text) => {
    const d = route(text, settings());
    expect(d).toMatchObject({ category: null, confidence: 0, route: 'neutral', action: null, reason: 'empty' });
    expect(d.persona).toBeUndefined();
  });
});
