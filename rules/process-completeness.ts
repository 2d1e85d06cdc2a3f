import { z } from 'zod';
import { defineRule } from '../src/rule.js';
import { stepCategories, type StepCategory } from '../src/parsers/steps.js';
import { caseKind } from './case-type.js';
import { processSteps } from './lib/process.js';

const CATS = ['受理', '审查', '决定', '送达'] as const;
const Options = z.object({ promise: z.array(z.enum(CATS)), instant: z.array(z.enum(CATS)) }).partial().strict();
type Options = { promise: StepCategory[]; instant: StepCategory[] };

export default defineRule<Options>({
  meta: {
    id: 'process-completeness',
    indicator: '流程环节完备性',
    section: 'C',
    description: '办理流程须涵盖受理、审查、决定、送达等环节（承诺件四个环节齐全；即办件至少有受理和决定）',
    severity: 'error',
    options: Options,
    // [decision] 即办件 needs 受理 and 决定; an empty or unknown 办件类型 is held to the 承诺件 requirement.
    defaultOptions: { promise: ['受理', '审查', '决定', '送达'], instant: ['受理', '决定'] },
    messages: {
      noProcess: '未提供办理流程',
      missingSteps: '办理流程缺少{{missing}}环节',
    },
    suggestions: {
      noProcess: '按“受理—审查—决定—送达”逐环节填写办理流程',
      missingSteps: '补充{{missing}}环节，写明各环节的办理时限、办理人员和审查标准',
    },
    examples: {
      pass: [
        { title: '承诺件四个环节齐全', guide: { 办件类型: '承诺件', 办理流程: '1.受理\n2.审查\n3.决定\n4.送达' } },
        { title: '即办件受理和办结', guide: { 办件类型: '即办件', 办理流程: [{ 环节名称: '受理' }, { 环节名称: '办结' }] } },
      ],
      fail: [
        { title: '没有流程', guide: { 办件类型: '承诺件' } },
        { title: '缺少送达', guide: { 办件类型: '承诺件', 办理流程: '1.受理\n2.审核\n3.审批' } },
      ],
    },
    scored: true,
  },
  check(g, o) {
    const steps = processSteps(g);
    if (steps.length === 0) return [{ messageId: 'noProcess', field: '办理流程' }];
    const found = new Set<StepCategory>();
    for (const s of steps) for (const c of stepCategories(s.structured ? s.name ?? s.text : s.text)) found.add(c);
    // Structured steps named vaguely (环节一) may still say what they do in their fields.
    if (steps.some((s) => s.structured)) for (const s of steps) for (const c of stepCategories(s.text)) found.add(c);
    const required = caseKind(g.caseType) === '即办件' ? o.instant : o.promise;
    const missing = required.filter((c) => !found.has(c));
    return missing.length ? [{ messageId: 'missingSteps', field: '办理流程', data: { missing: missing.join('、') } }] : [];
  },
});
