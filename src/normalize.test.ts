import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isEmpty, isNegative, normalize, normalizeKeepLines } from './normalize.js';

const messy = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('<br>', '<p>', '&nbsp;', '&amp;', '\u0000', '\u200b', '\r\n', '　', '０', 'Ａ', '：', '（', '）', '\t', '&#x4e2d;')), { maxLength: 20 }).map((a) => a.join(''));

describe('normalize', () => {
  it('is idempotent: normalising twice equals normalising once', () => {
    fc.assert(fc.property(messy, (s) => {
      expect(normalize(normalize(s))).toBe(normalize(s));
      expect(normalizeKeepLines(normalizeKeepLines(s))).toBe(normalizeKeepLines(s));
    }), { numRuns: 500 });
  });
  it('leaves no control characters, tags or doubled spaces, and never throws', () => {
    fc.assert(fc.property(messy, (s) => {
      const n = normalize(s);
      expect(n).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      expect(n).not.toMatch(/ {2}|^\s|\s$/);
      expect(typeof cleanText(s)).toBe('string');
      expect(typeof isEmpty(s) && typeof isNegative(s)).toBe('boolean');
    }), { numRuns: 500 });
  });
  it('maps full-width forms and strips markup', () => {
    expect(normalize('０３９３－６６６１８８２<br/>　A３窗口&nbsp;')).toBe('0393-6661882 A3窗口');
  });
});
