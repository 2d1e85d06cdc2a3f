import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLawEntry, analyzeLegalText, firstLawTitle, normalizeLawName, splitLegalBasis } from './legal-basis.js';

const FULL = '《中华人民共和国城乡规划法》第四十条：在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门申请办理建设工程规划许可证。';
const FULL2 = '《建筑工程施工许可管理办法》第二条：在中华人民共和国境内从事各类房屋建筑及其附属设施的建造、装修装饰和与其配套的线路、管道、设备的安装，建设单位应当申请领取施工许可证。';
const CONTENT = '在中华人民共和国境内从事各类房屋建筑及其附属设施的建造，建设单位应当申请领取施工许可证。';

describe('analyzeLegalText', () => {
  it.each([
    ['根据《全民健身法》', ['article', 'content']],
    ['《中华人民共和国行政许可法》第十二条', ['content']],
    [FULL, []],
    [FULL2, []],
    ['《中华人民共和国行政许可法》第十二条第一款第（六）项', ['content']],
    ['依据《中华人民共和国行政许可法》第12条规定', ['content']],
    ['《国务院关于取消一批行政许可事项的决定》（国发〔2018〕28号）', ['article', 'content']],
    ['《中华人民共和国主席令》第五十七号', ['article', 'content']],
    ['《中华人民共和国行政许可法》（2019年修正）第十二条', ['content']],
    ['中华人民共和国行政许可法第十二条第一款：下列事项可以设定行政许可：直接涉及国家安全的特定活动', []],
    ['第十二条：下列事项可以设定行政许可：直接涉及国家安全的特定活动', ['name']],
    ['在城市规划区内进行建设的，应当申请建设工程规划许可证。（《城乡规划法》第四十条）', []],
    ['《城乡规划法》第四十条：依照《城乡规划法》', ['content']],
    ['', ['name', 'article', 'content']],
  ] as [string, string[]][])('%s', (s, want) => {
    expect(analyzeLegalText(s).missing).toEqual(want);
  });

  it('extracts the parts', () => {
    const a = analyzeLegalText(FULL);
    expect(a.name).toBe('中华人民共和国城乡规划法');
    expect(a.article).toBe('第四十条');
    expect(a.content).toMatch(/^在城市、镇规划区内/);
    expect(analyzeLegalText('《行政许可法》第十二条第一款：下列事项可以设定行政许可').article).toBe('第十二条第一款');
    expect(analyzeLegalText('1.《A法》第一条').raw).toBe('《A法》第一条');
  });

  it('titles inside the content do not matter', () => {
    const a = analyzeLegalText('《行政许可法》第十二条：依照《中华人民共和国城乡规划法》的规定，对建设工程进行规划许可管理。');
    expect(a.name).toBe('行政许可法');
    expect(a.missing).toEqual([]);
  });
});

describe('splitLegalBasis', () => {
  it('splits at line breaks', () => {
    expect(splitLegalBasis(`${FULL}\n${FULL2}`)).toHaveLength(2);
  });
  it('splits at semicolons only before a title (optionally numbered)', () => {
    expect(splitLegalBasis(`${FULL}；${FULL2}`)).toEqual([FULL.replace('：', ':').replace(/，/g, ','), FULL2.replace('：', ':').replace(/，/g, ',')]);
    expect(splitLegalBasis('1.《A法》第一条：甲乙丙丁戊己庚辛壬癸；2.《B条例》第二条：子丑寅卯辰巳午未申酉')).toHaveLength(2);
    expect(splitLegalBasis('《A法》第一条：甲乙丙丁戊己庚辛壬癸;（二）《B条例》第二条')).toHaveLength(2);
    expect(splitLegalBasis('《A法》第一条：甲乙丙丁；戊己庚辛壬癸；子丑寅卯')).toHaveLength(1);
  });
  it('keeps numbered items of the quoted article with their entry', () => {
    const e = splitLegalBasis('1.《中华人民共和国行政许可法》第十二条：下列事项可以设定行政许可：\n（一）直接涉及国家安全的；\n（二）有限自然资源开发利用\n2.《B条例》第二条');
    expect(e).toHaveLength(2);
    expect(e[0]).toContain('(一)直接涉及国家安全');
    expect(e[1]).toBe('《B条例》第二条');
  });
  it('strips labels and drops empty parts', () => {
    expect(splitLegalBasis('设定依据：\n\n《A法》第一条')).toEqual(['《A法》第一条']);
    expect(splitLegalBasis('  \n ')).toEqual([]);
  });
});

describe('analyzeLawEntry', () => {
  it('complete entry', () => {
    const a = analyzeLawEntry({ name: '《建筑工程施工许可管理办法》', article: '第二条', content: CONTENT });
    expect(a.missing).toEqual([]);
    expect(a.raw).toContain('第二条');
  });
  it.each([
    [{ name: '《建筑工程施工许可管理办法》', article: '第二条', content: '' }, ['content']],
    [{ name: '《建筑工程施工许可管理办法》', article: '', content: CONTENT }, ['article']],
    [{ name: '', article: '第二条', content: CONTENT }, ['name']],
    [{ name: '无', article: '第二条', content: CONTENT }, ['name']],
    [{ name: '行政审批', article: '第二条', content: CONTENT }, ['name']],
    [{ name: '中华人民共和国行政许可法', number: '主席令第七号', article: '第十二条', content: CONTENT }, []],
    [{ name: '国务院关于取消一批行政许可事项的决定（国发〔2018〕28号）', article: '第一条', content: CONTENT }, []],
    [{ name: '中华人民共和国民法典', article: '第一条', content: CONTENT }, []],
    [{ name: '《A法》', article: '', content: `第三条 ${CONTENT}` }, []],
    [{ name: '《A法》', article: '第三条', content: '第三条 见上' }, ['content']],
    [{}, ['name', 'article', 'content']],
  ])('%j', (e, want) => {
    expect(analyzeLawEntry(e).missing).toEqual(want);
  });
});

describe('firstLawTitle / normalizeLawName', () => {
  it.each([
    [FULL, '中华人民共和国城乡规划法'],
    ['根据《全民健身法》', '全民健身法'],
    ['1.《A法》第一条：依照《B条例》执行', 'A法'],
    ['第十条：依照《XX法》规定办理', undefined],
    ['下列事项：依照《XX法》规定办理', undefined],
    ['在城市规划区内进行建设的，应当申请许可证（《城乡规划法》第四十条）', '城乡规划法'],
    ['没有书名号', undefined],
  ])('%s → %s', (s, want) => {
    expect(firstLawTitle(s)).toBe(want);
  });
  it.each([
    ['《中华人民共和国行政许可法》', '行政许可法'],
    ['中华人民共和国行政许可法（2019年修正）', '行政许可法'],
    ['《中华人民共和国城乡规划法(2018年修订)》', '城乡规划法'],
    ['城乡规划法(2017修订)', '城乡规划法'],
    ['  《建筑工程施工许可管理办法》 ', '建筑工程施工许可管理办法'],
    ['《ＸＸ条例（试行）》', 'XX条例(试行)'],
  ])('%s → %s', (s, want) => {
    expect(normalizeLawName(s)).toBe(want);
  });
});

describe('properties', () => {
  const piece = fc.constantFrom('《', '》', '第', '十二', '12', '条', '款', '；', ';', '\n', '根据', '中华人民共和国', '行政许可法', '条例', '（2019年修正）', '国发〔2018〕28号', '在城市规划区内进行建设', '，', '1.', '（二）');
  const entry = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), entry), (s) => {
      for (const e of splitLegalBasis(s)) expect(e.length).toBeGreaterThan(0);
      analyzeLegalText(s);
      firstLawTitle(s);
      normalizeLawName(s);
      analyzeLawEntry({ name: s, article: s, content: s });
    }));
  });
  it('missing is empty iff name, article and content are all found', () => {
    fc.assert(fc.property(entry, entry, (a, b) => {
      for (const r of [analyzeLegalText(a), analyzeLawEntry({ name: a, article: b, content: a + b })]) {
        const want = [...(r.name ? [] : ['name']), ...(r.article ? [] : ['article']), ...(r.content ? [] : ['content'])];
        expect(r.missing).toEqual(want);
      }
    }));
  });
  it('handles 2 MB input quickly', () => {
    const big = '《中华人民共和国行政许可法》第十二条；'.repeat(100_000);
    const t0 = Date.now();
    splitLegalBasis(big);
    analyzeLegalText(big);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
