// 整改清单: one workbook per department (its findings, one row each, with columns left for the
// department to fill in) and 汇总.xlsx (a ranking sheet and a sheet per department). exceljs, not
// SheetJS: the community SheetJS build cannot write frozen panes, styles or wrapped cells.
import ExcelJS from 'exceljs';
import { departmentOf, type Finding, type Report } from '../report.js';
import { positionText } from './location.js';

export interface WorkbookOptions {
  /** 整改期限, YYYY-MM-DD, written on every row. */
  deadline?: string;
}

const STATUS: Record<string, string> = { new: '新增', unchanged: '仍未整改' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const MAX_WIDTH = 60;

/** Display width in Excel's character units: CJK and full-width characters count double. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

const fmt = (s: number | null) => (s === null ? '—' : Math.round(s * 10) / 10);

function whereText(f: Finding): string {
  const parts = [f.location.file, positionText(f.location)];
  if (f.location.material) parts.push(`材料${f.location.material.index}“${f.location.material.name ?? ''}”`);
  if (f.location.step) parts.push(`环节${f.location.step.index}“${f.location.step.name ?? ''}”`);
  if (f.location.field) parts.push(`要素：${f.location.field}`);
  return parts.filter(Boolean).join(' ');
}

export interface Column { header: string; key: string; min: number; wrap?: boolean }

export function addTable(ws: ExcelJS.Worksheet, columns: Column[], rows: Record<string, string | number>[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key }));
  for (const r of rows) ws.addRow(r);
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    let w = Math.max(c.min, displayWidth(c.header) + 2);
    for (const r of rows) w = Math.max(w, Math.min(MAX_WIDTH, displayWidth(String(r[c.key] ?? '')) + 2));
    col.width = w;
    col.alignment = { vertical: 'top', wrapText: c.wrap ?? false };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function findingColumns(tracking: boolean): Column[] {
  return [
    { header: '序号', key: 'n', min: 6 },
    { header: '事项名称', key: 'name', min: 16, wrap: true },
    { header: '实施编码', key: 'code', min: 12 },
    { header: '问题指标', key: 'indicator', min: 12 },
    { header: '问题描述', key: 'message', min: 30, wrap: true },
    { header: '当前内容', key: 'value', min: 20, wrap: true },
    { header: '整改建议', key: 'suggestion', min: 30, wrap: true },
    { header: '文件与位置', key: 'where', min: 24, wrap: true },
    { header: '级别', key: 'severity', min: 6 },
    ...(tracking ? [{ header: '跟踪状态', key: 'status', min: 10 }] : []),
    { header: '整改期限', key: 'deadline', min: 12 },
    { header: '整改情况', key: 'progress', min: 20, wrap: true },
    { header: '备注', key: 'remark', min: 16, wrap: true },
  ];
}

function findingRows(findings: Finding[], opts: WorkbookOptions): Record<string, string | number>[] {
  return findings.map((f, i) => ({
    n: i + 1,
    name: f.guide.name ?? '',
    code: f.guide.code ?? '',
    indicator: f.indicator,
    message: f.message,
    value: f.value ?? '',
    suggestion: f.suggestion ?? '',
    where: whereText(f),
    severity: f.severity === 'error' ? '错误' : '警告',
    status: f.status ? STATUS[f.status]! : '',
    deadline: opts.deadline ?? '',
    progress: '',
    remark: '',
  }));
}

type Department = Report['scores']['departments'][number];

function addScoreSheet(ws: ExcelJS.Worksheet, d: Department, rank: number, total: number): void {
  const info: [string, string | number][] = [
    ['部门', d.department],
    ['区划', d.region ?? ''],
    ['办事指南准确度', fmt(d.score)],
    ['等级', d.band ?? '—'],
    ['部门排名', `第 ${rank} 名 / 共 ${total} 个部门`],
    ['事项数', d.guides],
    ['问题数', d.findings],
    ...(d.tracking ? ([['新增', d.tracking.new], ['仍未整改', d.tracking.unchanged], ['已整改', d.tracking.fixed]] as [string, number][]) : []),
  ];
  const rows = Object.entries(d.indicators)
    .filter(([, t]) => t.applicable > 0)
    .map(([name, t]) => ({ indicator: name, score: fmt(t.score), passed: t.applicable - t.failed, applicable: t.applicable, failed: t.failed }));
  addTable(ws, [
    { header: '指标', key: 'indicator', min: 22 },
    { header: '得分', key: 'score', min: 8 },
    { header: '通过事项', key: 'passed', min: 10 },
    { header: '适用事项', key: 'applicable', min: 10 },
    { header: '不通过事项', key: 'failed', min: 10 },
  ], rows);
  // The department's own figures below the indicator table, as label/value pairs.
  ws.addRow([]);
  for (const [k, v] of info) {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { bold: true };
  }
}

/** Safe, unique sheet names (≤ 31 characters, none of []:*?/\). */
export function sheetNamer(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || '部门';
    let n = base;
    for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
    used.add(n.toLowerCase());
    return n;
  };
}

/** A file name for a department's workbook, safe on every file system and unique in the folder. */
function fileNamer(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').slice(0, 80) || '未填实施主体';
    let n = base;
    for (let i = 2; used.has(n.toLowerCase()) || n === '汇总'; i++) n = `${base}_${i}`;
    used.add(n.toLowerCase());
    return `${n}.xlsx`;
  };
}

function newWorkbook(report: Report): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'guide-audit';
  // The run's time, not the clock, so the workbook says when the audit was made.
  const when = new Date(report.generatedAt);
  wb.created = when;
  wb.modified = when;
  return wb;
}

/** Every workbook of the 整改清单 folder: file name → bytes. */
export async function renderWorkbooks(report: Report, opts: WorkbookOptions = {}): Promise<Map<string, Uint8Array>> {
  const tracking = report.baseline !== undefined;
  const byDept = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const d = departmentOf(f);
    byDept.set(d, [...(byDept.get(d) ?? []), f]);
  }
  const out = new Map<string, Uint8Array>();
  const departments = report.scores.departments;
  const total = departments.length;
  const fileName = fileNamer();
  const summary = newWorkbook(report);
  const ranking = summary.addWorksheet('部门排名');
  addTable(ranking, [
    { header: '排名', key: 'rank', min: 6 },
    { header: '部门', key: 'department', min: 24 },
    { header: '区划', key: 'region', min: 8 },
    { header: '得分', key: 'score', min: 8 },
    { header: '等级', key: 'band', min: 8 },
    { header: '事项数', key: 'guides', min: 8 },
    { header: '问题数', key: 'findings', min: 8 },
    ...(tracking ? [{ header: '新增', key: 'new', min: 6 }, { header: '仍未整改', key: 'unchanged', min: 10 }, { header: '已整改', key: 'fixed', min: 8 }] : []),
    { header: '整改清单', key: 'file', min: 20 },
  ], departments.map((d, i) => ({
    rank: i + 1, department: d.department, region: d.region ?? '', score: fmt(d.score), band: d.band ?? '—', guides: d.guides, findings: d.findings,
    ...(d.tracking ? { new: d.tracking.new, unchanged: d.tracking.unchanged, fixed: d.tracking.fixed } : {}),
    file: fileName(d.department),
  })));
  const sheetName = sheetNamer();
  sheetName('部门排名');
  const names = fileNamer();
  for (const [i, d] of departments.entries()) {
    const findings = byDept.get(d.department) ?? [];
    const wb = newWorkbook(report);
    addTable(wb.addWorksheet('整改清单'), findingColumns(tracking), findingRows(findings, opts));
    addScoreSheet(wb.addWorksheet('得分汇总'), d, i + 1, total);
    out.set(names(d.department), new Uint8Array(await wb.xlsx.writeBuffer()));
    addTable(summary.addWorksheet(sheetName(d.department)), findingColumns(tracking), findingRows(findings, opts));
  }
  out.set('汇总.xlsx', new Uint8Array(await summary.xlsx.writeBuffer()));
  return out;
}
