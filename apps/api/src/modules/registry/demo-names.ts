// Generated demo people: names are random combinations of common surnames and given-name characters, ID
// numbers are random but checksum-valid. Nobody here exists.

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
export const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红文斌宇浩凯晨欣怡子涵梓轩雨思佳嘉博俊宁悦琪瑶婷雪晶亮新海波峰云飞燕春林荣成志永',
];
export const ROADS = [
  '梅园路',
  '桂林路',
  '康乐路',
  '金都路',
  '华杨路',
  '春申路',
  '锦绣路',
  '莲花路',
  '景谷路',
  '平吉路',
  '古美路',
  '虹梅路',
  '田林路',
  '宜山路',
];
/** Shanghai districts for registered residents; other provinces' cities for the floating population. */
export const SHANGHAI_REGIONS = [
  '310101',
  '310104',
  '310105',
  '310106',
  '310107',
  '310109',
  '310110',
  '310112',
  '310113',
  '310115',
];
export const OTHER_REGIONS = [
  '340102',
  '320102',
  '410102',
  '510104',
  '430102',
  '360102',
  '420102',
  '370102',
  '130102',
  '450102',
];
export const FOREIGN = ['日本', '韩国', '美国', '德国', '法国', '新加坡', '马来西亚', '英国'];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function withCheckDigit(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + ID_CHECK[sum % 11];
}

/** Deterministic pseudo-random numbers (mulberry32), so the demo district is the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      h[12] = '4';
      h[16] = ((Math.floor(next() * 4) + 8) as number).toString(16);
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

export function demoName(r: Rng): string {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
}

/** A valid 18-digit ID for a region and birth date; the sequence's parity gives the sex. */
export function demoCitizenId(r: Rng, region: string, birth: string, sex: 'male' | 'female'): string {
  const seq = r.int(0, 49) * 2 + (sex === 'male' ? 1 : 0);
  return withCheckDigit(`${region}${birth.replace(/-/g, '')}${r.int(0, 9)}${String(seq).padStart(2, '0')}`);
}

export function demoPhone(r: Rng): string {
  return `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
}
