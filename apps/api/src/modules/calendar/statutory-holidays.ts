import chineseDaysLib from 'chinese-days';

/**
 * The statutory days off of a year under 全国年节及纪念日放假办法 (2024 revision): 元旦 1, 春节 4 (除夕 to 初三),
 * 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The State Council's yearly notice turns these into the published
 * schedule with make-up working days (调休); until it appears, these days at least keep deadlines off the
 * holidays themselves. Lunar dates and the 清明 solar term come from the chinese-days tables (1900–2100).
 */
export function statutoryDaysOff(year: number): { day: string; name: string }[] {
  const lunar = (md: string) => chineseDaysLib.getSolarDateFromLunar(`${year}-${md}`).date;
  const shift = (day: string, days: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  const springFestival = lunar('01-01');
  const qingming = chineseDaysLib
    .getSolarTermsInRange(`${year}-04-01`, `${year}-04-10`)
    .find((t) => t.term === 'pure_brightness' && t.index === 1)?.date;
  const days = [
    { day: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((n) => ({ day: shift(springFestival, n), name: '春节' })),
    ...(qingming ? [{ day: qingming, name: '清明节' }] : []),
    { day: `${year}-05-01`, name: '劳动节' },
    { day: `${year}-05-02`, name: '劳动节' },
    { day: lunar('05-05'), name: '端午节' },
    { day: lunar('08-15'), name: '中秋节' },
    { day: `${year}-10-01`, name: '国庆节' },
    { day: `${year}-10-02`, name: '国庆节' },
    { day: `${year}-10-03`, name: '国庆节' },
  ];
  return days;
}
