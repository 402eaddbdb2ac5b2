// Browser test of the console's Runs page: a workflow's failed runs (incidents) found, read step by step,
// skipped past and cancelled from the browser, against a running platform.
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/runs.browser.test.mjs
//
// The test deploys a workflow whose first step sets a custom field the location does not have, so every
// run of it fails after its attempts; tags three contacts through the API; finds the first failed run
// under Runs (filtered to incidents), reads why, skips the step and watches the run complete; opens the
// second contact's runs from its contact page and cancels its run; and checks that a read-only user sees
// the third run's incident without any control to act on it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSteps, callApi, crmEnvironment, deployWorkflow, signIn, WAIT_MS, waitForOrAlert } from './support.mjs';

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

const STAMP = `r${Date.now().toString(36)}`;
const TRIGGER = `incident-${STAMP}`;
const AFTER = `after-${STAMP}`;
const WORKFLOW = `runs-${STAMP}`;
const apiBase = `/api/v1/locations/${encodeURIComponent(LOCATION)}`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sb="https://switchboard.dev/schema/bpmn"
             targetNamespace="https://switchboard.dev/tests">
  <process id="${WORKFLOW}" name="Set plan ${STAMP}" isExecutable="true">
    <startEvent id="start"><extensionElements>
      <sb:trigger event="contact.tag_added"><sb:match field="tag" value="${TRIGGER}"/></sb:trigger>
    </extensionElements></startEvent>
    <sequenceFlow id="f1" sourceRef="start" targetRef="setPlan"/>
    <serviceTask id="setPlan" name="Set plan" sb:action="contact.update_field">
      <extensionElements><sb:input name="field">plan_${STAMP}</sb:input><sb:input name="value">gold</sb:input></extensionElements>
    </serviceTask>
    <sequenceFlow id="f2" sourceRef="setPlan" targetRef="tagAfter"/>
    <serviceTask id="tagAfter" name="Tag after" sb:action="contact.add_tag">
      <extensionElements><sb:input name="tag">${AFTER}</sb:input></extensionElements>
    </serviceTask>
    <sequenceFlow id="f3" sourceRef="tagAfter" targetRef="decide"/>
    <exclusiveGateway id="decide" name="Whose run" default="others"/>
    <sequenceFlow id="ours" name="One of ours" sourceRef="decide" targetRef="end">
      <conditionExpression>= contact.lastName = "${STAMP}"</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="others" name="Anyone else" sourceRef="decide" targetRef="elsewhere"/>
    <endEvent id="end" name="Done"/>
    <endEvent id="elsewhere" name="Elsewhere"/>
  </process>
</definitions>`;

const S = {
  views: 'nav[aria-label="Console"]',
  runs: 'section[aria-label="Runs"]',
  run: 'aside[aria-label="Run"]',
  incident: 'aside[aria-label="Run"] section[aria-label="Incident"]',
  state: (state) => `aside[aria-label="Run"] [data-run-state="${state}"]`,
  step: (id) => `aside[aria-label="Run"] ol[aria-label="Steps"] li[data-step="${id}"]`,
};

/** Creates a tagged contact and waits (through the API) until its run of the workflow has failed. */
async function failedRunOf(page, firstName) {
  const created = await callApi(page, 'POST', `${apiBase}/contacts`, {
    firstName,
    lastName: STAMP,
    email: `${firstName.toLowerCase()}@runs-${STAMP}.test`,
    tags: [TRIGGER],
  });
  assert.equal(created.status, 201, created.text);
  const contactId = created.body.id;
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const runs = await callApi(page, 'GET', `${apiBase}/workflow-runs?contactId=${contactId}&workflow=${WORKFLOW}`);
    const failed = (runs.body ?? []).find((run) => run.state === 'FAILED');
    if (failed) return { contactId, runId: failed.id };
    await page.waitForTimeout(500);
  }
  assert.fail(`the run of ${firstName} did not fail within ${WAIT_MS} ms`);
}

test(
  'Runs console: an incident found, read, skipped and cancelled in the browser; read-only users only look',
  { skip: missing.length > 0 && `set ${missing.join(', ')} to run`, timeout: 300_000 },
  async (t) => {
    const { page, step, shot, pageProblems, otherPage, close } = await browserSteps(t, 'runs', SCREENSHOT_DIR);

    let first;
    let second;
    let third;
    try {
      await step('1. sign in, deploy a workflow that fails at its first step, and tag three contacts', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await page.selectOption('select[aria-label="Location"]', LOCATION);
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('location') === id, LOCATION);
        const deployed = await deployWorkflow(page, LOCATION, XML);
        assert.equal(deployed.status, 201, deployed.text);
        [first, second, third] = await Promise.all(['Ada', 'Bob', 'Cy'].map((name) => failedRunOf(page, name)));
      });

      await step('2. Runs, filtered to incidents, lists the failed run; opening it says where and why', async () => {
        const nav = page.locator(S.views);
        const entries = await nav.getByRole('button').allTextContents();
        assert.equal(entries[entries.indexOf('Workflows') + 1], 'Runs', `Runs is next to Workflows: ${entries}`);
        await nav.getByRole('button', { name: 'Runs', exact: true }).click();
        await waitForOrAlert(page, S.runs, 'the runs list');
        await page.locator(S.runs).locator('select[aria-label="Workflow"]').selectOption(WORKFLOW);
        await page.locator(S.runs).locator('select[aria-label="State"]').selectOption('FAILED');
        const row = page.locator(`${S.runs} tr[data-run-id="${first.runId}"]`);
        await row.waitFor({ state: 'visible' });
        assert.equal(await page.locator(`${S.runs} tbody tr`).count(), 3, 'the three failed runs, nothing else');
        assert.match((await row.textContent()) ?? '', /Failed/);
        await row.getByRole('button', { name: `Open run ${first.runId}` }).click();
        await waitForOrAlert(page, S.incident, 'the incident of the run');
        assert.equal(new URL(page.url()).searchParams.get('run'), first.runId, 'the open run is in the address');
        const incident = (await page.locator(S.incident).textContent()) ?? '';
        assert.match(incident, /setPlan/);
        assert.match(incident, /contact\.update_field/);
        assert.match(incident, new RegExp(`plan_${STAMP}`), `the incident names the field: ${incident}`);
        const failedStep = (await page.locator(S.step('setPlan')).textContent()) ?? '';
        assert.match(failedStep, /3 attempts/);
        assert.match(failedStep, /platform/);
        await shot(page, 'runs-01-incident.png');
      });

      await step('3. skipping the failed step lets the run complete without it', async () => {
        await page.locator(S.incident).getByRole('button', { name: 'Skip this step', exact: true }).click();
        await waitForOrAlert(page, S.state('COMPLETED'), 'the run completed after the skip');
        assert.match((await page.locator(S.step('setPlan')).textContent()) ?? '', /Skipped/);
        assert.match((await page.locator(S.step('tagAfter')).textContent()) ?? '', /Completed/);
        // the run log says which way the gateway went, and on what condition
        const took = (await page.locator(`${S.step('decide')} [data-took]`).textContent()) ?? '';
        assert.match(took, /Took One of ours → Done/);
        assert.match(took, /contact\.lastName/);
        assert.equal(await page.locator(S.incident).count(), 0, 'no incident any more');
        const contact = await callApi(page, 'GET', `${apiBase}/contacts/${first.contactId}`);
        assert.ok(contact.body.tags.includes(AFTER), `the step after the skipped one ran: ${contact.body.tags}`);
        await shot(page, 'runs-02-skipped.png');
      });

      await step('4. a contact page opens its runs; cancelling the failed one asks first, then ends it', async () => {
        await page.goto(`${BASE_URL}?view=contact&location=${LOCATION}&contact=${second.contactId}`);
        await page.getByRole('link', { name: 'Workflow runs', exact: true }).click();
        await waitForOrAlert(page, S.runs, 'the contact runs');
        const rows = page.locator(`${S.runs} tbody tr`);
        await rows.first().waitFor({ state: 'visible' });
        assert.equal(await rows.count(), 1, 'only this contact’s run');
        await page.locator(`${S.runs} tr[data-run-id="${second.runId}"]`).getByRole('button').click();
        await waitForOrAlert(page, S.incident, 'the second incident');
        await page.locator(S.run).getByRole('button', { name: 'Cancel run', exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'runs-03-cancel-confirm.png');
        await dialog.getByRole('button', { name: 'Cancel run', exact: true }).click();
        await waitForOrAlert(page, S.state('CANCELLED'), 'the run cancelled');
        assert.equal(await page.locator(`${S.run} button`, { hasText: 'Cancel run' }).count(), 0, 'an ended run cannot be cancelled again');
        await shot(page, 'runs-04-cancelled.png');
      });

      await step('5. a read-only user sees the third incident but nothing to act with', async () => {
        const readOnly = await otherPage('read-only');
        try {
          const p = readOnly.page;
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          await p.goto(`${BASE_URL}?view=runs&location=${LOCATION}&run=${third.runId}`);
          await waitForOrAlert(p, S.incident, 'the incident, read-only');
          assert.match((await p.locator(S.incident).textContent()) ?? '', /A location admin can retry, skip or cancel it/);
          assert.equal(await p.locator(S.run).getByRole('button', { name: 'Retry' }).count(), 0, 'no Retry');
          assert.equal(await p.locator(S.run).getByRole('button', { name: 'Skip this step' }).count(), 0, 'no Skip');
          assert.equal(await p.locator(S.run).getByRole('button', { name: 'Cancel run' }).count(), 0, 'no Cancel');
          await shot(p, 'runs-05-read-only.png');
        } finally {
          await readOnly.close();
        }
      });
      assert.deepEqual(pageProblems, []);
    } finally {
      await close();
    }
  },
);
