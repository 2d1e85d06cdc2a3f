// The report is written in pieces and parsers are asked once per guide; neither may change a byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../src/reporters/json.js';
import { writeAtomic } from '../src/output.js';
import { byValue, perGuide, resetGuideMemos } from '../src/memo.js';
import { normalize, normalizeKeepLines, isEmpty } from '../src/normalize.js';
import type { Report } from '../src/report.js';
import { tempDir } from './helpers.js';

describe('renderJsonChunks', () => {
  it('gives JSON.stringify(value, null, 2) for any JSON-like value, big containers included', () => {
    const big = fc.array(fc.jsonValue(), { minLength: 30, maxLength: 80 });
    const value = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), big, fc.constant(undefined))), big);
    fc.assert(fc.property(value, (v) => {
      expect(renderJson(v as unknown as Report)).toBe(JSON.stringify(v, null, 2) + '\n');
    }), { numRuns: 300 });
  });

  it('drops undefined members and writes undefined array elements as null, as JSON.stringify does', () => {
    const v = { a: undefined, b: Array.from({ length: 40 }, (_, i) => (i % 2 ? undefined : { i, s: '中文\n"引号"' })), c: {}, d: [] };
    expect(renderJson(v as unknown as Report)).toBe(JSON.stringify(v, null, 2) + '\n');
  });

  it('writeAtomic writes the pieces as one file, the same bytes as the whole string', async () => {
    const dir = tempDir();
    const v = { findings: Array.from({ length: 5000 }, (_, i) => ({ i, message: `第 ${i} 条：办理地点未写明窗口` })) };
    const file = path.join(dir, 'r.json');
    await writeAtomic(file, renderJsonChunks(v as unknown as Report));
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(v, null, 2) + '\n');
  });
});

describe('perGuide', () => {
  it('answers each argument once per guide, and again after the memos are reset', () => {
    let calls = 0;
    const f = perGuide((s: string) => {
      calls++;
      return s.length;
    });
    resetGuideMemos();
    expect([f('ab'), f('ab'), f('abc')]).toEqual([2, 2, 3]);
    expect(calls).toBe(2);
    resetGuideMemos();
    f('ab');
    expect(calls).toBe(3);
  });
});

describe('byValue', () => {
  it('keeps a text across guides only once a second guide asks about it', () => {
    const calls: string[] = [];
    const f = byValue((s: string) => {
      calls.push(s);
      return { length: s.length };
    });
    resetGuideMemos();
    f('办理地点甲');
    f('办理地点甲'); // the same guide: its own memo
    expect(calls).toEqual(['办理地点甲']);
    resetGuideMemos();
    f('办理地点甲'); // a second guide: computed again, and kept from now on
    expect(calls).toEqual(['办理地点甲', '办理地点甲']);
    resetGuideMemos();
    expect(f('办理地点甲')).toEqual({ length: 5 });
    expect(calls.length).toBe(2);
    // A text seen by one guide only is gone with it.
    f('只出现一次的文字');
    resetGuideMemos();
    resetGuideMemos();
    f('另一段文字');
    expect(calls.filter((c) => c === '只出现一次的文字').length).toBe(1);
  });

  it('gives results that cannot be changed under the test runner', () => {
    const f = byValue((s: string) => ({ parts: s.split('') }));
    resetGuideMemos();
    const r = f('ab');
    expect(() => r.parts.push('c')).toThrow();
  });

  it('stays bounded: old entries are dropped once the new generation is full', () => {
    let n = 0;
    const f = byValue(() => ++n, 4, 1_000);
    for (const round of [1, 2]) {
      for (let i = 0; i < 20; i++) {
        resetGuideMemos();
        f(`值${i}`);
      }
      if (round === 1) expect(n).toBe(20);
    }
    // Second round: each value is seen by a second guide and kept, but only the last few survive.
    expect(n).toBe(40);
    resetGuideMemos();
    f('值19');
    expect(n).toBe(40);
    f('值0');
    expect(n).toBe(41);
  });
});

describe('normalisation fast paths', () => {
  it('agree with the full pipeline on clean and unclean text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', ' ', '\n', '\t', '（', '<', '&', '。', '/', '无', '1', '\u3000') , maxLength: 30 });
    fc.assert(fc.property(text, (s) => {
      // The slow path, written out: what normalize promised before the fast paths.
      const lines = s.normalize('NFKC').split('\n').map((l) => l.replace(/[ \t\u00a0\u3000]+/g, ' ').trim()).filter(Boolean);
      if (!/[<&]/.test(s)) {
        expect(normalizeKeepLines(s)).toBe(lines.join('\n'));
        expect(normalize(s)).toBe(lines.join('\n').replace(/\s+/g, ' '));
      }
      const flat = normalize(s).replace(/[。.，,；;]+$/, '');
      expect(isEmpty(s)).toBe(flat.length === 0 || ['/', '暂无', '空', '待定', '无数据'].includes(flat));
      resetGuideMemos();
    }), { numRuns: 500 });
  });
});
