// The diff as a workbook (`--out FILE.xlsx`): a 汇总 sheet with counts per department, then one sheet
// per department with a row per difference (both channels' values and locations). exceljs, like the 整改清单.
import ExcelJS from 'exceljs';
import type { DiffFinding, DiffReport } from '../diff-report.js';
import { positionText } from '../reporters/location.js';
import { addTable, sheetNamer, type Column } from '../reporters/workbook.js';
import { diffDepartment } from './index.js';

const KIND: Record<DiffFinding['messageId'], string> = {
  valueDiffers: '内容不一致', entryOnlyInA: '条目只见于A', entryOnlyInB: '条目只见于B', guideOnlyInA: '事项只见于A', guideOnlyInB: '事项只见于B',
};

const where = (s: DiffFinding['a']) => (s ? [s.location.file, positionText(s.location)].filter(Boolean).join(' ') : '');

export async function renderDiffWorkbook(r: DiffReport): Promise<Uint8Array> {
  const { a: A, b: B } = r.channels;
  const kind = (f: DiffFinding) => KIND[f.messageId].replace(/A$/, A.label).replace(/B$/, B.label);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'guide-audit';
  const when = new Date(r.generatedAt);
  wb.created = when;
  wb.modified = when;
  const byDept = new Map<string, DiffFinding[]>();
  for (const f of r.findings) {
    const d = diffDepartment(f);
    const l = byDept.get(d);
    if (l) l.push(f);
    else byDept.set(d, [f]);
  }
  const depts = [...byDept.keys()].sort();
  const name = sheetNamer();
  name('汇总');
  addTable(wb.addWorksheet('汇总'), [
    { header: '部门', key: 'department', min: 24 },
    { header: '不一致', key: 'value', min: 8 },
    { header: `只见于${A.label}的条目`, key: 'entryA', min: 10 },
    { header: `只见于${B.label}的条目`, key: 'entryB', min: 10 },
    { header: `只见于${A.label}的事项`, key: 'guideA', min: 10 },
    { header: `只见于${B.label}的事项`, key: 'guideB', min: 10 },
    { header: '合计', key: 'total', min: 8 },
  ], depts.map((d) => {
    const l = byDept.get(d)!;
    const n = (id: DiffFinding['messageId']) => l.filter((f) => f.messageId === id).length;
    return { department: d, value: n('valueDiffers'), entryA: n('entryOnlyInA'), entryB: n('entryOnlyInB'), guideA: n('guideOnlyInA'), guideB: n('guideOnlyInB'), total: l.length };
  }));
  const columns: Column[] = [
    { header: '序号', key: 'n', min: 6 },
    { header: '事项名称', key: 'name', min: 16, wrap: true },
    { header: '实施编码', key: 'code', min: 12 },
    { header: '差异类型', key: 'kind', min: 12 },
    { header: '要素', key: 'element', min: 12, wrap: true },
    { header: '材料、环节或条目', key: 'entry', min: 16, wrap: true },
    { header: `${A.label}内容`, key: 'a', min: 30, wrap: true },
    { header: `${B.label}内容`, key: 'b', min: 30, wrap: true },
    { header: `${A.label}位置`, key: 'whereA', min: 20, wrap: true },
    { header: `${B.label}位置`, key: 'whereB', min: 20, wrap: true },
    { header: '整改建议', key: 'suggestion', min: 30, wrap: true },
    { header: '整改情况', key: 'progress', min: 16, wrap: true },
  ];
  for (const d of depts) {
    addTable(wb.addWorksheet(name(d)), columns, byDept.get(d)!.map((f, i) => ({
      n: i + 1,
      name: f.guide.name ?? '',
      code: f.guide.code ?? '',
      kind: kind(f),
      element: f.entry?.field ?? f.element,
      entry: f.entry ? `${f.entry.list}“${f.entry.name}”` : '',
      a: f.messageId === 'valueDiffers' ? f.a?.value ?? '（空）' : f.a?.value ?? '',
      b: f.messageId === 'valueDiffers' ? f.b?.value ?? '（空）' : f.b?.value ?? '',
      whereA: where(f.a),
      whereB: where(f.b),
      suggestion: f.suggestion ?? '',
      progress: '',
    })));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
