// The diff in Chinese for the terminal: grouped by department, then guide, each difference with both values.
import { Chalk, type ChalkInstance } from 'chalk';
import type { DiffFinding, DiffReport } from '../diff-report.js';
import { guideTitle, positionText } from '../reporters/location.js';
import { diffDepartment } from './index.js';

const where = (s: DiffFinding['a']) => (s ? [s.location.file, positionText(s.location)].filter(Boolean).join(' ') : '');

export function renderDiffStylish(r: DiffReport, opts: { color: boolean }): string {
  const c: ChalkInstance = new Chalk({ level: opts.color ? 1 : 0 });
  const { a: A, b: B } = r.channels;
  const lines: string[] = [`${c.bold('多渠道数据同源')}：${A.label}（${A.path}，${A.guides} 个事项） 对比 ${B.label}（${B.path}，${B.guides} 个事项）`];
  const byDept = new Map<string, Map<string, DiffFinding[]>>();
  for (const f of r.findings) {
    const d = diffDepartment(f);
    let guides = byDept.get(d);
    if (!guides) byDept.set(d, (guides = new Map()));
    const g = f.a?.guide ?? f.b?.guide ?? f.guide;
    const k = `${f.messageId === 'guideOnlyInB' ? 'b' : 'a'}\u0000${g.code ?? ''}\u0000${g.name ?? ''}\u0000${(f.a ?? f.b)?.location.file ?? ''}\u0000${(f.a ?? f.b)?.location.row ?? (f.a ?? f.b)?.location.line ?? (f.a ?? f.b)?.location.index ?? ''}`;
    let list = guides.get(k);
    if (!list) guides.set(k, (list = []));
    list.push(f);
  }
  for (const d of [...byDept.keys()].sort()) {
    const guides = byDept.get(d)!;
    const n = [...guides.values()].reduce((x, l) => x + l.length, 0);
    lines.push('', c.bold.underline(`${d}（${n} 处）`));
    for (const list of guides.values()) {
      const f0 = list[0]!;
      const g = f0.a?.guide ?? f0.b?.guide ?? f0.guide;
      if (f0.messageId === 'guideOnlyInA' || f0.messageId === 'guideOnlyInB') {
        const s = f0.a ?? f0.b;
        lines.push(`  ${c.bold(guideTitle(g))}  ${c.red(f0.messageId === 'guideOnlyInA' ? `只见于${A.label}` : `只见于${B.label}`)}  ${c.dim(where(s))}`);
        continue;
      }
      lines.push(`  ${c.bold(guideTitle(g))}  ${c.dim(`${A.label}：${where(f0.a)}；${B.label}：${where(f0.b)}`)}`);
      for (const f of list) {
        if (f.messageId === 'valueDiffers') {
          const what = f.entry ? (f.entry.field ? `${f.entry.list}“${f.entry.name}”的${f.entry.field}` : `${f.entry.list}“${f.entry.name}”`) : f.element;
          lines.push(`    ${c.red('不一致')}  ${what}`);
          lines.push(`      ${A.label}：${f.a?.value ?? c.dim('（空）')}`);
          lines.push(`      ${B.label}：${f.b?.value ?? c.dim('（空）')}`);
        } else {
          lines.push(`    ${c.yellow(f.messageId === 'entryOnlyInA' ? `只见于${A.label}` : `只见于${B.label}`)}  ${f.entry ? `${f.entry.list}“${f.entry.name}”` : f.element}`);
        }
      }
    }
  }
  if (r.loadErrors.length) {
    lines.push('', c.red.bold('无法读取的输入：'));
    for (const e of r.loadErrors) lines.push(`  [${e.channel === 'a' ? A.label : B.label}] ${e.file}${positionText(e) ? ' ' + positionText(e) : ''}：${e.message}`);
  }
  if (r.skipped.length) {
    lines.push('', c.dim('已跳过：'));
    for (const s of r.skipped) lines.push(c.dim(`  [${s.channel === 'a' ? A.label : B.label}] ${s.file}：${s.reason}`));
  }
  if (r.notices.length) {
    lines.push('', c.dim('提示：'));
    for (const n of r.notices) lines.push(c.dim(`  ${n}`));
  }
  const s = r.summary;
  const text = `共匹配 ${s.matched} 个事项（按实施编码 ${s.matchedBy.code} 个、基本编码+实施主体 ${s.matchedBy.baseCodeDepartment} 个、事项名称+实施主体 ${s.matchedBy.nameDepartment} 个），` +
    `${s.identical} 个完全一致，${s.withDifferences} 个有 ${s.differences} 处不一致；只见于${A.label} ${s.onlyInA} 个，只见于${B.label} ${s.onlyInB} 个` +
    (s.loadErrors ? `；${s.loadErrors} 个读取错误` : '') + '。';
  lines.push('', s.findings || s.loadErrors ? c.red.bold(text) : c.green.bold(text));
  return lines.join('\n') + '\n';
}
