// The process of a guide as steps: structured steps, or the free text split as INDICATORS.md §C says.
import type { Guide } from '../../src/model.js';
import { isEmpty } from '../../src/normalize.js';
import { splitProcessText } from '../../src/parsers/steps.js';
import { perGuide } from '../../src/memo.js';

export interface ProcessStep {
  index: number;
  name?: string;
  /** All text of the step (name and attributes, or the split text). */
  text: string;
  structured: boolean;
  limit?: string;
  person?: string;
  standard?: string;
  loc?: Guide['loc'];
}

export const processSteps: (g: Guide) => readonly ProcessStep[] = perGuide(computeProcessSteps);

function computeProcessSteps(g: Guide): ProcessStep[] {
  if (g.steps.length > 0) {
    return g.steps.map((s) => ({
      index: s.index,
      name: s.name,
      text: [s.name, s.limit, s.person, s.standard, s.result, s.text].filter((x) => !isEmpty(x)).join(' '),
      structured: true,
      limit: s.limit,
      person: s.person,
      standard: s.standard,
      loc: s.loc,
    }));
  }
  if (isEmpty(g.processText)) return [];
  return splitProcessText(g.processText!).map((text, i) => ({ index: i + 1, text, structured: false, name: stepTitle(text) }));
}

/** A short name for a text step: its leading words up to the first punctuation. */
function stepTitle(text: string): string {
  const t = text.replace(/^\s*(第?[0-9一二三四五六七八九十]+[步.、)）]|[（(][0-9一二三四五六七八九十]+[)）]|[①-⑳])\s*/, '');
  const m = /^[^：:，,；;。\s]{1,12}/.exec(t);
  return m ? m[0] : t.slice(0, 12);
}
