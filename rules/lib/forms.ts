// Shared by the 表格及样表下载 rules: which materials are forms, and how a reference resolved.
import type { Guide, Material } from '../../src/model.js';
import type { RuleFinding } from '../../src/rule.js';
import { materialLabel, materialRef } from './materials.js';
import { normalize } from '../../src/normalize.js';
import { byValue, perGuide } from '../../src/memo.js';
import type { FileKind, Inspection } from '../../src/attachments/types.js';

/** A material is a form when its type is 申请表格文书, or its name ends with 表/申请书/承诺书/申请函. */
export function isForm(m: Material): boolean {
  const type = normalize(m.type);
  if (type === '申请表格文书' || type === '表格' || type === '申请表格') return true;
  return formName(m.name ?? '');
}

// Material names repeat across guides (every county's 申请表 of one item).
const formName = byValue((raw: string): boolean => {
  const name = normalize(raw).replace(/[(（][^()（）]*[)）]/g, '').replace(/[.。、]+$/, '').trim();
  return /(表|申请书|承诺书|申请函)$/.test(name);
});

/** The guide's form materials (asked by several rules of each guide: worked out once). */
export const formMaterials: (g: Guide) => readonly Material[] = perGuide((g: Guide) => g.materials.filter(isForm));

export const KIND_NAMES: Record<FileKind, string> = {
  doc: 'Word 文档（.doc）',
  docx: 'Word 文档（.docx）',
  pdf: 'PDF 文件',
  image: '图片',
  spreadsheet: '电子表格',
  zip: '压缩包',
  rtf: 'RTF 文档',
  html: '网页文件',
  text: '文本文件',
  empty: '空文件',
  other: '无法识别的文件',
};

/** The extension of a URL path, lowercased, without the dot. */
export function urlExtension(ext: string | undefined): string | undefined {
  return ext ? ext.replace(/^\./, '').toLowerCase() : undefined;
}

/** Why a found file could not be opened, in Chinese. */
export function problemName(p: string | undefined): string {
  return ({ corrupt: '文件已损坏', encrypted: '需要密码才能打开', noPages: '没有页面', tooLarge: '文件过大', unreadable: '无法读取' } as Record<string, string>)[p ?? ''] ?? '无法读取';
}

export interface FoundForm {
  base: RuleFinding & { data: Record<string, string | number> };
  file: string;
  inspection: Inspection;
}

/**
 * What both download rules check the same way: a missing reference, a file not found or behind a
 * link pointing out, a URL whose extension is wrong. Gives the finding, or the found file for the
 * rule's own content check, or undefined (offered, content not verifiable).
 */
export function checkFormReference(m: Material, which: 'blank' | 'sample', urlAccepts: (ext: string) => boolean, urlMessageId: string): RuleFinding | FoundForm | undefined {
  const ref = which === 'blank' ? m.blankForm : m.sampleForm;
  const res = (which === 'blank' ? m.blankFormRes : m.sampleFormRes) ?? (ref ? undefined : { status: 'empty' as const });
  const label = materialLabel(m);
  const base = { field: which === 'blank' ? '空白表格' : '示例样表', ...materialRef(m), ...(ref ? { value: ref } : {}) };
  // No resolution although a reference is written: no attachment step ran (offered, unverified).
  if (!res) return undefined;
  switch (res.status) {
    case 'empty':
      return { ...base, messageId: 'noReference', data: { label } };
    case 'url': {
      const ext = urlExtension(res.extension);
      return ext && !urlAccepts(ext) ? { ...base, messageId: urlMessageId, data: { label, ref: res.ref, ext } } : undefined;
    }
    case 'notFound':
      return { ...base, messageId: 'notFound', data: { label, ref: res.ref } };
    case 'outside':
      return { ...base, messageId: 'outside', data: { label, ref: res.ref } };
    case 'noStore':
      return undefined;
    case 'found':
      return { base: { ...base, messageId: '', data: { label, file: res.file } }, file: res.file, inspection: res.inspection };
  }
}

export const isFound = (x: RuleFinding | FoundForm | undefined): x is FoundForm => x !== undefined && 'inspection' in x;
