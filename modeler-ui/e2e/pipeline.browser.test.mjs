// Browser test of the console's activity, pipeline and settings views against a running platform.
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/pipeline.browser.test.mjs
//
// The first user may change the location's contacts and settings; the read-only user has the
// READ_ONLY role in it. Optional: CHROMIUM_PATH (default /usr/bin/chromium). Without the required
// variables the test is skipped. What it creates carries the run's stamp, so it can run again on the
// same location; it leaves a contact with a note, a completed task and 23 opportunities, a custom
// value, a pipeline with one stage left and a company behind.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { callApi, cssString, expectFieldError, launchChromium, signIn, WAIT_MS, waitForOrAlert, waitForText, crmEnvironment } from './support.mjs';

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

/** Names of this run: letters and digits. */
const STAMP = `r${Date.now().toString(36)}`;

const S = {
  views: 'nav[aria-label="Console"]',
  settings: 'nav[aria-label="Settings"]',
  locationSelect: 'select[aria-label="Location"]',
  contactName: 'h2[data-contact-name]',
  timeline: 'ol[aria-label="Timeline entries"]',
  notes: 'section[aria-labelledby="notes-title"]',
  tasks: 'section[aria-labelledby="tasks-title"]',
  opportunities: 'section[aria-labelledby="opportunities-title"]',
  newTask: 'form[data-form="new-task"]',
  newOpportunity: 'form[data-form="new-opportunity"]',
  status: '[role="status"]',
  board: 'div[role="group"][aria-label$=" board"]',
  pipelineSelect: 'select[aria-label="Pipeline"]',
};

const apiBase = `/api/v1/locations/${encodeURIComponent(LOCATION)}`;
const column = (stage) => `${S.board} section[data-stage-name="${cssString(stage)}"]`;
const card = (id) => `li[data-opportunity-id="${cssString(id)}"]`;

async function openView(page, label) {
  await page.locator(S.views).getByRole('button', { name: label, exact: true }).click();
}

async function openSettings(page, label) {
  await openView(page, 'Settings');
  await page.locator(S.settings).getByRole('button', { name: label, exact: true }).click();
}

/** Calls the API and expects `status`; answers the body. */
async function api(page, method, path, body, status) {
  const r = await callApi(page, method, path, body);
  assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
  return r.body;
}

/** Waits until a column's header shows `count` cards and these sums (`USD:1500`, sorted by currency). */
async function expectColumn(page, stage, count, totals) {
  const header = `${column(stage)} header`;
  await page
    .waitForFunction(
      ({ header, count, totals }) => {
        const el = document.querySelector(header);
        return (
          el?.querySelector('[data-count]')?.getAttribute('data-count') === String(count) &&
          el?.querySelector('[data-totals]')?.getAttribute('data-totals') === totals
        );
      },
      { header, count, totals },
      { timeout: WAIT_MS },
    )
    .catch(async () => {
      const shown = await page.locator(header).textContent();
      const attrs = await page
        .locator(`${header} [data-totals]`)
        .getAttribute('data-totals')
        .catch(() => null);
      assert.fail(`column ${stage} should show ${count} and ${totals || 'no sums'}; it shows ${shown} (${attrs})`);
    });
}

async function columnNames(page) {
  return page.locator(`${S.board} section[data-stage-name]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-stage-name')));
}

test(
  'CRM console: notes, tasks, custom values, pipelines and the board; a read-only user cannot drag',
  { skip: missing.length > 0 && `set ${missing.join(', ')} to run`, timeout: 420_000 },
  async (t) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
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
          await shot(page, `pipe-failed-${name.split('.')[0]}.png`).catch(() => undefined);
          throw e;
        }
      });

    const contactName = `Lin Pipeline ${STAMP}`;
    const note = `Called ${STAMP}: wants a quote for 40 seats`;
    const taskTitle = `Send the quote ${STAMP}`;
    const valueName = `Booking link ${STAMP}`;
    const valueKey = `booking_link_${STAMP}`;
    const pipelineName = `Sales ${STAMP}`;
    const deal = `Deal ${STAMP}`;
    const sideDeal = `Side deal ${STAMP}`;
    const companyName = `Engines ${STAMP}`;
    let contactId;
    let contactUrl;
    let pipeline;
    let dealId;
    let sideDealId;

    try {
      await step('1. sign in, switch to the location, open a contact', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await page.selectOption(S.locationSelect, LOCATION);
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('location') === id, LOCATION);
        const contact = await api(page, 'POST', `${apiBase}/contacts`, {
          firstName: 'Lin',
          lastName: `Pipeline ${STAMP}`,
          email: `lin-${STAMP}@example.test`,
        }, 201);
        contactId = contact.id;
        const url = new URL(page.url());
        url.searchParams.set('view', 'contact');
        url.searchParams.set('contact', contactId);
        contactUrl = url.toString();
        await page.goto(contactUrl, { waitUntil: 'domcontentloaded' });
        await waitForOrAlert(page, S.contactName, 'the contact page');
        assert.equal((await page.textContent(S.contactName))?.trim(), contactName);
      });

      await step('2. add a note and a task on the contact page; both show in the timeline', async () => {
        const notes = page.locator(S.notes);
        await notes.locator('textarea[name="body"]').fill(note);
        await notes.getByRole('button', { name: 'Add note', exact: true }).click();
        await waitForText(page, `${S.notes} [data-note-body]`, new RegExp(note), 'the note is listed');
        await waitForText(page, `${S.notes} [data-note-meta]`, /by you/, 'the note says who wrote it');
        await waitForText(page, `${S.timeline} li[data-kind="note"]`, new RegExp(`Note: ${note}`), 'the timeline shows the note');

        // a second note, corrected in place, then deleted after confirming
        const scratch = `Scratch ${STAMP}`;
        await notes.locator('textarea[name="body"]').fill(scratch);
        await notes.getByRole('button', { name: 'Add note', exact: true }).click();
        const scratchNote = notes.locator('li[data-note-id]').filter({ hasText: scratch });
        await scratchNote.getByRole('button', { name: 'Edit note', exact: true }).click();
        await scratchNote.locator('textarea[name="body"]').fill(`${scratch} (corrected)`);
        await scratchNote.getByRole('button', { name: 'Save note', exact: true }).click();
        await waitForText(page, `${S.notes} [data-note-body]`, /\(corrected\)$/, 'the corrected note');
        await waitForText(page, `${S.timeline} li[data-kind="note"] [data-entry-text]`, /\(corrected\)$/, 'the timeline shows the correction');
        await scratchNote.getByRole('button', { name: 'Delete note', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Delete this note?' });
        await dialog.getByRole('button', { name: 'Delete note', exact: true }).click();
        await scratchNote.waitFor({ state: 'detached' });
        await page
          .locator(`${S.timeline} li[data-kind="note"]`)
          .filter({ hasText: scratch })
          .waitFor({ state: 'detached' });
        assert.equal(await notes.locator('li[data-note-id]').count(), 1, 'one note is left');

        const tasks = page.locator(S.tasks);
        await tasks.getByRole('button', { name: 'New task', exact: true }).click();
        const form = page.locator(S.newTask);
        await form.getByRole('button', { name: 'Add task', exact: true }).click();
        await expectFieldError(page, `${S.newTask} input[name="title"]`, '/title');
        await form.locator('input[name="title"]').fill(taskTitle);
        await form.locator('textarea[name="body"]').fill('40 seats, annual billing');
        await form.locator('input[name="dueDate"]').fill('2030-01-15T09:30');
        assert.match(await form.locator('select[name="assignedTo"] option:checked').textContent(), /^Me /, 'assigned to me by default');
        await form.getByRole('button', { name: 'Add task', exact: true }).click();
        await form.waitFor({ state: 'detached' });
        await waitForText(page, `${S.tasks} [data-task-title]`, new RegExp(taskTitle), 'the task is listed');
        await waitForText(page, `${S.tasks} li[data-task-id]`, /Due .*for you/, 'the task says when and for whom');
        await waitForText(page, `${S.timeline} li[data-kind="task"]`, new RegExp(`Task ${taskTitle} \\(open\\)`), 'the timeline shows the task');
        await shot(page, 'pipe-01-note-and-task.png');
      });

      await step('3. complete the task from My tasks', async () => {
        await openView(page, 'My tasks');
        assert.equal(new URL(page.url()).searchParams.get('view'), 'tasks');
        const row = page.locator('ul[aria-label="My open tasks"] li').filter({ hasText: taskTitle });
        await row.waitFor({ state: 'visible' });
        assert.equal(await row.getByRole('link', { name: 'Open contact' }).getAttribute('href').then((h) => new URL(h, BASE_URL).searchParams.get('contact')), contactId);
        await row.getByRole('checkbox', { name: `Complete ${taskTitle}` }).click(); // the row leaves the list at once
        await waitForText(page, S.status, new RegExp(`Completed ${taskTitle}`), 'the completion is confirmed');
        await row.waitFor({ state: 'detached' });
        const list = await api(page, 'GET', `${apiBase}/contacts/${contactId}/tasks`, undefined, 200);
        assert.equal(list.items.find((x) => x.title === taskTitle)?.completed, true, 'the server has it completed');
        await shot(page, 'pipe-02-task-completed.png');
      });

      await step('4. Settings → Custom values: create one and see its merge field', async () => {
        await openSettings(page, 'Custom values');
        assert.equal(new URL(page.url()).searchParams.get('view'), 'custom-values');
        const form = page.locator('form[data-form="new-value"]');
        await form.locator('input[name="name"]').fill(valueName);
        assert.equal(await form.locator('input[name="key"]').inputValue(), valueKey, 'the key follows the name');
        await form.locator('textarea[name="value"]').fill('https://book.example/lin');
        await form.getByRole('button', { name: 'Create value', exact: true }).click();
        const row = page.locator(`ul[aria-label="Custom values"] li[data-key="${valueKey}"]`);
        await row.waitFor({ state: 'visible' });
        assert.equal((await row.locator('[data-merge-field]').textContent())?.trim(), `{{custom_values.${valueKey}}}`);
        await shot(page, 'pipe-03-custom-value.png');
      });

      await step('5. Settings → Pipelines: create a pipeline with three stages, then reorder two', async () => {
        await openSettings(page, 'Pipelines');
        assert.equal(new URL(page.url()).searchParams.get('view'), 'pipelines');
        const form = page.locator('form[data-form="new-pipeline"]');
        await form.locator('input[name="name"]').fill(pipelineName);
        await form.locator('input[aria-label="Stage 1"]').fill('Lead');
        await form.getByRole('button', { name: 'Add another stage', exact: true }).click();
        await form.locator('input[aria-label="Stage 2"]').fill('Qualified');
        await form.getByRole('button', { name: 'Add another stage', exact: true }).click();
        await form.locator('input[aria-label="Stage 3"]').fill('Won');
        await form.getByRole('button', { name: 'Create pipeline', exact: true }).click();
        const editor = page.locator(`section[aria-label="Pipeline ${pipelineName}"]`);
        await editor.waitFor({ state: 'visible' });
        const stages = editor.locator('li[data-stage-name]');
        const names = () => stages.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage-name')));
        assert.deepEqual(await names(), ['Lead', 'Qualified', 'Won']);

        await editor.getByRole('button', { name: 'Move Qualified down', exact: true }).click();
        await page.waitForFunction(
          (sel) => [...document.querySelectorAll(sel)].map((e) => e.getAttribute('data-stage-name')).join() === 'Lead,Won,Qualified',
          `section[aria-label="Pipeline ${cssString(pipelineName)}"] li[data-stage-name]`,
        );
        pipeline = (await api(page, 'GET', `${apiBase}/pipelines`, undefined, 200)).find((p) => p.name === pipelineName);
        assert.deepEqual(pipeline.stages.map((s) => s.name), ['Lead', 'Won', 'Qualified'], 'the server has the new order');
        await shot(page, 'pipe-04-pipeline.png');
      });

      const stageId = (name) => pipeline.stages.find((s) => s.name === name).id;

      await step('6. create an opportunity for the contact, change its value in place; the timeline follows', async () => {
        await page.goto(contactUrl, { waitUntil: 'domcontentloaded' });
        const panel = page.locator(S.opportunities);
        await panel.getByRole('button', { name: 'New opportunity', exact: true }).click();
        const form = page.locator(S.newOpportunity);
        await form.locator('input[name="name"]').fill(deal);
        await form.locator('select[name="pipelineId"]').selectOption({ label: pipelineName });
        await form.locator('select[name="pipelineStageId"]').selectOption({ label: 'Lead' });
        await form.locator('input[name="monetaryValue"]').fill('1200');
        await form.getByRole('button', { name: 'Create opportunity', exact: true }).click();
        const item = panel.locator('li[data-opportunity-id]').filter({ hasText: deal });
        await item.waitFor({ state: 'visible' });
        dealId = await item.getAttribute('data-opportunity-id');
        assert.equal(await item.locator(`select[aria-label="Stage of ${deal}"] option:checked`).textContent(), 'Lead');
        await waitForText(page, `${S.timeline} li[data-kind="opportunity"]`, new RegExp(`Opportunity ${deal} \\(open\\)`), 'the timeline shows it');

        await item.getByRole('button', { name: 'Edit Value', exact: true }).click();
        await item.locator('[data-field="monetaryValue"] input').first().fill('1500');
        await item.getByRole('button', { name: 'Save', exact: true }).click();
        await waitForText(page, `${S.opportunities} li[data-opportunity-id="${dealId}"] [data-field="monetaryValue"] [data-value]`, /1,500\.00/, 'the new value shows');
        await waitForText(page, `${S.timeline} li[data-changed-field="monetaryValue"]`, /Opportunity · Value: 1200 → 1500/, 'the timeline shows the change');
        await shot(page, 'pipe-05-opportunity.png');
      });

      await step('7. on the board, drag the opportunity to another stage: both columns change', async () => {
        sideDealId = (
          await api(page, 'POST', `${apiBase}/opportunities`, {
            name: sideDeal,
            contactId,
            pipelineId: pipeline.id,
            pipelineStageId: stageId('Lead'),
            monetaryValue: 300,
            currency: 'EUR',
          }, 201)
        ).id;
        await openView(page, 'Pipeline');
        await page.locator(S.pipelineSelect).selectOption({ label: pipelineName });
        await page.locator(`div[role="group"][aria-label="${cssString(pipelineName)} board"]`).waitFor({ state: 'visible' });
        assert.deepEqual(await columnNames(page), ['Lead', 'Won', 'Qualified'], 'columns in board order');
        await expectColumn(page, 'Lead', 2, 'EUR:300,USD:1500');
        await expectColumn(page, 'Won', 0, '');
        await page.locator(`${column('Lead')} ${card(dealId)}`).waitFor({ state: 'visible' });

        await page.locator(card(dealId)).dragTo(page.locator(column('Won')));
        await page.locator(`${column('Won')} ${card(dealId)}`).waitFor({ state: 'visible' });
        await expectColumn(page, 'Lead', 1, 'EUR:300');
        await expectColumn(page, 'Won', 1, 'USD:1500');
        await waitForText(page, S.status, new RegExp(`Moved ${deal} to Won`), 'the move is confirmed');

        // the keyboard moves a focused card too, and the focus follows it
        await page.locator(card(dealId)).focus();
        await page.keyboard.press('ArrowRight');
        await page.locator(`${column('Qualified')} ${card(dealId)}`).waitFor({ state: 'visible' });
        await expectColumn(page, 'Qualified', 1, 'USD:1500');
        await waitForText(page, S.status, new RegExp(`Moved ${deal} to Qualified`), 'the keyboard move is confirmed');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-opportunity-id')), dealId, 'focus follows');
        await page.keyboard.press('ArrowLeft');
        await page.locator(`${column('Won')} ${card(dealId)}`).waitFor({ state: 'visible' });
        await waitForText(page, S.status, new RegExp(`Moved ${deal} to Won`), 'moved back');
        await expectColumn(page, 'Qualified', 0, '');
        await expectColumn(page, 'Won', 1, 'USD:1500');
        const moved = await api(page, 'GET', `${apiBase}/opportunities/${dealId}`, undefined, 200);
        assert.equal(moved.pipelineStageId, stageId('Won'), 'the server has it in Won');
        await shot(page, 'pipe-06-board-moved.png');
      });

      await step('8. a move the server refuses is rolled back, with its reason', async () => {
        // someone else deletes the (empty) stage Qualified while the board still shows it
        await api(page, 'DELETE', `${apiBase}/pipelines/${pipeline.id}/stages/${stageId('Qualified')}`, undefined, 204);
        await page.locator(card(sideDealId)).dragTo(page.locator(column('Qualified')));
        await waitForText(page, '[data-move-error]', new RegExp(`Could not move ${sideDeal} to Qualified: .*pipelineStageId`), 'the refusal');
        await page.locator(`${column('Lead')} ${card(sideDealId)}`).waitFor({ state: 'visible' });
        assert.equal(await page.locator(`${column('Qualified')} ${card(sideDealId)}`).count(), 0, 'not left in Qualified');
        await expectColumn(page, 'Lead', 1, 'EUR:300');
        await shot(page, 'pipe-07-move-refused.png');
        pipeline = await api(page, 'GET', `${apiBase}/pipelines/${pipeline.id}`, undefined, 200);
      });

      await step('9. a read-only user sees the board and the panels, and cannot drag or change anything', async () => {
        const readOnly = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
        try {
          const p = await readOnly.newPage();
          p.setDefaultTimeout(WAIT_MS);
          p.on('pageerror', (e) => pageProblems.push(`read-only pageerror: ${e.message}`));
          const writes = [];
          p.on('request', (r) => r.method() !== 'GET' && r.url().includes('/opportunities') && writes.push(`${r.method()} ${r.url()}`));
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          assert.equal(await p.inputValue(S.locationSelect), LOCATION);
          await openView(p, 'Pipeline');
          await p.locator(S.pipelineSelect).selectOption({ label: pipelineName });
          await p.locator(`${column('Won')} ${card(dealId)}`).waitFor({ state: 'visible' });
          await p.locator('[data-read-only]').waitFor({ state: 'visible' });
          assert.equal(await p.locator(card(dealId)).getAttribute('draggable'), 'false', 'cards cannot be dragged');
          assert.equal(await p.getByRole('button', { name: 'New opportunity' }).count(), 0, 'no New opportunity');
          await p.locator(card(dealId)).dragTo(p.locator(column('Lead')));
          await p.waitForLoadState('networkidle');
          assert.equal(await p.locator(`${column('Won')} ${card(dealId)}`).count(), 1, 'the card stays where it is');
          await expectColumn(p, 'Won', 1, 'USD:1500');
          assert.deepEqual(writes, [], 'nothing was sent');
          await p.evaluate(() => getSelection()?.removeAllRanges()); // the drag selected text instead
          await shot(p, 'pipe-08-read-only-board.png');

          await p.goto(contactUrl, { waitUntil: 'domcontentloaded' });
          await p.locator(`${S.notes} [data-note-body]`).first().waitFor({ state: 'visible' });
          await p.locator(`${S.opportunities} li[data-opportunity-id]`).first().waitFor({ state: 'visible' });
          for (const name of ['Add note', 'New task', 'New opportunity', 'Edit note', 'Delete note']) {
            assert.equal(await p.getByRole('button', { name, exact: true }).count(), 0, `no ${name}`);
          }
          assert.equal(await p.locator(`${S.tasks} input[type="checkbox"]`).count(), 0, 'tasks cannot be completed');
          assert.equal(await p.locator(`${S.opportunities} select`).count(), 0, 'no stage or status select');
          assert.equal(await p.locator('button[aria-label^="Edit "]').count(), 0, 'nothing can be edited');
          await shot(p, 'pipe-09-read-only-contact.png');
        } finally {
          await readOnly.close();
        }
      });

      await step('10. delete a stage that holds an opportunity, choosing where it goes; a pipeline with opportunities stays', async () => {
        await openSettings(page, 'Pipelines');
        const editor = page.locator(`section[aria-label="Pipeline ${pipelineName}"]`);
        await editor.locator('li[data-stage-name="Won"] [data-stage-count="1"]').waitFor({ state: 'visible' });
        await editor.getByRole('button', { name: 'Delete stage Won', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Delete stage Won?' });
        await dialog.waitFor({ state: 'visible' });
        await dialog.getByLabel('Move its opportunities to').selectOption({ label: 'Lead' });
        await shot(page, 'pipe-10-delete-stage.png');
        await dialog.getByRole('button', { name: 'Delete stage', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await editor.locator('li[data-stage-name="Won"]').waitFor({ state: 'detached' });
        const moved = await api(page, 'GET', `${apiBase}/opportunities/${dealId}`, undefined, 200);
        assert.equal(moved.pipelineStageId, stageId('Lead'), 'the opportunity moved to Lead');
        await editor.locator('li[data-stage-name="Lead"] [data-stage-count="2"]').waitFor({ state: 'visible' });

        await editor.getByRole('button', { name: `Delete pipeline ${pipelineName}`, exact: true }).click();
        const refused = page.getByRole('dialog', { name: `Delete pipeline ${pipelineName}?` });
        await refused.getByRole('button', { name: 'Delete pipeline', exact: true }).click();
        await waitForText(page, 'dialog[open] [role="alert"]', /2 opportunit/, 'the server’s 409 detail');
        await shot(page, 'pipe-11-pipeline-delete-refused.png');
        await refused.getByRole('button', { name: 'Cancel', exact: true }).click();
        await refused.waitFor({ state: 'detached' });
      });

      await step('11. companies: create one, edit it in place, link the contact', async () => {
        await openView(page, 'Companies');
        await page.getByRole('button', { name: 'New company', exact: true }).click();
        const form = page.locator('form[aria-labelledby="new-company-title"]');
        await form.locator('input[name="name"]').fill(companyName);
        await form.getByRole('button', { name: 'Create company', exact: true }).click();
        await waitForOrAlert(page, 'h2[data-company-name]', 'the company page');
        assert.equal((await page.textContent('h2[data-company-name]'))?.trim(), companyName);
        const companyId = await page.locator('article[data-company-id]').getAttribute('data-company-id');
        assert.equal(new URL(page.url()).searchParams.get('company'), companyId, 'the address names the company');

        await page.getByRole('button', { name: 'Edit Domain', exact: true }).click();
        await page.locator('[data-field="domain"] input').fill('Engines.EXAMPLE');
        await page.locator('[data-field="domain"]').getByRole('button', { name: 'Save', exact: true }).click();
        await waitForText(page, '[data-field="domain"] [data-value]', /^engines\.example$/, 'the server’s normalised domain');

        await page.getByRole('button', { name: 'Link a contact', exact: true }).click();
        await page.fill('input[aria-label="Find a contact to link"]', `pipeline ${STAMP}`);
        await page.getByRole('button', { name: `Choose ${contactName}`, exact: true }).click();
        await page.getByRole('button', { name: `Link to ${companyName}`, exact: true }).click();
        await page.locator(`ul[aria-label="Contacts of ${companyName}"] li[data-contact-id="${contactId}"]`).waitFor({ state: 'visible' });
        await page.locator(`ul[aria-label="Companies"] li[data-company-id="${companyId}"] [data-contact-count="1"]`).waitFor({ state: 'visible' });
        await shot(page, 'pipe-12-company.png');
      });

      await step('12. the board: create an opportunity there, and Load more in a long column', async () => {
        for (let i = 0; i < 20; i++) {
          await api(page, 'POST', `${apiBase}/opportunities`, {
            name: `Bulk ${i} ${STAMP}`,
            contactId,
            pipelineId: pipeline.id,
            monetaryValue: 10,
          }, 201);
        }
        await openView(page, 'Pipeline');
        await page.locator(S.pipelineSelect).selectOption({ label: pipelineName });
        await expectColumn(page, 'Lead', 22, 'EUR:300,USD:1700');
        assert.equal(await page.locator(`${column('Lead')} li[data-opportunity-id]`).count(), 20, 'the first 20 cards');

        await page.getByRole('button', { name: 'New opportunity', exact: true }).click();
        const form = page.locator(S.newOpportunity);
        await form.locator('input[name="name"]').fill(`Board deal ${STAMP}`);
        await form.locator('input[aria-label="Find a contact"]').fill(`pipeline ${STAMP}`);
        await form.getByRole('button', { name: `Choose ${contactName}`, exact: true }).click();
        await form.locator('input[name="monetaryValue"]').fill('50');
        await form.getByRole('button', { name: 'Create opportunity', exact: true }).click();
        await waitForText(page, S.status, new RegExp(`Created Board deal ${STAMP}`), 'the new opportunity is confirmed');
        await waitForText(page, `${column('Lead')} li[data-opportunity-id] [data-card-name]`, new RegExp(`^Board deal ${STAMP}$`), 'its card');
        await expectColumn(page, 'Lead', 23, 'EUR:300,USD:1750');

        await page.getByRole('button', { name: 'Load more in Lead', exact: true }).click();
        await page.waitForFunction(
          (sel) => document.querySelectorAll(sel).length === 23,
          `${column('Lead')} li[data-opportunity-id]`,
        );
        assert.equal(await page.getByRole('button', { name: 'Load more in Lead' }).count(), 0, 'every card is shown');
        await shot(page, 'pipe-13-board-load-more.png');
      });
    } finally {
      if (pageProblems.length) t.diagnostic(`browser reported:\n  ${pageProblems.join('\n  ')}`);
      await browser.close();
    }
  },
);
