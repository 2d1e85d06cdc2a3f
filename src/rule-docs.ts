// Markdown page per rule (docs/rules/<id>.md), generated from the rule's metadata.
import type { Rule, RuleExample } from './rule.js';
import { runExample } from './explain.js';

const SEVERITY = { error: '错误', warning: '警告' } as const;

function exampleBlock(ex: RuleExample): string {
  return '```json\n' + JSON.stringify(ex.guide, null, 2) + '\n```';
}

export function renderRuleDoc(rule: Rule): string {
  const m = rule.meta;
  const lines: string[] = [
    `# ${m.id}：${m.indicator}`,
    '',
    '<!-- 本文件由 npm run docs 根据规则元数据生成，请勿手工修改。 -->',
    '',
    m.description,
    '',
    `- 指标：${m.indicator}（INDICATORS.md 第 ${m.section} 节）`,
    `- 默认级别：${SEVERITY[m.severity]}`,
    `- 计入办事指南准确度指数：${m.scored ? '是' : '否'}`,
    `- 代码：[rules/${m.id}.ts](../../rules/${m.id}.ts)；测试：[rules/${m.id}.test.ts](../../rules/${m.id}.test.ts)`,
  ];
  const opts = Object.entries(m.defaultOptions as Record<string, unknown>);
  if (opts.length) {
    lines.push('', '## 选项', '', '| 选项 | 默认值 |', '| --- | --- |');
    for (const [k, v] of opts) lines.push(`| \`${k}\` | \`${JSON.stringify(v).replace(/\|/g, '\\|')}\` |`);
  }
  lines.push('', '## 消息', '', '| 消息 ID | 问题 | 整改建议 |', '| --- | --- | --- |');
  for (const [id, t] of Object.entries(m.messages)) lines.push(`| \`${id}\` | ${t} | ${m.suggestions?.[id] ?? ''} |`);
  lines.push('', '## 通过的例子');
  for (const ex of m.examples.pass) lines.push('', `### ${ex.title}`, '', exampleBlock(ex));
  lines.push('', '## 不通过的例子');
  for (const ex of m.examples.fail) {
    lines.push('', `### ${ex.title}`, '', exampleBlock(ex), '');
    for (const msg of runExample(rule, ex)) lines.push(`- ${msg}`);
  }
  return lines.join('\n') + '\n';
}
