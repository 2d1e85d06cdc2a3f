// 整改清单 workbooks, read back with exceljs as a department's Excel would show them.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/engine.js';
import type { Report } from '../src/report.js';
import { displayWidth, renderWorkbooks } from '../src/reporters/workbook.js';

const ROOT = path.resolve(import.meta.dirname, '..');

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

describe('整改清单 workbooks (fixtures/demo)', () => {
  let report: Report;
  let books: Map<string, Uint8Array>;
  beforeAll(async () => {
    report = await audit(['fixtures/demo'], { cwd: ROOT });
    books = await renderWorkbooks(report, { deadline: '2026-12-31' });
  });

  it('one workbook per department plus 汇总.xlsx', () => {
    expect(books.size).toBe(report.scores.departments.length + 1);
    expect(books.has('汇总.xlsx')).toBe(true);
    for (const d of report.scores.departments) expect(books.has(`${d.department}.xlsx`), d.department).toBe(true);
  });

  it('a row per finding with the columns departments fill in; frozen header; widths fit Chinese text', async () => {
    for (const d of report.scores.departments) {
      const wb = await open(books.get(`${d.department}.xlsx`)!);
      const ws = wb.getWorksheet('整改清单')!;
      const expected = report.findings.filter((f) => f.guide.department === d.department);
      expect(ws.rowCount - 1, d.department).toBe(expected.length);
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '事项名称', '实施编码', '问题指标', '问题描述', '当前内容', '整改建议', '文件与位置', '级别', '整改期限', '整改情况', '备注']);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      if (expected.length) {
        const row = ws.getRow(2);
        expect(row.getCell(5).value).toBe(expected[0]!.message);
        expect(row.getCell(10).value).toBe('2026-12-31');
        expect(row.getCell(11).value ?? '').toBe('');
        expect(String(row.getCell(8).value)).toContain(expected[0]!.location.file);
        expect(ws.getColumn(5).alignment?.wrapText).toBe(true);
        expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(Math.min(60, displayWidth(expected[0]!.guide.name ?? '')));
      }
      const score = wb.getWorksheet('得分汇总')!;
      const rank = report.scores.departments.indexOf(d) + 1;
      const cells: string[] = [];
      score.eachRow((r) => cells.push((r.values as unknown[]).slice(1).join('|')));
      expect(cells).toContain(`部门排名|第 ${rank} 名 / 共 ${report.scores.departments.length} 个部门`);
      expect(cells.filter((c) => /^(办件类型|事项编码)\|/.test(c)).length).toBe(2);
    }
  });

  it('汇总.xlsx: the ranking and one sheet per department with the same rows', async () => {
    const wb = await open(books.get('汇总.xlsx')!);
    const ranking = wb.getWorksheet('部门排名')!;
    expect(ranking.rowCount - 1).toBe(report.scores.departments.length);
    expect(ranking.getRow(2).getCell(2).value).toBe(report.scores.departments[0]!.department);
    expect(wb.worksheets.length).toBe(report.scores.departments.length + 1);
    const total = wb.worksheets.slice(1).reduce((a, ws) => a + ws.rowCount - 1, 0);
    expect(total).toBe(report.findings.length);
  });

  it('counts CJK characters double when sizing columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('办理地点')).toBe(8);
    expect(displayWidth('０３９３')).toBe(8);
  });
});
