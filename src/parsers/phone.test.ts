import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SHORT_NUMBERS, extractPhones, isValidPhone, type PhoneToken } from './phone.js';

const view = (ts: readonly PhoneToken[]) => ts.map((t) => ({ raw: t.raw, kind: t.kind, problem: t.problem, suggestion: t.suggestion }));
const one = (s: string, opts?: Parameters<typeof extractPhones>[1]) => {
  const ts = extractPhones(s, opts);
  expect(ts).toHaveLength(1);
  return ts[0] as PhoneToken;
};

describe('extractPhones: valid numbers', () => {
  it.each([
    ['0393-6661882', 'landline', '03936661882'],
    ['0393-66618820', 'landline', '039366618820'],
    ['010-12345678', 'landline', '01012345678'],
    ['021-68888888', 'landline', '02168888888'],
    ['0777-6428820', 'landline', '07776428820'],
    ['０３９３-６６６１８８２', 'landline', '03936661882'],
    ['13812345678', 'mobile', '13812345678'],
    ['19912345678', 'mobile', '19912345678'],
    ['138-1234-5678', 'mobile', '13812345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['400-612-3456', 'service', '4006123456'],
    ['4006-123-456', 'service', '4006123456'],
    ['4006123456', 'service', '4006123456'],
    ['800-810-8888', 'service', '8008108888'],
    ['12345', 'short', '12345'],
    ['0393-12345', 'short', '039312345'],
    ['12315', 'short', '12315'],
    ['110', 'short', '110'],
    ['95598', 'short', '95598'],
    ['0393-96333', 'short', '039396333'],
  ])('%s is a valid %s', (s, kind, digits) => {
    const t = one(s);
    expect(t).toMatchObject({ raw: s, start: 0, kind, digits });
    expect(t.problem).toBeUndefined();
    expect(isValidPhone(t)).toBe(true);
  });

  it('a local number written in two groups is tolerated', () => {
    expect(one('021-6888 8888')).toMatchObject({ kind: 'landline', digits: '02168888888' });
    expect(one('0393-666-1882').problem).toBeUndefined();
  });

  it('labels and surrounding text are ignored; start points into the raw value', () => {
    const s = '咨询电话：0393-6661882';
    expect(one(s)).toMatchObject({ raw: '0393-6661882', start: 5 });
    expect(view(extractPhones('联系电话：0393-6661882（工作日9:00-17:00）'))).toEqual([
      { raw: '0393-6661882', kind: 'landline', problem: undefined, suggestion: undefined },
    ]);
  });
});

describe('extractPhones: problems', () => {
  it.each([
    ['6428820', 'noAreaCode'],
    ['66618820', 'noAreaCode'],
    ['6888 8888', 'noAreaCode'],
    ['0777—6428820', 'badSeparator'],
    ['0777－6428820', 'badSeparator'],
    ['0777–6428820', 'badSeparator'],
    ['0777 6428820', 'badSeparator'],
    ['0777　6428820', 'badSeparator'],
    ['0777一6428820', 'badSeparator'],
    ['0777--6428820', 'badSeparator'],
    ['0777 - 6428820', 'badSeparator'],
    ['(0777)6428820', 'badSeparator'],
    ['（0777）6428820', 'badSeparator'],
    ['(0777) 6428820', 'badSeparator'],
    ['07776428820', 'badSeparator'],
    ['0393—12345', 'badSeparator'],
    ['0393-666188', 'badLength'],
    ['0393-666188201', 'badLength'],
    ['010-1234567', 'badLength'],
    ['039-6661882', 'badLength'],
    ['1381234567', 'badLength'],
    ['138123456789', 'badLength'],
    ['0106666666', 'badLength'],
    ['0393666', 'badLength'],
    ['00000000000', 'badLength'],
    ['03930661882', 'badLength'],
  ])('%s → %s', (s, problem) => {
    const t = one(s);
    expect(t.raw).toBe(s);
    expect(t.problem).toBe(problem);
    expect(isValidPhone(t)).toBe(false);
  });

  it('bad separators come with the ASCII-hyphen suggestion', () => {
    expect(one('0777—6428820').suggestion).toBe('0777-6428820');
    expect(one('（0393）6661882').suggestion).toBe('0393-6661882');
    expect(one('03936661882').suggestion).toBe('0393-6661882');
    expect(one('02168888888').suggestion).toBe('021-68888888');
    expect(one('０３９３－６６６１８８２').suggestion).toBe('0393-6661882');
    expect(one('400—612—3456')).toMatchObject({ problem: 'badSeparator', suggestion: '400-612-3456' });
    expect(one('138—1234—5678')).toMatchObject({ problem: 'badSeparator', suggestion: '13812345678' });
  });

  it('badLength and noAreaCode without a known area code carry no suggestion', () => {
    expect(one('0393-666188').suggestion).toBeUndefined();
    expect(one('6428820').suggestion).toBeUndefined();
    expect(one('6428820', { areaCode: '0777' }).suggestion).toBe('0777-6428820');
  });
});

describe('extractPhones: several numbers in one value', () => {
  it.each([
    ['0393-6661882、0393-6661883'],
    ['0393-6661882/13812345678'],
    ['0393-6661882\n0393-6661883'],
    ['0393-6661882；12345'],
    ['0393-6661882,0393-6661883'],
    ['0393-6661882 0393-6661883'],
    ['0393-6661882 13812345678'],
  ])('%s → two valid tokens', (s) => {
    const ts = extractPhones(s);
    expect(ts).toHaveLength(2);
    expect(ts.every(isValidPhone)).toBe(true);
    for (const t of ts) expect(s.slice(t.start, t.start + t.raw.length)).toBe(t.raw);
  });

  it('a bare number next to one with an area code gets that code as suggestion', () => {
    expect(view(extractPhones('0393-6661882、6661883'))).toEqual([
      { raw: '0393-6661882', kind: 'landline', problem: undefined, suggestion: undefined },
      { raw: '6661883', kind: 'landline', problem: 'noAreaCode', suggestion: '0393-6661883' },
    ]);
    expect(extractPhones('0393-6661882 6661883')[1]).toMatchObject({ problem: 'noAreaCode', suggestion: '0393-6661883' });
    expect(extractPhones('区号0393 电话6661882')[0]).toMatchObject({ raw: '6661882', suggestion: '0393-6661882' });
  });

  it('two bare numbers are two noAreaCode tokens', () => {
    expect(view(extractPhones('6661882、6661883'))).toEqual([
      { raw: '6661882', kind: 'landline', problem: 'noAreaCode', suggestion: undefined },
      { raw: '6661883', kind: 'landline', problem: 'noAreaCode', suggestion: undefined },
    ]);
    expect(extractPhones('6661882 6661883')).toHaveLength(2);
  });

  it('real-world mixed values', () => {
    expect(view(extractPhones('咨询电话：0393-6661882；监督投诉电话：0393-12345'))).toEqual([
      { raw: '0393-6661882', kind: 'landline', problem: undefined, suggestion: undefined },
      { raw: '0393-12345', kind: 'short', problem: undefined, suggestion: undefined },
    ]);
    expect(view(extractPhones('联系人：王龙，18595648860；电子邮箱：hnsxsl@163.com'))).toEqual([
      { raw: '18595648860', kind: 'mobile', problem: undefined, suggestion: undefined },
    ]);
    expect(extractPhones('窗口电话：0393—4412345、4412346').map((t) => [t.problem, t.suggestion])).toEqual([
      ['badSeparator', '0393-4412345'], ['noAreaCode', '0393-4412346'],
    ]);
    expect(extractPhones('86-13812345678')).toMatchObject([{ raw: '13812345678', kind: 'mobile' }]);
  });

  it('international +86 forms are accepted with the prefix in raw', () => {
    expect(one('+86 13812345678')).toMatchObject({ raw: '+86 13812345678', kind: 'mobile', digits: '13812345678' });
    expect(one('+8613812345678')).toMatchObject({ kind: 'mobile', digits: '13812345678' });
    expect(one('+86-10-12345678')).toMatchObject({ raw: '+86-10-12345678', kind: 'landline', digits: '01012345678' });
    expect(one('0086-393-6661882')).toMatchObject({ kind: 'landline', digits: '03936661882' });
    expect(isValidPhone(one('+86-393-6661882'))).toBe(true);
  });
});

describe('extractPhones: extensions and fax', () => {
  it('转 / 分机 / -NNNN extensions are kept apart from the number', () => {
    expect(one('0393-6661882转8001')).toMatchObject({ raw: '0393-6661882', extension: '8001' });
    expect(isValidPhone(one('0393-6661882转8001'))).toBe(true);
    expect(one('0393-6661882 转 8001')).toMatchObject({ raw: '0393-6661882', extension: '8001' });
    expect(one('0393-6661882（转8001）')).toMatchObject({ extension: '8001' });
    expect(one('0393-6661882分机8001')).toMatchObject({ extension: '8001' });
    expect(one('0393-6661882-8001')).toMatchObject({ raw: '0393-6661882', extension: '8001' });
    expect(isValidPhone(one('0393-6661882-8001'))).toBe(true);
    expect(one('12345转2')).toMatchObject({ raw: '12345', extension: '2', kind: 'short' });
    expect(one('0393-6661882转12345')).toMatchObject({ extension: '12345' });
  });

  it('fax numbers are marked', () => {
    expect(one('0393-6661882（传真）')).toMatchObject({ fax: true, kind: 'landline' });
    expect(isValidPhone(one('0393-6661882（传真）'))).toBe(true);
    const ts = extractPhones('电话：0393-6661882，传真：0393-6661883');
    expect(ts.map((t) => t.fax ?? false)).toEqual([false, true]);
    expect(one('电话/传真：0393-6661882').fax).toBeUndefined();
    expect(extractPhones('Tel:0393-6661882 Fax:0393-6661883').map((t) => t.fax ?? false)).toEqual([false, true]);
    expect(extractPhones('0393-6661882（传真：0393-6661883）').map((t) => t.fax ?? false)).toEqual([false, true]);
  });
});

describe('extractPhones: text that is not a phone', () => {
  it.each([
    '', '无', '窗口咨询', '网上咨询', 'https://www.hnzwfw.gov.cn/12345/index.html', 'www.123456789.com',
    'pyzwk2019@163.com', '12345678@qq.com', '9:00-12:00', '9：00—17：30', '08:30-12:00 14:30-18:00',
    '2019年9月6日', '2019-09-06', '2019.09.06', '邮编：457000', '邮政编码 45700012', 'QQ：123456789',
    'QQ群：12345678', '第110条', '120元', '12号窗口', '403室', '91410900MA45F2K1XY', '410928199001011234',
    '开州路188号', '3.5', '192.168.1.1',
  ])('%s → no token', (s) => {
    expect(extractPhones(s)).toEqual([]);
  });

  it('an e-mail address next to a phone does not hide it', () => {
    expect(extractPhones('邮箱：abc123@163.com 0393-6661882').map((t) => t.raw)).toEqual(['0393-6661882']);
    expect(extractPhones('电话/微信：13938312345').map((t) => t.kind)).toEqual(['mobile']);
  });

  it('a field of times, addresses and a phone yields only the phone', () => {
    const s = '办公地址：濮阳市人民路88号4楼403房间，邮编457000，工作时间9:00-12:00，电话0393-6661882';
    expect(view(extractPhones(s))).toEqual([{ raw: '0393-6661882', kind: 'landline', problem: undefined, suggestion: undefined }]);
  });

  it('short-number list is configurable', () => {
    expect(extractPhones('12399')).toEqual([]);
    expect(one('12399', { shortNumbers: ['12399'] }).kind).toBe('short');
    expect(extractPhones('12345', { shortNumbers: [] })).toEqual([]);
    expect(one('0393-12399').problem).toBe('badLength');
  });
});

describe('DEFAULT_SHORT_NUMBERS', () => {
  it('contains the brief list, digits only, no duplicates', () => {
    for (const n of ['12345', '12315', '12348', '12369', '12333', '12366', '12320', '12358', '12365', '12319', '12110',
      '12336', '12350', '12331', '12338', '12351', '12388', '110', '119', '120', '122']) {
      expect(DEFAULT_SHORT_NUMBERS).toContain(n);
    }
    expect(DEFAULT_SHORT_NUMBERS.every((n) => /^\d{3,5}$/.test(n))).toBe(true);
    expect(new Set(DEFAULT_SHORT_NUMBERS).size).toBe(DEFAULT_SHORT_NUMBERS.length);
  });
});

describe('extractPhones: properties', () => {
  const digit = fc.constantFrom(...'0123456789');
  const piece = fc.oneof(
    fc.array(digit, { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
    fc.constantFrom('-', '—', '－', '–', ' ', '　', '(', ')', '（', '）', '、', '/', '；', '\n', '转', '传真', '电话：', ':', '.', '@', 'a', '年', '０', '５'),
  );
  const phoneish = fc.array(piece, { maxLength: 14 }).map((a) => a.join(''));

  it('never throws; every token is a slice of the raw value at its start', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), phoneish), (s) => {
      for (const t of extractPhones(s)) {
        if (s.slice(t.start, t.start + t.raw.length) !== t.raw) return false;
        if (!/^\d+$/.test(t.digits)) return false;
      }
      return true;
    }), { numRuns: 4000 });
  });

  it('an accepted phone re-prints unchanged', () => {
    fc.assert(fc.property(phoneish, (s) => {
      for (const t of extractPhones(s).filter(isValidPhone)) {
        const again = extractPhones(t.raw);
        if (again.length !== 1 || again[0]!.raw !== t.raw || again[0]!.problem !== undefined) return false;
      }
      return true;
    }), { numRuns: 4000 });
  });

  it('a suggestion is itself an accepted phone', () => {
    fc.assert(fc.property(phoneish, (s) => {
      for (const t of extractPhones(s)) {
        if (t.suggestion === undefined) continue;
        const again = extractPhones(t.suggestion);
        if (again.length !== 1 || !isValidPhone(again[0]!) || again[0]!.raw !== t.suggestion) return false;
      }
      return true;
    }), { numRuns: 4000 });
  });

  it('generated valid landlines, mobiles and short numbers are accepted', () => {
    const area = fc.oneof(fc.constantFrom('010', '021', '027'), fc.integer({ min: 300, max: 999 }).map((n) => `0${n}`));
    const landline = fc.tuple(area, fc.integer({ min: 2, max: 9 }), fc.array(digit, { minLength: 6, maxLength: 7 }))
      .map(([a, f, rest]) => {
        const local = `${f}${rest.join('')}`;
        return a.length === 3 ? `${a}-${local.padEnd(8, '0').slice(0, 8)}` : `${a}-${local}`;
      });
    const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.array(digit, { minLength: 9, maxLength: 9 })).map(([p, r]) => `1${p}${r.join('')}`);
    fc.assert(fc.property(fc.oneof(landline, mobile, fc.constantFrom(...DEFAULT_SHORT_NUMBERS)), (p) => {
      const ts = extractPhones(`咨询电话：${p}。`);
      return ts.length === 1 && ts[0]!.raw === p && isValidPhone(ts[0]!);
    }), { numRuns: 2000 });
  });

  it('runs in linear time on adversarial 2 MB input', () => {
    const t0 = Date.now();
    extractPhones('1-'.repeat(1_000_000));
    extractPhones('a'.repeat(2_000_000));
    extractPhones('1 '.repeat(1_000_000));
    extractPhones('@a'.repeat(1_000_000));
    extractPhones('9:'.repeat(1_000_000));
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
