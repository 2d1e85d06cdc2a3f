// Normalised names for comparing guides across levels (INDICATORS.md §E).
import type { Guide } from '../../src/model.js';
import { isEmpty, normalize } from '../../src/normalize.js';
import { firstLawTitle, normalizeLawName, splitLegalBasis } from '../../src/parsers/legal-basis.js';
import { byValue } from '../../src/memo.js';

/** 事项名称 without level suffixes such as （市级） and without a trailing bracketed qualifier. */
export function normalizeItemName(name: string | undefined): string {
  return itemNames(name ?? '');
}
const itemNames = byValue((name: string): string => {
  let n = normalize(name).replace(/\s+/g, '');
  // Trailing bracketed qualifiers, repeatedly: 教师资格认定(高级中学)(市级) → 教师资格认定.
  for (let i = 0; i < 3; i++) {
    const m = /^(.+?)[(\[【]([^()\[\]【】]*)[)\]】]$/.exec(n);
    if (!m) break;
    n = m[1]!;
  }
  return n;
});

/** The set of law names a guide cites, normalised, sorted, joined (empty string when none). */
export function lawNameSet(g: Guide): string {
  const names = new Set<string>();
  if (g.legalBasis.length) {
    for (const e of g.legalBasis) if (!isEmpty(e.name)) names.add(normalizeLawName(e.name!));
  } else if (!isEmpty(g.legalBasisText)) {
    return textLawNames(g.legalBasisText!);
  }
  return [...names].sort().join('、');
}

// Guides of one item repeat its legal basis text word for word.
const textLawNames = byValue((text: string): string => {
  const names = new Set<string>();
  for (const entry of splitLegalBasis(text)) {
    const t = firstLawTitle(entry);
    if (t) names.add(normalizeLawName(t));
  }
  return [...names].sort().join('、');
});
