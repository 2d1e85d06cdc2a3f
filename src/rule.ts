// What a rule module is: metadata (ESLint-style meta + message table) and a pure check.
import type { z } from 'zod';
import type { Guide, SourceLocation } from './model.js';
import type { CancelledList } from './cancelled.js';

export type Severity = 'error' | 'warning';
export type Section = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'I';

/** A Chinese-keyed guide record (layout 2), as used in rule examples and tests. */
export type ExampleRecord = Record<string, unknown>;

export interface RuleMeta<O = Record<string, unknown>> {
  /** Stable id, kebab-case: the file name under rules/ and in docs/rules/. */
  id: string;
  /** The indicator (三级指标) name, verbatim from INDICATORS.md. */
  indicator: string;
  section: Section;
  /** One line, Chinese: what is checked. */
  description: string;
  severity: Severity;
  /** zod schema of the options (all optional), and their defaults. */
  options?: z.ZodType<Partial<O>>;
  defaultOptions: O;
  /** messageId → Chinese template with {{placeholders}}. */
  messages: Record<string, string>;
  /** messageId → Chinese suggestion template (what to write instead). */
  suggestions?: Record<string, string>;
  /** Passing and failing examples for `explain` and the docs; tests check they hold. */
  examples: { pass: RuleExample[]; fail: RuleExample[] };
  /** Counts toward the 办事指南准确度 index (sections A–D). */
  scored: boolean;
  /** Reads attachment resolutions (`blankFormRes`, `sampleFormRes`, `flowchartRes`): the engine resolves them first. */
  attachments?: boolean;
}

export interface RuleExample {
  /** Chinese description of the case. */
  title: string;
  /** The fields that matter, as a layout-2 record. */
  guide: ExampleRecord;
}

export interface RuleFinding {
  messageId: string;
  data?: Record<string, string | number>;
  /** Chinese element name the finding is about. */
  field?: string;
  /** The raw offending value. */
  value?: string;
  material?: { index: number; name?: string };
  step?: { index: number; name?: string };
  /** Where the offending value is, when it is not the guide's own row (a material's row). */
  loc?: SourceLocation;
}

/** Data the run provides to rules besides the guide (loaded by the engine, never by a rule). */
export interface RuleContext {
  /** National catalogue (`--catalog`): 基本编码 → 事项名称. */
  catalog?: ReadonlyMap<string, string>;
  /** Cancelled and adjusted items (`--cancelled`), indexed by 基本编码, 实施编码 and 事项名称. */
  cancelled?: CancelledList;
}

export interface GuideRule<O = any> {
  kind: 'guide';
  meta: RuleMeta<O>;
  /** False: the guide is left out of this indicator's denominator. Default: applies. */
  applies?(guide: Guide, options: O, ctx: RuleContext): boolean;
  check(guide: Guide, options: O, ctx: RuleContext): RuleFinding[];
}

/** A finding of a cross-guide rule, naming its guide by the key the engine gave it. */
export interface SetFinding extends RuleFinding {
  guideKey: number;
}

export interface SetRule<O = any, S = any> {
  kind: 'set';
  meta: RuleMeta<O>;
  applies?(guide: Guide, options: O, ctx: RuleContext): boolean;
  /** Compact state; `add` keeps only what finalize needs, never the guide itself. */
  init(options: O, ctx: RuleContext): S;
  add(state: S, guide: Guide, guideKey: number, options: O): void;
  /**
   * Fold the state of another part of the run (a later file, read perhaps in another worker) into
   * `into`; its guide keys are shifted by `keyOffset`. States are structured-cloneable data.
   */
  merge(into: S, from: S, keyOffset: number, options: O): void;
  finalize(state: S, options: O): SetFinding[];
}

export type Rule = GuideRule | SetRule;

export function defineRule<O>(rule: Omit<GuideRule<O>, 'kind'>): GuideRule<O> {
  return { kind: 'guide', ...rule };
}

export function defineSetRule<O, S>(rule: Omit<SetRule<O, S>, 'kind'>): SetRule<O, S> {
  return { kind: 'set', ...rule };
}

/** Fill {{name}} placeholders; unknown ones are left visible so a missing datum shows in tests. */
export function renderTemplate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (data && data[k] !== undefined ? String(data[k]) : m));
}
