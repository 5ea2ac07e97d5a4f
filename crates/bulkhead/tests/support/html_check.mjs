// Drives Debian's headless Chromium through playwright-core over a Bulkhead HTML report and
// prints what a person would see, as JSON, for crates/bulkhead/tests/html_report.rs:
// console errors, every network request, the counts shown, the rows visible before and
// after filter clicks. Usage: node html_check.mjs REPORT.html RULE [SCREENSHOT.png]
import { createRequire } from 'node:module';
const require = createRequire(process.env.PLAYWRIGHT_DIR + '/');
const { chromium } = require('playwright-core');

const [file, rule, shot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const consoleErrors = [];
const requests = [];
page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', e => consoleErrors.push(String(e)));
page.on('request', r => requests.push(r.url()));
await page.goto('file://' + file);
const visible = () => page.$$eval('tr.finding', rs => rs.filter(r => !r.hidden).length);
const counts = await page.$$eval('[id^=count-]', els =>
  Object.fromEntries(els.map(e => [e.id.slice(6), Number(e.textContent)])));
const rows = await visible();
const shown = Number(await page.textContent('#shown'));
// Untick "medium": its rows disappear.
await page.click('input.sev-filter[value=medium]');
const withoutMedium = await visible();
await page.click('input.sev-filter[value=medium]');
// One rule only.
await page.selectOption('#rule-filter', rule);
const oneRule = await visible();
const oneRuleShown = Number(await page.textContent('#shown'));
await page.selectOption('#rule-filter', '');
// Sort by rule: the first visible row is the smallest code.
await page.click('th[data-key=rule]');
const firstRule = await page.$eval('tr.finding', r => r.dataset.rule);
// The rule's documentation opens in a dialog.
await page.click(`button.rule[data-rule="${rule}"]`);
const docTitle = await page.textContent('#rule-doc-title');
const docOpen = await page.$eval('#rule-doc', d => d.open);
await page.click('#rule-doc-close');
if (shot) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot, fullPage: false });
}
await browser.close();
console.log(JSON.stringify({ consoleErrors, requests, counts, rows, shown, withoutMedium,
  oneRule, oneRuleShown, firstRule, docTitle, docOpen }));
