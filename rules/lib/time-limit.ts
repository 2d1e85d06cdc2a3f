// Checks shared by 法定办结时限 and 承诺办结时限: form of the value, and agreement with its explanation.
import type { TimeLimit } from '../../src/model.js';
import type { RuleFinding } from '../../src/rule.js';
import { analyzeLimit, explanationAgrees, explanationDurations, type LimitAnalysis } from '../../src/parsers/time-limit.js';
import { formatDuration } from '../../src/parsers/duration.js';

export const LIMIT_MESSAGES = {
  missing: '未标注{{field}}',
  none: '{{field}}为“{{value}}”，未标注具体期限',
  noUnit: '{{field}}“{{value}}”未说明是工作日还是自然日',
  badUnit: '{{field}}“{{value}}”的单位“{{unit}}”不明确，须说明是工作日还是自然日',
  explanationMismatch: '{{field}}为“{{value}}”，与{{field}}说明“{{explanation}}”中的期限不一致',
};

export const LIMIT_SUGGESTIONS = {
  missing: '填写期限并注明单位，如“20个工作日”',
  none: '填写法律法规规定的具体期限，如“20个工作日”',
  noUnit: '写明单位，如“{{value}}个工作日”或“{{value}}个自然日”',
  badUnit: '改为“{{number}}个工作日”或“{{number}}个自然日”（按法律法规原文确定）',
  explanationMismatch: '核对后使期限与说明一致，如说明为“{{explained}}”则填写“{{explained}}”',
};

export interface LimitCheck {
  analysis: LimitAnalysis;
  findings: RuleFinding[];
}

/** Form and consistency checks of one limit; `noneAllowed`: whether 无 is an acceptable answer. */
export function checkLimit(limit: TimeLimit, field: string, noneAllowed: boolean, naturalPerWork: number): LimitCheck {
  const a = analyzeLimit(limit, naturalPerWork);
  const findings: RuleFinding[] = [];
  const base = { field, value: a.raw || undefined };
  switch (a.kind) {
    case 'empty':
      findings.push({ messageId: 'missing', field, data: { field } });
      break;
    case 'none':
      if (!noneAllowed) findings.push({ ...base, messageId: 'none', data: { field, value: a.raw } });
      break;
    case 'noUnit':
      findings.push({ ...base, messageId: 'noUnit', data: { field, value: a.raw.replace(/（单位：.*）$/, ''), } });
      break;
    case 'badUnit':
      findings.push({ ...base, messageId: 'badUnit', data: { field, value: a.raw, unit: a.unit, number: a.value ?? 'N' } });
      break;
    case 'ok': {
      const explained = explanationDurations(limit.explanation);
      if (explained.length && !explanationAgrees({ value: a.value, unit: a.unit, workdays: a.workdays }, explained, naturalPerWork)) {
        findings.push({
          ...base,
          messageId: 'explanationMismatch',
          data: { field, value: a.raw, explanation: limit.explanation!.trim(), explained: formatDuration(explained[0]!.value, explained[0]!.unit) },
        });
      }
      break;
    }
  }
  return { analysis: a, findings };
}
