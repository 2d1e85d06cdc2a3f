// Attachment resolutions as the engine would fill them, for rule unit tests (the real files are
// exercised end to end in test/forms.test.ts).
import type { Inspection, RefResolution } from '../src/attachments/types.js';
import type { Guide } from '../src/model.js';

export const found = (file: string, inspection: Inspection): RefResolution => ({ status: 'found', ref: file, file, inspection });
export const DOC: Inspection = { kind: 'doc', readable: true };
export const DOCX: Inspection = { kind: 'docx', readable: true, text: '' };
export const PDF: Inspection = { kind: 'pdf', readable: true, pages: 1, text: '申请人：张三' };
export const ENCRYPTED_PDF: Inspection = { kind: 'pdf', readable: false, problem: 'encrypted' };
export const CORRUPT_PDF: Inspection = { kind: 'pdf', readable: false, problem: 'corrupt' };
export const PNG: Inspection = { kind: 'image', readable: true };
export const XLSX: Inspection = { kind: 'spreadsheet', readable: true };

/** Set the resolution of material `index` (1-based) for the blank or sample form. */
export function material(which: 'blank' | 'sample', res: RefResolution, index = 1) {
  return (g: Guide) => {
    const m = g.materials[index - 1]!;
    if (which === 'blank') m.blankFormRes = res;
    else m.sampleFormRes = res;
  };
}

export function flowchart(res: RefResolution) {
  return (g: Guide) => {
    g.flowchartRes = res;
  };
}
