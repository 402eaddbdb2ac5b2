// Browser test of the console's Imports page against a running platform on which the test importer
// plugin (generated contacts, importer `test.generated`) is installed; its Java test does that.
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/imports.browser.test.mjs
//
// The admin opens Imports, sees the form generated from the importer's source schema, is refused a
// date that is none next to its field, starts an import with bad rows mixed in and follows it to the
// end (progress, counts, result), downloads its errors as CSV, starts a long one and cancels it; a
// read-only user of the location follows the imports and can start or cancel none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { callApi, crmEnvironment, expectFieldError, launchChromium, signIn, WAIT_MS, waitForOrAlert, waitForText } from './support.mjs';

const environment = crmEnvironment(import.meta.url);
const { missing } = environment;
const {
  baseUrl: BASE_URL,
  email: EMAIL,
  password: PASSWORD,
  location: LOCATION,
  readOnlyEmail: READONLY_EMAIL,
  readOnlyPassword: READONLY_PASSWORD,
  screenshotDir: SCREENSHOT_DIR,
} = environment;

const DOMAIN = `console-${Date.now().toString(36)}.test`;
const S = {
  form: 'form[aria-label="Import with Generated contacts"]',
  jobs: 'section[aria-label="Recent imports"]',
  job: 'section[aria-label="Recent imports"] article[data-job]',
};
const field = (name) => `${S.form} [name="${name}"]`;

async function openImports(page) {
  await page.goto(`${BASE_URL}?view=imports&location=${encodeURIComponent(LOCATION)}`, { waitUntil: 'domcontentloaded' });
  await waitForOrAlert(page, S.jobs, 'the Imports page');
}

/** Fills the import form: every choice given, the others emptied. */
async function fill(page, choices) {
  for (const name of ['count', 'domain', 'pageSize', 'badEmailEvery', 'pauseMillis', 'since']) {
    await page.fill(field(name), choices[name] === undefined ? '' : String(choices[name]));
  }
}

test(
  'Imports page: a form from the importer schema, an import followed to the end, its errors as CSV, a cancel, and read-only users',
  { skip: missing.length > 0 && `set ${missing.join(', ')} to run`, timeout: 300_000 },
  async (t) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const shot = (p, name) => p.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
    const pageProblems = [];
    page.on('pageerror', (e) => pageProblems.push(`pageerror: ${e.message}`));

    let broken = false;
    const step = (name, fn) =>
      t.test(name, { skip: broken && 'an earlier step failed' }, async () => {
        try {
          await fn();
        } catch (e) {
          broken = true;
          await shot(page, `imports-failed-${name.split('.')[0]}.png`).catch(() => undefined);
          throw e;
        }
      });

    let finished;
    try {
      await step('1. the form is generated from the importer source schema', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await openImports(page);
        await page.locator(S.form).waitFor({ state: 'visible' });
        assert.equal(await page.getAttribute(field('count'), 'type'), 'number');
        assert.equal(await page.getAttribute(field('count'), 'aria-required'), 'true');
        assert.equal(await page.getAttribute(field('domain'), 'aria-required'), 'true');
        assert.equal(await page.locator(`${S.form} select[name="duplicates"]`).count(), 1);
        await shot(page, 'imports-01-form.png');
      });

      await step('2. a date that is none is refused next to its field', async () => {
        await fill(page, { count: 400, domain: DOMAIN, since: 'last tuesday' });
        await page.locator(S.form).getByRole('button', { name: 'Start import' }).click();
        const text = await expectFieldError(page, field('since'), '/source/since');
        assert.match(text, /date/);
        await shot(page, 'imports-02-refused.png');
      });

      await step('3. an import with bad rows runs to the end with a progress bar, its counts and result', async () => {
        await fill(page, { count: 400, domain: DOMAIN, pageSize: 20, badEmailEvery: 50, pauseMillis: 100 });
        await page.locator(S.form).getByRole('button', { name: 'Start import' }).click();
        const job = page.locator(S.job).first();
        await job.waitFor({ state: 'visible' });
        await job.locator('[role="progressbar"]').waitFor({ state: 'visible' });
        await waitForText(page, `${S.job} [data-role="counts"]`, /rows\/s/, 'the rate while it runs');
        await job.scrollIntoViewIfNeeded();
        await shot(page, 'imports-03-running.png');
        await page.locator(`${S.job}[data-status="SUCCEEDED"]`).first().waitFor({ state: 'visible', timeout: 120_000 });
        finished = await job.getAttribute('data-job');
        await waitForText(page, `${S.job} [data-role="counts"]`, /392 done, 8 not imported of 400/, 'the counts');
        await waitForText(page, `${S.job} [data-role="result"]`, /392 created, 0 updated, 0 skipped/, 'the result');
        await job.scrollIntoViewIfNeeded();
        await shot(page, 'imports-04-done.png');
      });

      await step('4. its errors download as CSV, one line per bad row', async () => {
        const job = page.locator(`${S.job}[data-job="${finished}"]`);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          job.getByRole('button', { name: 'Download errors' }).click(),
        ]);
        assert.equal(download.suggestedFilename(), `import-${finished}-errors.csv`);
        const csv = await readFile(await download.path(), 'utf8');
        const lines = csv.trim().split(/\r?\n/);
        assert.equal(lines[0], 'reference,reason');
        assert.equal(lines.length, 9, csv);
        assert.ok(lines.some((line) => line.startsWith('gen-49,') && /email/i.test(line)), csv);
      });

      await step('5. a long import is cancelled and stops', async () => {
        await fill(page, { count: 5000, domain: `long-${DOMAIN}`, pageSize: 50, pauseMillis: 300 });
        await page.locator(S.form).getByRole('button', { name: 'Start import' }).click();
        const job = page.locator(`${S.job}[data-status="RUNNING"]`).first();
        await job.waitFor({ state: 'visible' });
        await waitForText(page, `${S.job}[data-status="RUNNING"] [data-role="counts"]`, /left/, 'the time left');
        await job.scrollIntoViewIfNeeded();
        await shot(page, 'imports-05-long.png');
        const id = await job.getAttribute('data-job');
        await job.getByRole('button', { name: 'Cancel' }).click();
        await page.locator(`${S.job}[data-job="${id}"][data-status="CANCELLED"]`).waitFor({ state: 'visible', timeout: 60_000 });
        const api = await callApi(page, 'GET', `/api/v1/locations/${LOCATION}/jobs/${id}`);
        assert.equal(api.body.status, 'CANCELLED');
        assert.ok(api.body.progress.done < 5000, JSON.stringify(api.body));
        await page.locator(`${S.job}[data-job="${id}"]`).scrollIntoViewIfNeeded();
        await shot(page, 'imports-06-cancelled.png');
      });

      await step('6. a read-only user follows the imports and can start and cancel none', async () => {
        const readOnly = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        try {
          const p = await readOnly.newPage();
          p.setDefaultTimeout(WAIT_MS);
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          await openImports(p);
          await p.locator(`${S.job}[data-job="${finished}"]`).waitFor({ state: 'visible' });
          assert.equal(await p.locator(S.form).count(), 0, 'no import form');
          assert.equal(await p.getByRole('button', { name: 'Start import' }).count(), 0, 'no start');
          assert.equal(await p.getByRole('button', { name: 'Cancel' }).count(), 0, 'no cancel');
          await shot(p, 'imports-07-read-only.png');
        } finally {
          await readOnly.close();
        }
      });
      assert.deepEqual(pageProblems, []);
    } finally {
      await browser.close();
    }
  },
);
