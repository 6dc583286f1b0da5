import { chromium } from 'playwright-core';
const base = 'http://localhost:3105';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function as(user, width, height) {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  if (user) {
    const r = await page.request.post(`${base}/api/auth/login`, { data: { username: user, password: 'Demo@2026civic' } });
    if (!r.ok()) throw new Error(`login ${user} ${r.status()}`);
  }
  return page;
}
const shots = process.argv.slice(2);
for (const s of shots) {
  const [user, url, name, w] = s.split('|');
  const page = await as(user === '-' ? null : user, Number(w ?? 1366), 900);
  await page.goto(base + url);
  await page.waitForTimeout(Number(process.env.WAIT ?? 5000));
  await page.screenshot({ path: `/tmp/pet-${name}.png`, fullPage: true });
  console.log('shot', name);
  await page.context().close();
}
await browser.close();
