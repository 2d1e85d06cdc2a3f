import { defineRule, type RuleFinding } from '../src/rule.js';
import { checkFormReference, formMaterials, isFound, KIND_NAMES, problemName } from './lib/forms.js';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'sample-form',
    indicator: '样表下载服务',
    section: 'D',
    description: '需要申请人填写的表格须提供示例样表下载，文件须为能打开的 PDF（按内容判断）',
    severity: 'error',
    defaultOptions: {},
    messages: {
      noReference: '表格{{label}}未提供示例样表',
      notFound: '表格{{label}}的示例样表“{{ref}}”找不到',
      outside: '表格{{label}}的示例样表“{{ref}}”是指向审核范围之外的链接，未读取',
      unreadable: '表格{{label}}的示例样表“{{file}}”无法打开（{{problem}}）',
      notPdf: '表格{{label}}的示例样表“{{file}}”实际是{{kind}}，不是 PDF',
      urlNotPdf: '表格{{label}}的示例样表网址“{{ref}}”指向 .{{ext}} 文件，不是 PDF',
    },
    suggestions: {
      noReference: '上传填写规范的示例样表（PDF 格式）',
      notFound: '重新上传示例样表，并核对导出中的附件路径',
      outside: '将示例样表放入导出文件夹或 --attachments 指定的附件目录',
      unreadable: '重新生成可以直接打开（无需密码）的 PDF 并上传',
      notPdf: '将示例样表导出为 PDF 后重新上传',
      urlNotPdf: '上传 PDF 格式的示例样表',
    },
    examples: {
      pass: [{ title: '不是表格的材料不检查', guide: { 申请材料: [{ 材料名称: '营业执照' }] } }],
      fail: [{ title: '表格没有示例样表', guide: { 申请材料: [{ 材料名称: '建设工程规划许可申请表', 示例样表: '' }] } }],
    },
    scored: true,
    attachments: true,
  },
  applies: (g) => formMaterials(g).length > 0,
  check(g) {
    const out: RuleFinding[] = [];
    for (const m of formMaterials(g)) {
      const r = checkFormReference(m, 'sample', (ext) => ext === 'pdf', 'urlNotPdf');
      if (!isFound(r)) {
        if (r) out.push(r);
        continue;
      }
      const { base, inspection: i } = r;
      if (i.kind !== 'pdf') out.push({ ...base, messageId: 'notPdf', data: { ...base.data, kind: KIND_NAMES[i.kind] } });
      else if (!i.readable) out.push({ ...base, messageId: 'unreadable', data: { ...base.data, problem: problemName(i.problem) } });
    }
    return out;
  },
});
