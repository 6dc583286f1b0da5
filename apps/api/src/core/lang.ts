/** The languages server-side texts come in: Chinese by default, English when the reader asks for it. */
export type Lang = 'zh' | 'en';

export function langOf(acceptLanguage: string | undefined): Lang {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh';
}
