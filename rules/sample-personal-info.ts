import { defineRule, type RuleFinding } from '../src/rule.js';
import { findPersonalInfo } from '../src/parsers/personal-info.js';
import { materialLabel, materialRef } from './lib/materials.js';
import { formMaterials } from './lib/forms.js';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'sample-personal-info',
    indicator: '样表个人信息',
    section: 'I',
    description: '示例样表中不得出现未脱敏的真实身份证号码（校验位正确）或手机号码',
    severity: 'error',
    defaultOptions: {},
    messages: {
      residentId: '表格{{label}}的示例样表“{{file}}”中有未脱敏的身份证号码 {{masked}}',
      mobile: '表格{{label}}的示例样表“{{file}}”中有未脱敏的手机号码 {{masked}}',
    },
    suggestions: {
      residentId: '样表中的身份证号码改为虚构或打码的号码，如“410102********1234”',
      mobile: '样表中的手机号码改为虚构或打码的号码，如“138****5678”',
    },
    examples: { pass: [{ title: '没有示例样表文件可读的表格不检查', guide: { 申请材料: [{ 材料名称: '工伤认定申请表' }] } }], fail: [] },
    scored: false,
    attachments: true,
  },
  // Only forms whose sample file was found and read have text to check.
  applies: (g) => formMaterials(g).some((m) => m.sampleFormRes?.status === 'found' && m.sampleFormRes.inspection.text !== undefined),
  check(g) {
    const out: RuleFinding[] = [];
    for (const m of formMaterials(g)) {
      const res = m.sampleFormRes;
      if (res?.status !== 'found' || !res.inspection.text) continue;
      for (const p of findPersonalInfo(res.inspection.text)) {
        out.push({
          messageId: p.kind === 'id' ? 'residentId' : 'mobile',
          field: '示例样表',
          ...materialRef(m),
          value: res.ref,
          data: { label: materialLabel(m), file: res.file, masked: p.masked },
        });
      }
    }
    return out;
  },
});
