// Per-source settings: field maps and code tables resolved once per file, not per guide.
import { buildFieldMap, GUIDE_FIELDS, MATERIAL_FIELDS, STEP_FIELDS, type FieldMap } from '../fields.js';
import { DEFAULT_CODE_TABLES, mergeCodeTables, type CodeTables } from '../codes.js';
import type { SourceConfig } from '../config.js';

export interface SourceSettings {
  guideFields: FieldMap;
  materialFields: FieldMap;
  stepFields: FieldMap;
  codes: CodeTables;
}

const cache = new WeakMap<object, SourceSettings>();
let defaults: SourceSettings | undefined;

export function sourceSettings(source?: SourceConfig): SourceSettings {
  if (!source) {
    defaults ??= build(undefined);
    return defaults;
  }
  let s = cache.get(source);
  if (!s) {
    s = build(source);
    cache.set(source, s);
  }
  return s;
}

function build(source: SourceConfig | undefined): SourceSettings {
  return {
    guideFields: buildFieldMap(GUIDE_FIELDS, source?.fields?.guide),
    materialFields: buildFieldMap(MATERIAL_FIELDS, source?.fields?.material),
    stepFields: buildFieldMap(STEP_FIELDS, source?.fields?.step),
    codes: mergeCodeTables(DEFAULT_CODE_TABLES, source?.codes),
  };
}
