// Browser test of the console's Segments page, its builder and its bulk actions against a running platform.
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/segments.browser.test.mjs
//
// The first user may change the location's contacts; the read-only user has the READ_ONLY role in it.
// The test seeds six contacts through the API (names, emails and tags carry the run's stamp), builds a
// two-condition segment with the form alone and watches its live count follow the edits, sees a bad
// condition's error next to its row, saves, exports the contacts as CSV, tags them all with a bulk
// action followed to its end, asks to delete them (and cancels), and checks that a read-only user sees
// the segment and its count without any control to change it. It leaves the contacts and the segment.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { callApi, crmEnvironment, launchChromium, signIn, WAIT_MS, waitForOrAlert, waitForText } from './support.mjs';

const {
  missing,
  baseUrl: BASE_URL,
  email: EMAIL,
  password: PASSWORD,
  location: LOCATION,
  readOnlyEmail: READONLY_EMAIL,
  readOnlyPassword: READONLY_PASSWORD,
  screenshotDir: SCREENSHOT_DIR,
} = crmEnvironment(import.meta.url);

/** Names, emails and tags of this run. */
const STAMP = `r${Date.now().toString(36)}`;
const DOMAIN = `@seg-${STAMP}.test`;
const LEAD = `lead-${STAMP}`;
const REENGAGE = `reengage-${STAMP}`;
const SEGMENT = `Leads ${STAMP}`;

const apiBase = `/api/v1/locations/${encodeURIComponent(LOCATION)}`;
const S = {
  views: 'nav[aria-label="Console"]',
  segments: 'table[aria-label="Segments"]',
  builder: 'form[data-form="segment"]',
  liveCount: 'aside[aria-label="Live count"] [data-role="live-count"]',
  row: (i) => `[data-row-pointer="/filter/all/${i}"]`,
  topActions: '[data-actions-of="/filter"]',
  segmentContacts: 'table[aria-label="Segment contacts"] tbody tr',
  bulk: 'section[aria-label="Bulk actions"]',
  job: 'section[aria-label="Bulk actions"] article[data-job]',
};

/** Waits until the live count settled on `count` (no count in flight, no problem pending). */
async function expectLiveCount(page, count, what) {
  await page
    .waitForSelector(`${S.liveCount}[data-count="${count}"]:not([data-stale])`, { timeout: WAIT_MS })
    .catch(async () => {
      const shown = await page.locator(S.liveCount).getAttribute('data-count');
      assert.fail(`${what}: the live count should settle on ${count}; it shows ${shown}`);
    });
}

test(
  'Segments console: a segment built with the form and its live count, an error at its row, export, a bulk action followed to its end; read-only users change nothing',
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
          await shot(page, `seg-failed-${name.split('.')[0]}.png`).catch(() => undefined);
          throw e;
        }
      });

    let segmentId;
    try {
      await step('1. sign in, seed six contacts, four of them leads, and open Segments', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await page.selectOption('select[aria-label="Location"]', LOCATION);
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('location') === id, LOCATION);
        for (let i = 1; i <= 6; i++) {
          const contact = {
            firstName: `Seg${i}`,
            lastName: STAMP,
            email: `c${i}${DOMAIN}`,
            // Seg4 has as many tags as a contact may have: a bulk action cannot add one more
            tags: i <= 3 ? [LEAD] : i === 4 ? [LEAD, ...Array.from({ length: 99 }, (_, n) => `t${n}`)] : [],
          };
          const r = await callApi(page, 'POST', `${apiBase}/contacts`, contact);
          assert.equal(r.status, 201, `seeding ${JSON.stringify(contact)}: ${r.text}`);
        }
        const nav = page.locator(S.views);
        const entries = await nav.getByRole('button').allTextContents();
        assert.equal(entries[entries.indexOf('Contacts') + 1], 'Segments', `Segments is next to Contacts: ${entries}`);
        await nav.getByRole('button', { name: 'Segments', exact: true }).click();
        await waitForOrAlert(page, S.segments, 'the segments list');
        assert.equal(new URL(page.url()).searchParams.get('view'), 'segments');
      });

      await step('2. build a two-condition segment with the form: the live count follows each condition', async () => {
        await page.getByRole('button', { name: 'New segment', exact: true }).click();
        await waitForOrAlert(page, S.builder, 'the segment builder');
        await page.fill(`${S.builder} input[name="name"]`, SEGMENT);
        await page.fill(`${S.builder} input[name="description"]`, 'Leads of the browser test');

        // 1: Email contains the run's domain
        await page.locator(S.topActions).getByRole('button', { name: 'Add condition', exact: true }).click();
        const first = page.locator(S.row(0));
        await first.locator('select[aria-label="Condition type"]').selectOption('field');
        await first.locator('select[aria-label="Field"]').selectOption('email');
        await first.locator('select[aria-label="Operator"]').selectOption('contains');
        await first.locator('input[aria-label="Value"]').fill(DOMAIN);
        await expectLiveCount(page, 6, 'every seeded contact has an email at the domain');

        // 2: Tags has any of the lead tag, typed as a chip
        await page.locator(S.topActions).getByRole('button', { name: 'Add condition', exact: true }).click();
        const second = page.locator(S.row(1));
        await second.locator('select[aria-label="Condition type"]').selectOption('tag');
        await second.locator('select[aria-label="Operator"]').selectOption('hasAny');
        await second.locator('input[aria-label="Tags"]').fill(LEAD);
        await second.locator('input[aria-label="Tags"]').press('Enter');
        await second.locator(`[data-chip="${LEAD}"]`).waitFor({ state: 'visible' });
        await expectLiveCount(page, 4, 'four of them are leads');
        await page
          .locator('aside[aria-label="Live count"] ul[aria-label="First matching contacts"] li')
          .first()
          .waitFor();
        assert.equal(
          await page.locator('aside[aria-label="Live count"] ul[aria-label="First matching contacts"] li').count(),
          4,
        );
        await shot(page, 'seg-01-two-conditions.png');
      });

      await step('3. editing a condition changes the live count', async () => {
        const second = page.locator(S.row(1));
        await second.locator('select[aria-label="Operator"]').selectOption('hasNone');
        await expectLiveCount(page, 2, 'two are not leads');
        await shot(page, 'seg-02-count-changed.png');
        await second.locator('select[aria-label="Operator"]').selectOption('hasAny');
        await expectLiveCount(page, 4, 'the leads again');
      });

      await step('4. a condition the server refuses shows its error next to its row', async () => {
        await page.locator(S.topActions).getByRole('button', { name: 'Add condition', exact: true }).click();
        const third = page.locator(S.row(2));
        await third.locator('select[aria-label="Field"]').selectOption('phone');
        await third.locator('select[aria-label="Operator"]').selectOption('equals');
        await third.locator('input[aria-label="Value"]').fill('abc');
        const message = third.locator('[data-pointer="/filter/all/2/value"]');
        await waitForText(
          page,
          `${S.row(2)} [data-pointer="/filter/all/2/value"]`,
          /phone/i,
          'the phone number is refused',
        );
        const value = third.locator('input[aria-label="Value"]');
        assert.equal(await value.getAttribute('aria-invalid'), 'true', 'the value is marked invalid');
        const describedBy = await value.getAttribute('aria-describedby');
        assert.ok(describedBy, 'the value names its message');
        assert.equal(await third.locator(`[id="${describedBy}"] [data-pointer="/filter/all/2/value"]`).count(), 1);
        // right under the row's inputs, not at the top of the page
        const input = await value.boundingBox();
        const below = await message.boundingBox();
        assert.ok(
          input && below && below.y >= input.y + input.height - 1 && below.y - (input.y + input.height) < 40,
          'under the row',
        );
        assert.equal(
          await page.locator(`${S.row(0)} [data-pointer], ${S.row(1)} [data-pointer]`).count(),
          0,
          'the other rows are fine',
        );
        assert.notEqual(
          await page.locator(S.liveCount).getAttribute('data-stale'),
          null,
          'the count says it is not current',
        );
        await shot(page, 'seg-03-error-at-row.png');

        await third.getByRole('button', { name: 'Remove condition', exact: true }).click();
        await expectLiveCount(page, 4, 'without the bad condition');
        assert.equal(await page.locator(`${S.builder} [data-pointer]`).count(), 0, 'no error left');
      });

      await step('5. a nested group of any, negated, counts too; its errors find their row inside it', async () => {
        await page.locator(S.topActions).getByRole('button', { name: 'Add group', exact: true }).click();
        const group = page.locator('section[data-group-pointer="/filter/all/2"]');
        assert.equal(await group.locator('select[aria-label="Match"]').first().inputValue(), 'any');
        const setName = async (row, name) => {
          await row.locator('select[aria-label="Field"]').selectOption('firstName');
          await row.locator('select[aria-label="Operator"]').selectOption('equals');
          await row.locator('input[aria-label="Value"]').fill(name);
        };
        await setName(page.locator('[data-row-pointer="/filter/all/2/any/0"]'), 'Seg1');
        await expectLiveCount(page, 1, 'leads named Seg1');
        await page
          .locator('[data-actions-of="/filter/all/2"]')
          .getByRole('button', { name: 'Add condition', exact: true })
          .click();
        await setName(page.locator('[data-row-pointer="/filter/all/2/any/1"]'), 'Seg2');
        await expectLiveCount(page, 2, 'leads named Seg1 or Seg2');
        await group.getByLabel('not', { exact: true }).first().check();
        await expectLiveCount(page, 2, 'the other leads: Seg3 and Seg4');

        const inner = page.locator('[data-row-pointer="/filter/all/2/not/any/1"]');
        await inner.locator('select[aria-label="Field"]').selectOption('phone');
        await inner.locator('input[aria-label="Value"]').fill('abc');
        await waitForText(
          page,
          `[data-row-pointer="/filter/all/2/not/any/1"] [data-pointer="/filter/all/2/not/any/1/value"]`,
          /phone/i,
          'the nested row is refused',
        );
        assert.equal(await page.locator(`${S.builder} [data-pointer]`).count(), 1, 'only that row has an error');
        await shot(page, 'seg-04-nested-group.png');

        await group.getByRole('button', { name: 'Remove group', exact: true }).click();
        await expectLiveCount(page, 4, 'without the group');
        assert.equal(await page.locator(`${S.builder} [data-pointer]`).count(), 0, 'no error left');
      });

      await step('6. save: the segment opens with its count and contacts', async () => {
        await page.getByRole('button', { name: 'Save segment', exact: true }).click();
        await waitForOrAlert(page, 'h2[data-segment-name]', 'the saved segment');
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('view'), 'segment');
        segmentId = url.searchParams.get('segment');
        assert.ok(segmentId, 'the address names the segment');
        assert.equal((await page.textContent('h2[data-segment-name]'))?.trim(), SEGMENT);
        await page.waitForSelector('p[data-role="count"][data-count="4"]');
        await page.waitForFunction((rows) => document.querySelectorAll(rows).length === 4, S.segmentContacts);
        const saved = await callApi(page, 'GET', `${apiBase}/segments/${segmentId}`);
        assert.deepEqual(saved.body.filter, {
          all: [
            { type: 'field', field: 'email', operator: 'contains', value: DOMAIN },
            { type: 'tag', operator: 'hasAny', value: [LEAD] },
          ],
        });
        await shot(page, 'seg-05-saved.png');
      });

      await step('7. Export CSV downloads the four contacts', async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Export CSV', exact: true }).click(),
        ]);
        assert.equal(download.suggestedFilename(), `Leads-${STAMP}.csv`);
        const csv = await readFile(await download.path(), 'utf8');
        const lines = csv.trim().split(/\r?\n/);
        assert.match(lines[0], /^id,/, 'a header first');
        assert.equal(lines.length, 5, csv);
        for (let i = 1; i <= 4; i++) assert.ok(csv.includes(`c${i}${DOMAIN}`), `c${i} is exported`);
      });

      await step('8. a bulk action tags the segment: its progress runs to the end, its errors as CSV', async () => {
        const bulk = page.locator(S.bulk);
        await bulk.locator('select[aria-label="Bulk action"]').selectOption('addTags');
        await bulk.locator('input[aria-label="Tags"]').fill(REENGAGE);
        await bulk.locator('input[aria-label="Tags"]').press('Enter');
        await bulk.getByRole('button', { name: 'Add tags', exact: true }).click();
        const job = page.locator(S.job).first();
        await job.waitFor({ state: 'visible' });
        await job.locator('[role="progressbar"]').waitFor({ state: 'visible' });
        await shot(page, 'seg-06-bulk-started.png');
        await page.locator(`${S.job}[data-status="SUCCEEDED"]`).first().waitFor({ state: 'visible', timeout: 120_000 });
        const jobId = await job.getAttribute('data-job');
        await waitForText(page, `${S.job} [data-role="counts"]`, /3 of 4 done, 1 could not be changed/, 'the counts');
        await waitForText(page, `${S.job} [data-role="result"]`, /3 contacts changed/, 'the result');
        assert.equal(await job.locator('[role="progressbar"]').getAttribute('aria-valuenow'), '4');
        assert.equal(await job.getByRole('button', { name: 'Cancel' }).count(), 0, 'nothing to cancel any more');
        // the list shows the new tag
        await page.waitForFunction(
          ({ rows, tag }) =>
            [...document.querySelectorAll(rows)].filter((tr) => tr.querySelector(`[data-tag="${tag}"]`)).length === 3,
          { rows: S.segmentContacts, tag: REENGAGE },
        );
        const tagged = await callApi(page, 'GET', `${apiBase}/contacts?tag=${REENGAGE}&limit=100`);
        assert.deepEqual(tagged.body.items.map((c) => c.firstName).sort(), ['Seg1', 'Seg2', 'Seg3'], tagged.text);
        await job.scrollIntoViewIfNeeded();
        await shot(page, 'seg-07-bulk-done.png');

        // the contact it could not tag, and why
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          job.getByRole('button', { name: 'Download errors (CSV)', exact: true }).click(),
        ]);
        assert.equal(download.suggestedFilename(), `bulk-action-${jobId}-errors.csv`);
        const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
        assert.equal(lines[0], 'reference,reason');
        assert.equal(lines.length, 2, lines.join('\n'));
        const full = await callApi(page, 'GET', `${apiBase}/contacts?query=${encodeURIComponent(`c4${DOMAIN}`)}`);
        const seg4 = full.body.items[0];
        assert.ok(lines[1].startsWith(`${seg4.id},`) && /tag/i.test(lines[1]), lines[1]);
      });

      await step('9. deleting the contacts asks first, naming how many', async () => {
        const bulk = page.locator(S.bulk);
        await bulk.locator('select[aria-label="Bulk action"]').selectOption('delete');
        await bulk.getByRole('button', { name: 'Delete contacts…', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Delete 4 contacts?' });
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'seg-08-delete-confirm.png');
        await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
        const still = await callApi(page, 'GET', `${apiBase}/segments/${segmentId}/count`);
        assert.equal(still.body.count, 4, 'nothing was deleted');
      });

      await step('10. the list shows the segment with its last count', async () => {
        await page.getByRole('link', { name: '← Segments' }).click();
        const row = page.locator(`${S.segments} tr[data-segment-id="${segmentId}"]`);
        await row.waitFor({ state: 'visible' });
        assert.equal(await row.locator('[data-role="count"]').getAttribute('data-count'), '4');
        await row.getByRole('button', { name: `Count ${SEGMENT} now` }).click();
        await row.getByRole('button', { name: `Count ${SEGMENT} now` }).waitFor();
        await waitForText(page, `tr[data-segment-id="${segmentId}"] [data-role="count"]`, /4 contacts/, 'the count');
      });

      await step('11. a read-only user sees segments and counts, and no control to change them', async () => {
        const readOnly = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
        try {
          const p = await readOnly.newPage();
          p.setDefaultTimeout(WAIT_MS);
          p.on('pageerror', (e) => pageProblems.push(`read-only pageerror: ${e.message}`));
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          await p.goto(`${BASE_URL}?view=segments&location=${encodeURIComponent(LOCATION)}`, {
            waitUntil: 'domcontentloaded',
          });
          const row = p.locator(`${S.segments} tr[data-segment-id="${segmentId}"]`);
          await row.waitFor({ state: 'visible' });
          assert.equal(await row.locator('[data-role="count"]').getAttribute('data-count'), '4');
          assert.equal(await p.getByRole('button', { name: 'New segment' }).count(), 0, 'no New segment');
          assert.equal(await row.getByRole('button', { name: `Edit ${SEGMENT}` }).count(), 0, 'no Edit');
          assert.equal(await row.getByRole('button', { name: `Delete ${SEGMENT}` }).count(), 0, 'no Delete');
          await row.getByRole('button', { name: `Count ${SEGMENT} now` }).waitFor({ state: 'visible' });

          await row.getByRole('link', { name: SEGMENT, exact: true }).click();
          await waitForOrAlert(p, 'h2[data-segment-name]', 'the segment, read-only');
          await p.waitForFunction((rows) => document.querySelectorAll(rows).length === 4, S.segmentContacts);
          assert.equal(await p.locator(S.bulk).count(), 0, 'no bulk actions');
          assert.equal(await p.getByRole('button', { name: 'Delete…' }).count(), 0, 'no Delete');
          assert.equal(await p.getByRole('button', { name: 'Edit', exact: true }).count(), 0, 'no Edit');
          await p.getByRole('button', { name: 'Export CSV', exact: true }).waitFor({ state: 'visible' });
          await shot(p, 'seg-09-read-only-segment.png');

          await p.getByRole('button', { name: 'Filter', exact: true }).click();
          await waitForOrAlert(p, S.builder, 'the filter, read-only');
          await expectLiveCount(p, 4, 'the read-only user sees the live count');
          assert.equal(await p.getByRole('button', { name: 'Save segment' }).count(), 0, 'no Save');
          assert.equal(await p.getByRole('button', { name: 'Add condition' }).count(), 0, 'no Add condition');
          assert.equal(await p.getByRole('button', { name: 'Remove condition' }).count(), 0, 'no Remove');
          assert.ok(
            await p.locator(`${S.row(0)} select[aria-label="Operator"]`).isDisabled(),
            'the inputs are read-only',
          );
          await shot(p, 'seg-10-read-only-filter.png');
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
