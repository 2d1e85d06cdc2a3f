import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty } from '../src/normalize.js';
import { textStepAttributes } from '../src/parsers/steps.js';
import { processSteps } from './lib/process.js';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'process-detail',
    indicator: '流程内容详实性',
    section: 'C',
    description: '办理流程的每个环节须写明办理时限、办理人员（岗位）和审查标准',
    severity: 'error',
    defaultOptions: {},
    messages: {
      noProcess: '未提供办理流程',
      incompleteStep: '办理流程第{{index}}个环节“{{name}}”缺少{{missing}}',
    },
    suggestions: {
      noProcess: '逐环节填写办理时限、办理人员（岗位）和审查标准',
      incompleteStep: '为该环节补充{{missing}}，如“办理人员：窗口工作人员；办理时限：1个工作日；审查标准：材料齐全、符合法定形式”',
    },
    examples: {
      pass: [
        { title: '结构化环节三项齐全', guide: { 办理流程: [{ 环节名称: '受理', 办理时限: '即时', 办理人员: '窗口工作人员', 审查标准: '材料齐全、符合法定形式' }] } },
        { title: '文字流程三项齐全', guide: { 办理流程: '1.受理：窗口工作人员当场受理，审查标准为材料齐全。\n2.决定：科长1个工作日内审批，标准为符合法定条件。' } },
      ],
      fail: [
        { title: '环节缺审查标准', guide: { 办理流程: [{ 环节名称: '受理', 办理时限: '即时', 办理人员: '窗口工作人员' }] } },
        { title: '文字流程只有环节名', guide: { 办理流程: '受理→审查→决定→送达' } },
      ],
    },
    scored: true,
  },
  check(g) {
    const steps = processSteps(g);
    if (steps.length === 0) return [{ messageId: 'noProcess', field: '办理流程' }];
    const out: RuleFinding[] = [];
    for (const s of steps) {
      const a = s.structured
        ? { time: !isEmpty(s.limit), person: !isEmpty(s.person), standard: !isEmpty(s.standard) }
        : textStepAttributes(s.text);
      const missing = [a.time ? '' : '办理时限', a.person ? '' : '办理人员', a.standard ? '' : '审查标准'].filter(Boolean);
      if (missing.length) {
        out.push({
          messageId: 'incompleteStep',
          field: '办理流程',
          value: s.text,
          step: { index: s.index, ...(s.name ? { name: s.name } : {}) },
          ...(s.loc ? { loc: s.loc } : {}),
          data: { index: s.index, name: s.name ?? '', missing: missing.join('、') },
        });
      }
    }
    return out;
  },
});
