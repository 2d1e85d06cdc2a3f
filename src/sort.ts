// Finding order (REPORT-JSON.md): file, sheet, row/line/index, rule id, message — strings by code units.
import type { Finding } from './report.js';

function cmpStr(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function pos(f: Finding): number {
  return f.location.row ?? f.location.line ?? f.location.index ?? -1;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmpStr(a.location.file, b.location.file) ||
    cmpStr(a.location.sheet, b.location.sheet) ||
    pos(a) - pos(b) ||
    cmpStr(a.ruleId, b.ruleId) ||
    cmpStr(a.message, b.message) ||
    // Tie-breakers beyond the contract keep the order total, hence deterministic.
    (a.location.material?.index ?? 0) - (b.location.material?.index ?? 0) ||
    (a.location.step?.index ?? 0) - (b.location.step?.index ?? 0) ||
    cmpStr(a.location.field, b.location.field) ||
    cmpStr(a.value, b.value) ||
    cmpStr(a.guide.code, b.guide.code) ||
    cmpStr(a.guide.name, b.guide.name)
  );
}
