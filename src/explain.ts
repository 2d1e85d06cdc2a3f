// `guide-audit rules` and `guide-audit explain`: rule metadata rendered for people.
import { RULES } from '../rules/index.js';
import type { Rule, RuleExample } from './rule.js';
import { renderTemplate } from './rule.js';
import { objectToGuide } from './loaders/json.js';
import { sourceSettings } from './loaders/source.js';
import type { Guide } from './model.js';

export function findRule(key: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === key || r.meta.indicator === key);
}

export function exampleGuide(ex: RuleExample): Guide {
  return objectToGuide(ex.guide, { file: 'example.json', index: 0 }, sourceSettings());
}

/** The messages a rule gives on an example (per-guide rules only). */
export function runExample(rule: Rule, ex: RuleExample): string[] {
  if (rule.kind !== 'guide') return [];
  const g = exampleGuide(ex);
  if (rule.applies && !rule.applies(g, rule.meta.defaultOptions, {})) return [];
  return rule.check(g, rule.meta.defaultOptions, {}).map((f) => renderTemplate(rule.meta.messages[f.messageId] ?? f.messageId, f.data));
}

const SEVERITY = { error: '错误', warning: '警告' } as const;

export function renderRuleList(): string {
  const rows = RULES.map((r) => `${r.meta.id.padEnd(24)} ${r.meta.indicator.padEnd(10, '　')} ${SEVERITY[r.meta.severity]}  ${r.meta.description}`);
  return ['规则 ID                  指标                 级别  检查内容', ...rows].join('\n') + '\n';
}

function fields(ex: RuleExample): string {
  return Object.entries(ex.guide)
    .map(([k, v]) => `${k}：${typeof v === 'string' ? (v === '' ? '（空）' : v) : JSON.stringify(v)}`)
    .join('；');
}

export function renderExplain(rule: Rule): string {
  const m = rule.meta;
  const out: string[] = [];
  out.push(`${m.indicator}（${m.id}）`, '', m.description, '');
  out.push(`章节：INDICATORS.md ${m.section}　默认级别：${SEVERITY[m.severity]}　计入准确度指数：${m.scored ? '是' : '否'}`);
  if (Object.keys(m.defaultOptions as object).length) out.push(`选项（默认值）：${JSON.stringify(m.defaultOptions)}`);
  out.push('', '可能的问题：');
  for (const [id, t] of Object.entries(m.messages)) {
    out.push(`  ${id}: ${t}`);
    const s = m.suggestions?.[id];
    if (s) out.push(`    建议：${s}`);
  }
  out.push('', '通过的例子：');
  for (const ex of m.examples.pass) out.push(`  ✓ ${ex.title}　${fields(ex)}`);
  out.push('', '不通过的例子：');
  for (const ex of m.examples.fail) {
    out.push(`  ✗ ${ex.title}　${fields(ex)}`);
    for (const msg of runExample(rule, ex)) out.push(`      → ${msg}`);
  }
  return out.join('\n') + '\n';
}
