import { describe, expect, test } from 'vitest';
import { route } from '../../../src/router/route';
import { CATEGORIES } from '../../../src/router/types';
import { DEFAULT_ROUTER_SETTINGS } from '../../../src/router/defaults';

function expectValid(text: string) {
  const d = route(text, DEFAULT_ROUTER_SETTINGS);
  expect(CATEGORIES).toContain(d.category);
  expect(d.confidence).toBeGreaterThanOrEqual(0);
  expect(d.confidence).toBeLessThanOrEqual(1);
  expect(['persona', 'neutral']).toContain(d.route);
  expect(typeof d.reason).toBe('string');
  expect(() => JSON.stringify(d)).not.toThrow();
  return d;
}

describe('bad input is treated as text and never throws', () => {
  test('damaged persona overrides in the settings are ignored, not thrown on', () => {
    for (const personaOverrides of [null, 'You are my editor.', 42]) {
      const settings = { ...DEFAULT_ROUTER_SETTINGS, personaOverrides } as unknown as typeof DEFAULT_ROUTER_SETTINGS;
      const d = route('Write a short, warm poem about the first frost for my grandmother', settings);
      expect(d.category).toBe('writing');
      expect(d.route).toBe('persona');
      expect(d.persona?.text).toBe(route('Write a short, warm poem about the first frost for my grandmother').persona?.text);
    }
  });

  test('1 MB of pasted code with an instruction in front is classified by its instruction', () => {
    const code = 'for (let i = 0; i < n; i++) { total += values[i] * weights[i]; }\n';
    const text = `Why does this loop overflow?\n\`\`\`js\n${code.repeat(Math.ceil(1_048_576 / code.length))}\`\`\``;
    expect(text.length).toBeGreaterThanOrEqual(1_048_576);
    expect(expectValid(text).category).toBe('coding');
  });

  test('1 MB without any line break', () => {
    expectValid('lorem ipsum '.repeat(90_000));
  });

  test('lone surrogates and invalid UTF-16', () => {
    expectValid('\ud800Write a poem\udfff about \udc00\ud83d the sea\ud800');
    expectValid('\udfff'.repeat(5000));
  });

  test('control characters', () => {
    expectValid('\u0000\u0001\u0007Write\u0008 a \u001b[31mshort story\u001b[0m\u007f about a cat\u0000');
  });

  test('HTML and script text', () => {
    const d = expectValid('<script>alert(document.cookie)</script><b>Write a limerick about my cat</b><img src=x onerror=alert(1)>');
    expect(d.reason).not.toContain('<script');
  });

  test('a string of only punctuation or emoji', () => {
    expectValid('?!?!... ;;; ---');
    expectValid('😀🎉🔥💯');
  });

  test('a non-string value from a careless caller counts as empty', () => {
    const d = route(null as unknown as string, DEFAULT_ROUTER_SETTINGS);
    expect(d.reason).toBe('empty');
  });
});
