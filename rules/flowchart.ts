import { defineRule } from '../src/rule.js';
import { KIND_NAMES, problemName, urlExtension } from './lib/forms.js';

const READABLE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp'];

export default defineRule<Record<string, never>>({
  meta: {
    id: 'flowchart',
    indicator: '流程图',
    section: 'I',
    description: '填写了流程图的，须能找到并打开（图片或 PDF，按内容判断）',
    severity: 'error',
    defaultOptions: {},
    messages: {
      notFound: '流程图“{{ref}}”找不到',
      outside: '流程图“{{ref}}”是指向审核范围之外的链接，未读取',
      unreadable: '流程图“{{file}}”无法打开（{{problem}}）',
      notImage: '流程图“{{file}}”实际是{{kind}}，不是图片或 PDF',
      urlNotImage: '流程图网址“{{ref}}”指向 .{{ext}} 文件，不是图片或 PDF',
    },
    suggestions: {
      notFound: '重新上传流程图，并核对导出中的附件路径',
      outside: '将流程图放入导出文件夹或 --attachments 指定的附件目录',
      unreadable: '重新生成可以直接打开的流程图（PDF 或 PNG/JPG 图片）并上传',
      notImage: '将流程图导出为 PDF 或 PNG/JPG 图片后重新上传',
      urlNotImage: '上传 PDF 或图片格式的流程图',
    },
    examples: {
      pass: [{ title: '没有填写流程图的不检查', guide: { 事项名称: '食品经营许可' } }],
      fail: [],
    },
    scored: false,
    attachments: true,
  },
  // Guides without a flowchart reference are not in the denominator.
  applies: (g) => g.flowchartRes !== undefined && g.flowchartRes.status !== 'empty',
  check(g) {
    const res = g.flowchartRes;
    const base = { field: '流程图', ...(g.flowchart ? { value: g.flowchart } : {}) };
    switch (res?.status) {
      case 'url': {
        const ext = urlExtension(res.extension);
        return ext && !READABLE_EXTENSIONS.includes(ext) ? [{ ...base, messageId: 'urlNotImage', data: { ref: res.ref, ext } }] : [];
      }
      case 'notFound':
        return [{ ...base, messageId: 'notFound', data: { ref: res.ref } }];
      case 'outside':
        return [{ ...base, messageId: 'outside', data: { ref: res.ref } }];
      case 'found': {
        const i = res.inspection;
        if (i.kind !== 'pdf' && i.kind !== 'image') return [{ ...base, messageId: 'notImage', data: { file: res.file, kind: KIND_NAMES[i.kind] } }];
        if (!i.readable) return [{ ...base, messageId: 'unreadable', data: { file: res.file, problem: problemName(i.problem) } }];
        return [];
      }
      default:
        return [];
    }
  },
});
