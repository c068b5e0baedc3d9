// Takes the README's Admin Center pictures from a real browser session: signs in to a Liberty Admin Center, opens
// Explore > Applications and saves a screenshot - with the first application's action menu open (Start / Restart /
// Stop) by default, or the applications view alone with `list` (all eight cards of the local run's platform server).
// Needs Chromium (Debian: apt-get install chromium) and playwright-core (npm install playwright-core).
// Usage: node admin-center-screenshot.mjs https://localhost:4440 admin <password> docs/img/admin-center-explore-applications.png
//        node admin-center-screenshot.mjs https://localhost:4450 admin autopilot-local docs/img/admin-center-platform-applications.png list
import { chromium } from 'playwright-core';

const [,, base, user, password, out, mode = 'menu'] = process.argv;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
// the Admin Center is HTTPS only, with Liberty's self-signed certificate on a local server
const page = await browser.newPage({ ignoreHTTPSErrors: true,
  viewport: { width: 1280, height: mode === 'list' ? 600 : 720 } });
await page.goto(base + '/adminCenter/', { waitUntil: 'networkidle', timeout: 120000 });
await page.fill('#j_username', user);
await page.fill('#j_password', password);
await Promise.all([page.waitForLoadState('networkidle'), page.keyboard.press('Enter')]);
await page.waitForTimeout(5000);
await page.goto(base + '/adminCenter/#explore', { waitUntil: 'networkidle', timeout: 120000 });
await page.waitForTimeout(5000);
// each tool runs in its own frame; on a busy machine it may take a while to load
let explore = null;
for (let waited = 0; !explore && waited < 60000; waited += 2000) {
  for (const frame of page.frames()) {
    if (await frame.getByText('Applications', { exact: true }).count()) { explore = frame; break; }
  }
  if (!explore) await page.waitForTimeout(2000);
}
if (!explore) throw new Error('the Explore tool did not load');
await explore.getByText('Applications', { exact: true }).first().click();
await page.waitForTimeout(5000);
if (mode !== 'list') {
  // the action menu of the first application card (top right corner of the card)
  await page.mouse.click(321, 248);
  await page.waitForTimeout(3000);
}
await page.screenshot({ path: out });
await browser.close();
