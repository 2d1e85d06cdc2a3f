// ESLint RuleTester in spirit: valid cases give no finding; invalid cases give exactly the listed
// message ids (in order); every message id of the rule is exercised; the rule's own doc examples hold.
import { describe, expect, it } from 'vitest';
import type { GuideRule, ExampleRecord, RuleContext, RuleFinding, SetRule } from '../src/rule.js';
import type { Guide } from '../src/model.js';
import { renderTemplate } from '../src/rule.js';
import { exampleGuide } from '../src/explain.js';

export interface ValidCase {
  name?: string;
  guide: ExampleRecord;
  options?: Record<string, unknown>;
  /** Run data besides the guide (the national catalogue). */
  ctx?: RuleContext;
  /** Adjust the canonical guide before the rule runs (attachment resolutions the engine would fill). */
  prepare?: (g: Guide) => void;
}

export interface ExpectedFinding {
  messageId: string;
  field?: string;
  /** Substrings the rendered message must contain. */
  contains?: string[];
  data?: Record<string, string | number>;
  material?: number;
  step?: number;
}

export interface InvalidCase extends ValidCase {
  errors: (ExpectedFinding | string)[];
}

function run(rule: GuideRule, c: ValidCase): RuleFinding[] | 'n/a' {
  const g = exampleGuide({ title: '', guide: c.guide });
  c.prepare?.(g);
  const ctx = c.ctx ?? {};
  const opts = { ...rule.meta.defaultOptions, ...(c.options ? rule.meta.options!.parse(c.options) : {}) };
  if (rule.applies && !rule.applies(g, opts, ctx)) return 'n/a';
  return rule.check(g, opts, ctx);
}

const label = (c: ValidCase) => c.name ?? JSON.stringify(c.guide).slice(0, 120);

export function testRule(rule: GuideRule, cases: { valid: ValidCase[]; invalid: InvalidCase[]; notApplicable?: ValidCase[] }): void {
  describe(`${rule.meta.id}（${rule.meta.indicator}）`, () => {
    for (const c of cases.valid) {
      it(`通过：${label(c)}`, () => {
        const r = run(rule, c);
        expect(r === 'n/a' ? [] : r.map((f) => renderTemplate(rule.meta.messages[f.messageId]!, f.data))).toEqual([]);
      });
    }
    for (const c of cases.notApplicable ?? []) {
      it(`不适用：${label(c)}`, () => {
        expect(run(rule, c)).toBe('n/a');
      });
    }
    for (const c of cases.invalid) {
      it(`不通过：${label(c)}`, () => {
        const r = run(rule, c);
        expect(r).not.toBe('n/a');
        const got = r as RuleFinding[];
        const want = c.errors.map((e) => (typeof e === 'string' ? { messageId: e } : e));
        expect(got.map((f) => f.messageId)).toEqual(want.map((w) => w.messageId));
        want.forEach((w, i) => {
          const f = got[i]!;
          const msg = renderTemplate(rule.meta.messages[f.messageId]!, f.data);
          expect(msg, 'message has unfilled placeholders').not.toMatch(/\{\{/);
          const sugg = rule.meta.suggestions?.[f.messageId];
          if (sugg) expect(renderTemplate(sugg, f.data), 'suggestion has unfilled placeholders').not.toMatch(/\{\{/);
          if (w.field) expect(f.field).toBe(w.field);
          for (const s of w.contains ?? []) expect(msg).toContain(s);
          if (w.data) expect(f.data).toMatchObject(w.data);
          if (w.material !== undefined) expect(f.material?.index).toBe(w.material);
          if (w.step !== undefined) expect(f.step?.index).toBe(w.step);
        });
      });
    }
    it('每个消息 ID 都有不通过的用例', () => {
      const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => (typeof e === 'string' ? e : e.messageId))));
      expect(Object.keys(rule.meta.messages).filter((id) => !used.has(id))).toEqual([]);
    });
    it('文档中的例子与规则一致', () => {
      for (const ex of rule.meta.examples.pass) expect(run(rule, { guide: ex.guide }), ex.title).toSatisfy((r: unknown) => r === 'n/a' || (r as unknown[]).length === 0);
      for (const ex of rule.meta.examples.fail) expect((run(rule, { guide: ex.guide }) as RuleFinding[]).length, ex.title).toBeGreaterThan(0);
    });
  });
}

export interface SetCase {
  name: string;
  guides: ExampleRecord[];
  options?: Record<string, unknown>;
  ctx?: RuleContext;
  /** Expected findings: the index of the guide in `guides` and the message id, in any order. */
  errors: { guide: number; messageId: string; field?: string; contains?: string[] }[];
}

/** The set-rule counterpart of testRule: guides go through init/add/finalize as in a run. */
export function testSetRule(rule: SetRule, cases: SetCase[]): void {
  describe(`${rule.meta.id}（${rule.meta.indicator}）`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const ctx = c.ctx ?? {};
        const opts = { ...rule.meta.defaultOptions, ...(c.options ? rule.meta.options!.parse(c.options) : {}) };
        const state = rule.init(opts, ctx);
        c.guides.forEach((rec, i) => {
          const g = exampleGuide({ title: '', guide: rec });
          if (!rule.applies || rule.applies(g, opts, ctx)) rule.add(state, g, i, opts);
        });
        const got = rule.finalize(state, opts);
        const key = (f: { guide?: number; guideKey?: number; messageId: string; field?: string }) => `${f.guide ?? f.guideKey}:${f.messageId}:${f.field ?? ''}`;
        expect(got.map((f) => key({ guideKey: f.guideKey, messageId: f.messageId, field: f.field })).sort()).toEqual(
          c.errors.map((e) => key({ guide: e.guide, messageId: e.messageId, field: e.field ?? got.find((f) => f.guideKey === e.guide && f.messageId === e.messageId)?.field })).sort(),
        );
        for (const e of c.errors) {
          const f = got.find((x) => x.guideKey === e.guide && x.messageId === e.messageId && (!e.field || x.field === e.field))!;
          const msg = renderTemplate(rule.meta.messages[f.messageId]!, f.data);
          expect(msg, 'message has unfilled placeholders').not.toMatch(/\{\{/);
          const sugg = rule.meta.suggestions?.[f.messageId];
          if (sugg) expect(renderTemplate(sugg, f.data)).not.toMatch(/\{\{/);
          for (const s of e.contains ?? []) expect(msg).toContain(s);
        }
      });
    }
    it('每个消息 ID 都有不通过的用例', () => {
      const used = new Set(cases.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(rule.meta.messages).filter((id) => !used.has(id))).toEqual([]);
    });
  });
}
