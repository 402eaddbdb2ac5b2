// Browser test of the console's file import wizard (the Imports page) against a running platform.
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/file-imports.browser.test.mjs
//
// The admin uploads a GoHighLevel-like CSV export over a slowed network and sees the upload's progress;
// the mapping comes pre-filled with the suggestions (a custom field found by its display name, the
// export's own id column left out), the preview shows the first rows as they will be imported and
// follows a change of the mapping; a column mapped twice is refused next to its select; the import,
// with a duplicate choice and tags, is followed to the end and its bad row downloaded as CSV; a large
// file's import is cancelled; a read-only user of the location sees the imports but no wizard.

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

const RUN = Date.now().toString(36);
const S = {
  wizard: 'section[aria-label="Import from a file"]',
  mapping: 'table[aria-label="Mapping"]',
  preview: 'table[aria-label="Preview"]',
  jobs: 'section[aria-label="Recent imports"]',
  job: 'section[aria-label="Recent imports"] article[data-job]',
};
const select = (column) => `${S.mapping} select[name="map:${column}"]`;

/** A GoHighLevel-like export: its id and activity columns, a custom field by display name, tags, one bad row. */
function exportCsv(rows) {
  const lines = ['"Contact Id","First Name","Last Name","Email","Phone","Business Name","Tags","Membership Plan","Last Activity"'];
  for (let i = 0; i < rows; i++) {
    const email = i === 2 ? 'not-an-email' : `person${i}@${RUN}.console.test`;
    lines.push(`"k${i}","Person ${i}","Row","${email}","","Firm ${i % 7}","lead,webinar","${i % 2 ? 'gold' : 'silver'}",""`);
  }
  return `${lines.join('\n')}\n`;
}

async function openImports(page) {
  await page.goto(`${BASE_URL}?view=imports&location=${encodeURIComponent(LOCATION)}`, { waitUntil: 'domcontentloaded' });
  await waitForOrAlert(page, S.jobs, 'the Imports page');
}

test(
  'File import wizard: upload with progress, a suggested mapping, a preview, a refused mapping, an import to the end, its errors, a cancel, read-only users',
  { skip: missing.length > 0 && `set ${missing.join(', ')} to run`, timeout: 300_000 },
  async (t) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, acceptDownloads: true });
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
          await shot(page, `file-imports-failed-${name.split('.')[0]}.png`).catch(() => undefined);
          throw e;
        }
      });

    let finished;
    try {
      await step('1. a file uploads with its progress shown, and its columns come mapped as suggested', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        const field = await callApi(page, 'POST', `/api/v1/locations/${LOCATION}/custom-fields?model=contact`, {
          key: `plan_${RUN}`,
          name: 'Membership Plan',
          type: 'singleOption',
          options: ['gold', 'silver'],
        });
        assert.equal(field.status, 201, field.text);
        await openImports(page);
        await page.locator(S.wizard).waitFor({ state: 'visible' });
        // a slow network (256 KB/s up), so that the upload takes a few seconds and its progress shows
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 20,
          downloadThroughput: 50 * 1024 * 1024,
          uploadThroughput: 256 * 1024,
        });
        await page.setInputFiles(`${S.wizard} input[type="file"]`, {
          name: 'ghl-export.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(exportCsv(12_000), 'utf8'),
        });
        await page.locator(`${S.wizard} [role="progressbar"][aria-label="Upload"]`).waitFor({ state: 'visible' });
        await waitForText(page, `${S.wizard} [data-role="upload"]`, /Uploading ghl-export\.csv: [\d.]+ (B|KB|MB) of [\d.]+ MB/, 'the bytes sent');
        await shot(page, 'file-imports-01-uploading.png');
        await page.locator(S.mapping).waitFor({ state: 'visible', timeout: 120_000 });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        await waitForText(page, `${S.wizard} [data-role="file"]`, /ghl-export\.csv: 12000 rows, 9 columns/, 'the file read');
        assert.equal(await page.inputValue(select('First Name')), 'firstName');
        assert.equal(await page.inputValue(select('Business Name')), 'companyName');
        assert.equal(await page.inputValue(select('Tags')), 'tags');
        assert.equal(await page.inputValue(select('Membership Plan')), `customFields.plan_${RUN}`);
        assert.equal(await page.inputValue(select('Contact Id')), '', 'the export\u2019s own id is left out');
        assert.equal(await page.inputValue(select('Last Activity')), '');
        await shot(page, 'file-imports-02-mapping.png');
      });

      await step('2. the preview shows the first rows as they will be imported, and follows the mapping', async () => {
        const headers = () => page.locator(`${S.preview} thead th`).allTextContents();
        assert.deepEqual(await headers(), ['First name', 'Last name', 'Email', 'Phone', 'Company name', 'Tags', 'Membership Plan']);
        assert.equal(await page.locator(`${S.preview} tbody tr`).count(), 5);
        assert.equal((await page.locator(`${S.preview} tbody tr`).first().locator('td').first().textContent()).trim(), 'Person 0');
        await page.selectOption(select('Business Name'), '');
        assert.ok(!(await headers()).includes('Company name'), 'a column left out leaves the preview');
        await page.selectOption(select('Last Activity'), 'source');
        assert.ok((await headers()).includes('Source'));
        await page.selectOption(select('Last Activity'), '');
        await shot(page, 'file-imports-03-preview.png');
      });

      await step('3. a field given two columns is refused next to the second column', async () => {
        await page.selectOption(select('Last Name'), 'firstName');
        await page.locator(S.wizard).getByRole('button', { name: /^Import 12000 rows$/ }).click();
        const text = await expectFieldError(page, select('Last Name'), '/mapping/Last Name');
        assert.match(text, /goes to firstName already/);
        await shot(page, 'file-imports-04-refused.png');
        await page.selectOption(select('Last Name'), 'lastName');
      });

      await step('4. the import runs to the end with its progress, and its bad row downloads as CSV', async () => {
        await page.selectOption(`${S.wizard} select[name="duplicates"]`, 'skip');
        await page.fill(`${S.wizard} input[name="tags"]`, `console ${RUN}`);
        await page.locator(S.wizard).getByRole('button', { name: /^Import 12000 rows$/ }).click();
        const job = page.locator(`${S.job}[data-status]`).first();
        await job.waitFor({ state: 'visible' });
        await waitForText(page, `${S.job} .font-medium`, /File ghl-export\.csv/, 'the file import in the list');
        await page.locator(`${S.job}[data-status="SUCCEEDED"]`).first().waitFor({ state: 'visible', timeout: 240_000 });
        finished = await page.locator(`${S.job}[data-status="SUCCEEDED"]`).first().getAttribute('data-job');
        await waitForText(page, `${S.job}[data-job="${finished}"] [data-role="counts"]`, /11999 done, 1 not imported of 12000/, 'the counts');
        await waitForText(page, `${S.job}[data-job="${finished}"] [data-role="result"]`, /11999 created, 0 updated, 0 skipped/, 'the result');
        await page.locator(`${S.job}[data-job="${finished}"]`).scrollIntoViewIfNeeded();
        await shot(page, 'file-imports-05-done.png');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(`${S.job}[data-job="${finished}"]`).getByRole('button', { name: 'Download errors' }).click(),
        ]);
        const csv = await readFile(await download.path(), 'utf8');
        const lines = csv.trim().split(/\r?\n/);
        assert.equal(lines[0], 'reference,reason');
        assert.equal(lines.length, 2, csv);
        assert.match(lines[1], /^row 4,.*Email: 'not-an-email' is not an email address/);
        // the last row's number has no other as its prefix, so the search finds it alone
        const contacts = await callApi(page, 'GET', `/api/v1/locations/${LOCATION}/contacts?query=person11999%40${RUN}.console.test`);
        assert.equal(contacts.body.items.length, 1, contacts.text);
        assert.equal(contacts.body.items[0].email, `person11999@${RUN}.console.test`);
        assert.equal(contacts.body.items[0].customFields[`plan_${RUN}`], 'gold');
        assert.deepEqual(contacts.body.items[0].tags, ['lead', 'webinar', `console ${RUN}`]);
        assert.equal(contacts.body.items[0].companyName, undefined, 'Business Name was left out');
      });

      await step('5. a large file\u2019s import is cancelled and stops', async () => {
        await page.setInputFiles(`${S.wizard} input[type="file"]`, {
          name: 'large.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            `Email,First Name\n${Array.from({ length: 150_000 }, (_, i) => `large${i}@${RUN}.console.test,Large ${i}`).join('\n')}\n`,
            'utf8',
          ),
        });
        await page.locator(S.mapping).waitFor({ state: 'visible', timeout: 120_000 });
        await page.selectOption(`${S.wizard} select[name="duplicates"]`, 'create');
        await page.locator(S.wizard).getByRole('button', { name: /^Import 150000 rows$/ }).click();
        const running = page.locator(`${S.job}[data-status="RUNNING"]`).first();
        await running.waitFor({ state: 'visible', timeout: 120_000 });
        await waitForText(page, `${S.job}[data-status="RUNNING"] [data-role="counts"]`, /left/, 'the time left');
        await running.scrollIntoViewIfNeeded();
        await shot(page, 'file-imports-06-running.png');
        const id = await running.getAttribute('data-job');
        await running.getByRole('button', { name: 'Cancel' }).click();
        await page.locator(`${S.job}[data-job="${id}"][data-status="CANCELLED"]`).waitFor({ state: 'visible', timeout: 120_000 });
        const api = await callApi(page, 'GET', `/api/v1/locations/${LOCATION}/jobs/${id}`);
        assert.equal(api.body.status, 'CANCELLED');
        assert.ok(api.body.progress.done < 150_000, JSON.stringify(api.body));
        await shot(page, 'file-imports-07-cancelled.png');
      });

      await step('6. a read-only user follows the imports and sees no wizard', async () => {
        const readOnly = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        try {
          const p = await readOnly.newPage();
          p.setDefaultTimeout(WAIT_MS);
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          await openImports(p);
          await p.locator(`${S.job}[data-job="${finished}"]`).waitFor({ state: 'visible' });
          assert.equal(await p.locator(S.wizard).count(), 0, 'no wizard');
          assert.equal(await p.getByRole('button', { name: 'Cancel' }).count(), 0, 'no cancel');
          await shot(p, 'file-imports-08-read-only.png');
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
