import { z } from 'zod';
import { defineRule } from '../src/rule.js';
import { analyzeLimit } from '../src/parsers/time-limit.js';
import { formatDuration } from '../src/parsers/duration.js';
import { checkLimit, LIMIT_MESSAGES, LIMIT_SUGGESTIONS } from './lib/time-limit.js';

const Options = z.object({ naturalPerWork: z.number().positive() }).partial().strict();
type Options = { naturalPerWork: number };

export default defineRule<Options>({
  meta: {
    id: 'promised-time-limit',
    indicator: '承诺办结时限',
    section: 'A',
    description: '承诺办结时限须明确标注期限并说明是工作日还是自然日，与说明一致，且不超过法定办结时限',
    severity: 'error',
    options: Options,
    // [decision] 1 工作日 = 7/5 自然日 when the two limits use different units.
    defaultOptions: { naturalPerWork: 7 / 5 },
    messages: { ...LIMIT_MESSAGES, longerThanLegal: '承诺办结时限“{{promised}}”长于法定办结时限“{{legal}}”' },
    suggestions: { ...LIMIT_SUGGESTIONS, longerThanLegal: '承诺办结时限不得超过法定办结时限，建议不超过{{half}}（法定时限的一半）' },
    examples: {
      pass: [
        { title: '承诺5个工作日，法定20个工作日', guide: { 承诺办结时限: '5个工作日', 法定办结时限: '20个工作日' } },
        { title: '即办', guide: { 承诺办结时限: '即办' } },
      ],
      fail: [
        { title: '未填写', guide: { 承诺办结时限: '' } },
        { title: '承诺时限不能写“无”', guide: { 承诺办结时限: '无' } },
        { title: '单位为“天”', guide: { 承诺办结时限: '5天' } },
        { title: '长于法定时限', guide: { 承诺办结时限: '30个工作日', 法定办结时限: '20个工作日' } },
      ],
    },
    scored: true,
  },
  check(g, o) {
    const { analysis: p, findings } = checkLimit(g.promisedLimit, '承诺办结时限', false, o.naturalPerWork);
    if (p.kind === 'ok') {
      const l = analyzeLimit(g.legalLimit, o.naturalPerWork);
      if (l.kind === 'ok' && p.workdays > l.workdays + 1e-9) {
        findings.push({
          messageId: 'longerThanLegal',
          field: '承诺办结时限',
          value: p.raw,
          data: { promised: p.raw, legal: l.raw, half: formatDuration(Math.floor((l.value / 2) * 10) / 10, l.unit) },
        });
      }
    }
    return findings;
  },
});
