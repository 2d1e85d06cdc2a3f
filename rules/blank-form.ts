import { z } from 'zod';
import { defineRule, type RuleFinding } from '../src/rule.js';
import { checkFormReference, formMaterials, isFound, KIND_NAMES, problemName } from './lib/forms.js';

const Options = z.object({ strictDoc: z.boolean() }).partial().strict();
type Options = { strictDoc: boolean };

export default defineRule<Options>({
  meta: {
    id: 'blank-form',
    indicator: '空表下载服务',
    section: 'D',
    description: '需要申请人填写的表格须提供空白表格下载，文件须为 Word 文档（按内容判断：.doc，默认也接受 .docx）',
    severity: 'error',
    options: Options,
    // [decision] .docx (Word opens it) passes unless strictDoc: the task list asks for DOC 格式.
    defaultOptions: { strictDoc: false },
    messages: {
      noReference: '表格{{label}}未提供空白表格',
      notFound: '表格{{label}}的空白表格“{{ref}}”找不到',
      outside: '表格{{label}}的空白表格“{{ref}}”是指向审核范围之外的链接，未读取',
      unreadable: '表格{{label}}的空白表格“{{file}}”无法打开（{{problem}}）',
      notWord: '表格{{label}}的空白表格“{{file}}”实际是{{kind}}，不是 Word 文档',
      docxNotDoc: '表格{{label}}的空白表格“{{file}}”是 .docx，要求为 DOC 格式',
      urlNotWord: '表格{{label}}的空白表格网址“{{ref}}”指向 .{{ext}} 文件，不是 Word 文档',
    },
    suggestions: {
      noReference: '上传该表格的空白 Word 文档（.doc）',
      notFound: '重新上传空白表格，并核对导出中的附件路径',
      outside: '将空白表格放入导出文件夹或 --attachments 指定的附件目录',
      unreadable: '重新生成并上传可以打开的 Word 文档（.doc）',
      notWord: '将空白表格另存为 Word 97-2003 文档（.doc）后重新上传',
      docxNotDoc: '另存为 Word 97-2003 文档（.doc）后重新上传',
      urlNotWord: '上传 Word 文档（.doc）格式的空白表格',
    },
    examples: {
      pass: [{ title: '不是表格的材料不检查', guide: { 申请材料: [{ 材料名称: '营业执照' }] } }],
      fail: [{ title: '表格没有空白表格', guide: { 申请材料: [{ 材料名称: '建设工程规划许可申请表', 空白表格: '' }] } }],
    },
    scored: true,
    attachments: true,
  },
  // Guides with no form are left out of the denominator.
  applies: (g) => formMaterials(g).length > 0,
  check(g, o) {
    const out: RuleFinding[] = [];
    for (const m of formMaterials(g)) {
      const r = checkFormReference(m, 'blank', (ext) => ext === 'doc' || (ext === 'docx' && !o.strictDoc), 'urlNotWord');
      if (!isFound(r)) {
        if (r) out.push(r);
        continue;
      }
      const { base, inspection: i } = r;
      if (i.kind === 'doc' || i.kind === 'docx') {
        if (!i.readable) out.push({ ...base, messageId: 'unreadable', data: { ...base.data, problem: problemName(i.problem) } });
        else if (i.kind === 'docx' && o.strictDoc) out.push({ ...base, messageId: 'docxNotDoc' });
      } else out.push({ ...base, messageId: 'notWord', data: { ...base.data, kind: KIND_NAMES[i.kind] } });
    }
    return out;
  },
});
