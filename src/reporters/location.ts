import type { Finding } from '../report.js';

/** "事项基本信息 第12行" / "第3行" / "记录 #4", as a person reads a location. */
export function positionText(loc: Pick<Finding['location'], 'sheet' | 'row' | 'line' | 'index'>): string {
  const parts: string[] = [];
  if (loc.sheet) parts.push(`工作表“${loc.sheet}”`);
  if (loc.row !== undefined) parts.push(`第${loc.row}行`);
  else if (loc.line !== undefined) parts.push(`第${loc.line}行`);
  else if (loc.index !== undefined) parts.push(`第${loc.index + 1}条记录`);
  return parts.join(' ');
}

export function guideTitle(g: Finding['guide']): string {
  const name = g.name ?? '（未命名事项）';
  return g.code ? `${name}（${g.code}）` : name;
}
