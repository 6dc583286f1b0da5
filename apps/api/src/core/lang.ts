/** The languages server-side texts come in: Chinese by default, English when the reader asks for it. */
export type Lang = 'zh' | 'en';

export function langOf(acceptLanguage: string | undefined): Lang {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh';
}

/**
 * A time as a reader in the district writes it: Asia/Shanghai (no daylight saving, so +8 h is exact),
 * `2026-12-02 09:30`, with seconds when asked. Empty for no time.
 */
export function shanghaiText(d: Date | string | null | undefined, seconds = false): string {
  if (!d) return '';
  const t = new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString();
  return t.slice(0, seconds ? 19 : 16).replace('T', ' ');
}
