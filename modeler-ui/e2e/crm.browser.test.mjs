// Browser test of the console's CRM views against a running platform.
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/crm.browser.test.mjs
//
// The first user may change the location's contacts and settings; the read-only user has the
// READ_ONLY role in it. Optional: CHROMIUM_PATH (default /usr/bin/chromium). Without the required
// variables the test is skipped. It leaves contacts (named with the run's stamp), one merged and
// deleted duplicate, and the location's time zone at Europe/Berlin behind; the custom field it
// creates is deleted again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  callApi,
  cssString,
  expectFieldError,
  launchChromium,
  signIn,
  WAIT_MS,
  waitForOrAlert,
  waitForText,
  crmEnvironment,
} from './support.mjs';

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

/** Names and tags of this run: letters and digits, one search word. */
const STAMP = `r${Date.now().toString(36)}`;

const S = {
  views: 'nav[aria-label="Console"]',
  locationSelect: 'select[aria-label="Location"]',
  contacts: 'table[aria-label="Contacts"]',
  contactRows: 'table[aria-label="Contacts"] tbody tr',
  trashRows: 'table[aria-label="Deleted contacts"] tbody tr',
  newContact: 'form[aria-labelledby="new-contact-title"]',
  search: 'input[aria-label="Search contacts"]',
  contactName: 'h2[data-contact-name]',
  timeline: 'ol[aria-label="Timeline entries"]',
  status: '[role="status"]',
  dialog: 'dialog[open]',
  newField: 'form[data-form="new-field"]',
};

const field = (name) => `[data-field="${cssString(name)}"]`;
const apiBase = `/api/v1/locations/${encodeURIComponent(LOCATION)}`;

/** Waits until the list shows exactly these names (in any order). */
async function expectRows(page, rowsSelector, names) {
  await page
    .waitForFunction(
      ({ rows, expected }) => {
        const shown = [...document.querySelectorAll(rows)].map(
          (tr) => tr.querySelector('[data-column="name"]')?.textContent?.trim() ?? '',
        );
        return shown.length === expected.length && expected.every((n) => shown.includes(n));
      },
      { rows: rowsSelector, expected: names },
      { timeout: WAIT_MS },
    )
    .catch(async () => {
      const shown = await page.locator(`${rowsSelector} [data-column="name"]`).allTextContents();
      assert.fail(`the list should show ${JSON.stringify(names)}; it shows ${JSON.stringify(shown)}`);
    });
}

async function openView(page, label) {
  await page.locator(S.views).getByRole('button', { name: label, exact: true }).click();
}

async function seedContact(page, contact) {
  const r = await callApi(page, 'POST', `${apiBase}/contacts`, contact);
  assert.equal(r.status, 201, `seeding ${JSON.stringify(contact)}: ${r.text}`);
  return r.body;
}

test(
  'CRM console: create, find, edit and merge contacts, custom fields and settings; a read-only user changes nothing',
  { skip: missing.length > 0 && `set ${missing.join(', ')} to run`, timeout: 420_000 },
  async (t) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
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
          await shot(page, `crm-failed-${name.split('.')[0]}.png`).catch(() => undefined);
          throw e;
        }
      });

    const hopper = { first: 'Grace', last: `Hopper ${STAMP}` };
    const hopperName = `${hopper.first} ${hopper.last}`;
    const fieldName = `Plan ${STAMP}`;
    const fieldKey = `plan_${STAMP}`;
    const bulk = [`Bulk Alpha ${STAMP}`, `Bulk Beta ${STAMP}`];
    const vip = `vip-${STAMP}`;
    const primaryName = `Ada Primary ${STAMP}`;
    const duplicateName = `Ada Duplicate ${STAMP}`;
    let contactUrl;
    let duplicateId;

    try {
      await step('1. sign in, switch to the location and open its contacts', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await page.selectOption(S.locationSelect, LOCATION);
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('location') === id, LOCATION);
        // what the other steps work with, through the API
        for (const [i, name] of bulk.entries()) {
          const [first, ...last] = name.split(' ');
          await seedContact(page, { firstName: first, lastName: last.join(' '), email: `bulk-${i}-${STAMP}@example.test` });
        }
        await seedContact(page, {
          firstName: 'Ada',
          lastName: `Primary ${STAMP}`,
          email: `ada-${STAMP}@example.test`,
          tags: ['customer'],
        });
        duplicateId = (
          await seedContact(page, {
            firstName: 'Ada',
            lastName: `Duplicate ${STAMP}`,
            email: `ada.duplicate-${STAMP}@example.test`,
            source: 'import',
            tags: ['webinar'],
          })
        ).id;

        await openView(page, 'Contacts');
        await waitForOrAlert(page, S.contacts, 'the contacts list');
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('view'), 'contacts');
        assert.equal(url.searchParams.get('location'), LOCATION);
      });

      await step('2. create a contact: an invalid email is refused next to the email field, then fixed', async () => {
        await page.getByRole('button', { name: 'New contact', exact: true }).click();
        const form = page.locator(S.newContact);
        await form.waitFor({ state: 'visible' });
        await form.locator('input[name="firstName"]').fill(hopper.first);
        await form.locator('input[name="lastName"]').fill(hopper.last);
        await form.locator('input[name="email"]').fill('grace-at-example');
        await form.getByRole('button', { name: 'Create contact', exact: true }).click();
        const text = await expectFieldError(page, `${S.newContact} input[name="email"]`, '/email');
        assert.match(text, /email/i, 'the message is about the email');
        assert.equal(await form.locator('input[name="firstName"]').getAttribute('aria-invalid'), null, 'first name is fine');
        await shot(page, 'crm-01-contact-email-refused.png');

        await form.locator('input[name="email"]').fill(`grace-${STAMP}@example.test`);
        await form.getByRole('button', { name: 'Create contact', exact: true }).click();
        await waitForText(page, S.status, new RegExp(`Created ${hopperName}`), 'the new contact is confirmed');
        assert.equal(await form.locator('input[name="email"]').getAttribute('aria-invalid'), null, 'no longer invalid');
        await page.locator(S.contactRows).filter({ hasText: hopperName }).waitFor({ state: 'visible' });
        await shot(page, 'crm-02-contact-created.png');
      });

      await step('3. search finds it', async () => {
        await page.fill(S.search, `hopper ${STAMP}`);
        await expectRows(page, S.contactRows, [hopperName]);
        await shot(page, 'crm-03-search.png');
      });

      await step('4. open it, edit a field in place and see the change in the timeline', async () => {
        await page.locator(S.contactRows).getByRole('link', { name: hopperName, exact: true }).click();
        await waitForOrAlert(page, S.contactName, 'the contact page');
        assert.equal((await page.textContent(S.contactName))?.trim(), hopperName);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('view'), 'contact');
        assert.ok(url.searchParams.get('contact'), 'the address names the contact');
        contactUrl = page.url();

        // a refused value shows next to the field
        await page.locator(`${field('email')} button[aria-label="Edit Email"]`).click();
        await page.locator(`${field('email')} input`).fill('not an email');
        await page.locator(field('email')).getByRole('button', { name: 'Save', exact: true }).click();
        await expectFieldError(page, `${field('email')} input`, '/email');
        await page.locator(field('email')).getByRole('button', { name: 'Cancel', exact: true }).click();

        await page.locator(`${field('source')} button[aria-label="Edit Source"]`).click();
        await page.locator(`${field('source')} input`).fill('webinar');
        await page.locator(field('source')).getByRole('button', { name: 'Save', exact: true }).click();
        await waitForText(page, `${field('source')} [data-value]`, /^webinar$/, 'the saved value shows');
        await waitForText(page, `${S.timeline} li[data-changed-field="source"]`, /Source: — → webinar/, 'the timeline shows the change');
        await waitForText(page, `${S.timeline} li[data-changed-field="source"]`, /by you/, 'the timeline says who');
        await shot(page, 'crm-04-edited-in-place.png');
      });

      await step('5. create a custom field in settings, then set its value on the contact page', async () => {
        await openView(page, 'Settings');
        const form = page.locator(S.newField);
        await form.waitFor({ state: 'visible' });
        assert.equal(new URL(page.url()).searchParams.get('view'), 'custom-fields');
        await form.locator('input[name="name"]').fill(fieldName);
        assert.equal(await form.locator('input[name="key"]').inputValue(), fieldKey, 'the key follows the name');
        await form.locator('select[name="type"]').selectOption('singleOption');
        await form.locator('input[aria-label="Option 1"]').fill('gold');
        await form.getByRole('button', { name: 'Add option', exact: true }).click();
        await form.locator('input[aria-label="Option 2"]').fill('silver');
        await form.locator('input[name="group"]').fill('Qualification');
        await form.getByRole('button', { name: 'Create field', exact: true }).click();
        await page.locator(`li[data-key="${fieldKey}"]`).waitFor({ state: 'visible' });
        await shot(page, 'crm-05-custom-field.png');

        await page.goto(contactUrl, { waitUntil: 'domcontentloaded' });
        const custom = page.locator(`section[data-group="Qualification"] ${field(`customFields.${fieldKey}`)}`);
        await waitForOrAlert(page, `section[data-group="Qualification"] ${field(`customFields.${fieldKey}`)}`, 'the custom field');
        await custom.locator(`button[aria-label="Edit ${fieldName}"]`).click();
        await custom.locator('select').selectOption('gold');
        await custom.getByRole('button', { name: 'Save', exact: true }).click();
        await waitForText(page, `${field(`customFields.${fieldKey}`)} [data-value]`, /^gold$/, 'the value shows');
        await waitForText(
          page,
          `${S.timeline} li[data-changed-field="customFields.${fieldKey}"]`,
          new RegExp(`${fieldName}: — → gold`),
          'the timeline shows the custom value',
        );
        await custom.scrollIntoViewIfNeeded();
        await shot(page, 'crm-06-custom-value.png');
      });

      await step('6. bulk-tag two contacts, then bulk-delete one after confirming', async () => {
        await openView(page, 'Contacts');
        await page.fill(S.search, `bulk ${STAMP}`);
        await expectRows(page, S.contactRows, bulk);
        await page.locator('input[aria-label="Select all contacts shown"]').check();
        const toolbar = page.locator('[role="toolbar"][aria-label="Selected contacts"]');
        await toolbar.locator('[data-selected-count="2"]').waitFor({ state: 'visible' });
        await toolbar.locator('input[aria-label="Tag for the selected contacts"]').fill(vip);
        await toolbar.getByRole('button', { name: 'Add tag', exact: true }).click();
        await waitForText(page, S.status, /Tagged .* 2 contacts\./, 'the bulk tag is confirmed');
        await page.waitForFunction(
          ({ rows, tag }) => [...document.querySelectorAll(rows)].filter((tr) => tr.querySelector(`[data-tag="${tag}"]`)).length === 2,
          { rows: S.contactRows, tag: vip },
        );
        await shot(page, 'crm-07-bulk-tagged.png');

        await page.locator(`input[aria-label="Select ${bulk[1]}"]`).check();
        await toolbar.locator('[data-selected-count="1"]').waitFor({ state: 'visible' });
        await toolbar.getByRole('button', { name: 'Delete…', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Delete 1 contact?' });
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'crm-08-bulk-delete-confirm.png');
        await dialog.getByRole('button', { name: 'Delete 1 contact', exact: true }).click();
        await waitForText(page, S.status, /Deleted 1 contact\./, 'the deletion is confirmed');
        await expectRows(page, S.contactRows, [bulk[0]]);
        assert.equal(await page.locator(S.dialog).count(), 0, 'the dialog is closed');
        await shot(page, 'crm-09-bulk-deleted.png');
      });

      await step('7. restore it from the trash', async () => {
        await page.getByLabel('Deleted', { exact: true }).check();
        await expectRows(page, S.trashRows, [bulk[1]]);
        await page.getByRole('button', { name: `Restore ${bulk[1]}`, exact: true }).click();
        await waitForText(page, S.status, new RegExp(`Restored ${bulk[1]}`), 'the restore is confirmed');
        await page.waitForFunction((rows) => document.querySelectorAll(rows).length === 0, S.trashRows);
        await shot(page, 'crm-10-restored.png');
        await page.getByLabel('Deleted', { exact: true }).uncheck();
        await expectRows(page, S.contactRows, bulk);
      });

      await step('8. merge a duplicate from the contact page', async () => {
        await page.fill(S.search, `primary ${STAMP}`);
        await expectRows(page, S.contactRows, [primaryName]);
        await page.locator(S.contactRows).getByRole('link', { name: primaryName, exact: true }).click();
        await waitForOrAlert(page, S.contactName, 'the contact page');
        await page.getByRole('button', { name: 'Merge a duplicate', exact: true }).click();
        await page.fill('input[aria-label="Find the duplicate"]', `duplicate ${STAMP}`);
        const candidates = page.locator('ul[aria-label="Possible duplicates"] li');
        await candidates.first().waitFor({ state: 'visible' });
        assert.equal(await candidates.count(), 1, 'one contact matches');
        await page.getByRole('button', { name: `Merge ${duplicateName}`, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Merge ${duplicateName} into ${primaryName}?` });
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'crm-11-merge-confirm.png');
        await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
        await waitForText(page, '[data-merge-result]', new RegExp(`Merged ${duplicateName} into ${primaryName}: moved .*webinar`), 'the merge result');
        await page.locator('[role="group"][aria-label="Tags"] [data-tag="webinar"]').waitFor({ state: 'visible' });
        await page.locator(`${S.timeline} li[data-kind="merge"]`).waitFor({ state: 'visible' });
        await waitForText(page, `${field('source')} [data-value]`, /^import$/, 'the primary gained the duplicate’s source');
        const duplicate = await callApi(page, 'GET', `${apiBase}/contacts/${duplicateId}`);
        assert.ok(duplicate.body?.deletedAt, `the duplicate is deleted: ${duplicate.text}`);
        await shot(page, 'crm-12-merged.png');
      });

      await step('9. CRM settings: a country the server refuses shows next to it; a time zone is saved', async () => {
        await openView(page, 'Settings');
        await page.locator('nav[aria-label="Settings"]').getByRole('button', { name: 'CRM settings', exact: true }).click();
        const form = page.locator('form[aria-label="CRM settings"]');
        await form.waitFor({ state: 'visible' });
        assert.equal(new URL(page.url()).searchParams.get('view'), 'crm-settings');
        const country = await form.locator('input[name="country"]').inputValue();
        await form.locator('input[name="country"]').fill('QQ');
        await form.getByRole('button', { name: 'Save settings', exact: true }).click();
        await expectFieldError(page, 'form[aria-label="CRM settings"] input[name="country"]', '/country');
        await form.locator('input[name="country"]').fill(country);
        await form.locator('select[name="timezone"]').selectOption('Europe/Berlin');
        await form.getByRole('button', { name: 'Save settings', exact: true }).click();
        await waitForText(page, `form[aria-label="CRM settings"] ${S.status}`, /Saved/, 'the settings are saved');
        const saved = await callApi(page, 'GET', `${apiBase}/crm-settings`);
        assert.equal(saved.body?.timezone, 'Europe/Berlin');
        await shot(page, 'crm-13-crm-settings.png');
      });

      await step('10. a read-only user sees the contacts and settings, and no control to change them', async () => {
        const readOnly = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        try {
          const p = await readOnly.newPage();
          p.setDefaultTimeout(WAIT_MS);
          p.on('pageerror', (e) => pageProblems.push(`read-only pageerror: ${e.message}`));
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          assert.equal(await p.inputValue(S.locationSelect), LOCATION, 'the read-only user works in their location');
          await openView(p, 'Contacts');
          await p.locator(S.contactRows).first().waitFor({ state: 'visible' });
          assert.equal(await p.getByRole('button', { name: 'New contact' }).count(), 0, 'no New contact');
          assert.equal(await p.locator(`${S.contacts} input[type="checkbox"]`).count(), 0, 'no row selection');

          await p.fill(S.search, `hopper ${STAMP}`);
          await expectRows(p, S.contactRows, [hopperName]);
          await p.locator(S.contactRows).getByRole('link', { name: hopperName, exact: true }).click();
          await p.locator(`${S.timeline} li`).first().waitFor({ state: 'visible' });
          await waitForText(p, `${field(`customFields.${fieldKey}`)} [data-value]`, /^gold$/, 'the custom value shows');
          assert.equal(await p.locator('button[aria-label^="Edit "]').count(), 0, 'no field can be edited');
          for (const name of ['Merge a duplicate', 'Delete contact', 'Add']) {
            assert.equal(await p.getByRole('button', { name, exact: true }).count(), 0, `no ${name}`);
          }
          assert.equal(await p.locator('input[aria-label="New tag"]').count(), 0, 'no tag input');
          assert.equal(await p.locator('button[aria-label^="Remove tag"]').count(), 0, 'no tag removal');
          assert.equal(await p.locator('fieldset[aria-label="Do not disturb"]').count(), 0, 'no DND toggles');
          await p.locator(field(`customFields.${fieldKey}`)).scrollIntoViewIfNeeded();
          await shot(p, 'crm-14-read-only-contact.png');

          await openView(p, 'Settings');
          await p.locator(`li[data-key="${fieldKey}"]`).waitFor({ state: 'visible' });
          await p.locator('[data-read-only]').waitFor({ state: 'visible' });
          assert.equal(await p.locator(S.newField).count(), 0, 'no New field form');
          assert.equal(await p.locator(`li[data-key="${fieldKey}"] button`).count(), 0, 'no field actions');
          await p.locator('nav[aria-label="Settings"]').getByRole('button', { name: 'CRM settings', exact: true }).click();
          await p.locator('dl[aria-label="CRM settings"] [data-setting="timezone"]').waitFor({ state: 'visible' });
          assert.equal(await p.locator('form[aria-label="CRM settings"]').count(), 0, 'no settings form');
          assert.equal((await p.textContent('[data-setting="timezone"]'))?.trim(), 'Europe/Berlin');
          await shot(p, 'crm-15-read-only-settings.png');
        } finally {
          await readOnly.close();
        }
      });

      await step('11. deleting a custom field that has values shows why and asks first', async () => {
        await page.locator('nav[aria-label="Settings"]').getByRole('button', { name: 'Custom fields', exact: true }).click();
        const row = page.locator(`li[data-key="${fieldKey}"]`);
        await row.waitFor({ state: 'visible' });
        await row.getByRole('button', { name: `Delete ${fieldName}`, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Delete ${fieldName} and its values?` });
        await dialog.waitFor({ state: 'visible' });
        assert.match((await dialog.locator('[data-problem-detail]').textContent()) ?? '', /1 contact\(s\) have a value/);
        await shot(page, 'crm-16-field-delete-confirm.png');
        await dialog.getByRole('button', { name: 'Delete field and values', exact: true }).click();
        await row.waitFor({ state: 'detached' });
        await waitForText(page, S.status, new RegExp(`Deleted the field ${fieldName} and its values`), 'the deletion is confirmed');
      });
    } finally {
      if (pageProblems.length) t.diagnostic(`browser reported:\n  ${pageProblems.join('\n  ')}`);
      await browser.close();
    }
  },
);
