import { z } from 'zod';
import { defineRule } from '../src/rule.js';
import { isPermit } from '../src/model.js';
import { analyzeLimit } from '../src/parsers/time-limit.js';
import { formatDuration } from '../src/parsers/duration.js';

const Options = z.object({ naturalPerWork: z.number().positive(), maxShare: z.number().gt(0).max(1) }).partial().strict();
type Options = { naturalPerWork: number; maxShare: number };

export default defineRule<Options>({
  meta: {
    id: 'time-reduction',
    indicator: '减时间',
    section: 'F',
    description: '行政许可事项的承诺办结时限不超过法定办结时限的一半（任务清单九）',
    severity: 'error',
    options: Options,
    defaultOptions: { naturalPerWork: 7 / 5, maxShare: 0.5 },
    messages: { overHalf: '承诺办结时限“{{promised}}”超过法定办结时限“{{legal}}”的一半' },
    suggestions: { overHalf: '建议承诺时限不超过{{half}}，并在此基础上进一步压减' },
    examples: {
      pass: [{ title: '承诺5个工作日，法定20个工作日', guide: { 事项类型: '行政许可', 承诺办结时限: '5个工作日', 法定办结时限: '20个工作日' } }],
      fail: [{ title: '承诺15个工作日，法定20个工作日', guide: { 事项类型: '行政许可', 承诺办结时限: '15个工作日', 法定办结时限: '20个工作日' } }],
    },
    scored: false,
  },
  // Only 行政许可 guides with both limits parseable are in the denominator.
  applies: (g, o) => isPermit(g) && analyzeLimit(g.legalLimit, o.naturalPerWork).kind === 'ok' && analyzeLimit(g.promisedLimit, o.naturalPerWork).kind === 'ok',
  check(g, o) {
    const l = analyzeLimit(g.legalLimit, o.naturalPerWork);
    const p = analyzeLimit(g.promisedLimit, o.naturalPerWork);
    if (l.kind !== 'ok' || p.kind !== 'ok') return [];
    if (p.workdays <= l.workdays * o.maxShare + 1e-9) return [];
    const half = Math.floor(l.value * o.maxShare * 100) / 100;
    return [{ messageId: 'overHalf', field: '承诺办结时限', value: p.raw, data: { promised: p.raw, legal: l.raw, half: formatDuration(half, l.unit) } }];
  },
});
