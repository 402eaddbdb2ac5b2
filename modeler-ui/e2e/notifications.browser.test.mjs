// Browser test of the console's notifications bell: a workflow's "internal notification" step tells
// every user of the location about a hot lead; the admin sees the unread count, opens the bell, and
// the notification takes them to the contact, read; a read-only user marks theirs all read.
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/notifications.browser.test.mjs

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

const STAMP = `n${Date.now().toString(36)}`;
const TRIGGER = `hot-${STAMP}`;
const WORKFLOW = `notify-${STAMP}`;
const apiBase = `/api/v1/locations/${encodeURIComponent(LOCATION)}`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sb="https://switchboard.dev/schema/bpmn"
             targetNamespace="https://switchboard.dev/tests">
  <process id="${WORKFLOW}" name="Hot leads ${STAMP}" isExecutable="true">
    <startEvent id="start"><extensionElements>
      <sb:trigger event="contact.tag_added"><sb:match field="tag" value="${TRIGGER}"/></sb:trigger>
    </extensionElements></startEvent>
    <sequenceFlow id="f1" sourceRef="start" targetRef="tell"/>
    <serviceTask id="tell" name="Tell the team" sb:action="notification.send"><extensionElements>
      <sb:input name="to">everyone</sb:input>
      <sb:input name="title">{{contact.firstName}} is a hot lead (${STAMP})</sb:input>
      <sb:input name="body">Call today &amp; log it.</sb:input>
    </extensionElements></serviceTask>
    <sequenceFlow id="f2" sourceRef="tell" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

const S = {
  bell: 'button[aria-label^="Notifications"]',
  panel: 'div[role="dialog"][aria-label="Notifications"]',
  count: '[data-testid="unread-count"]',
};

/** The bell's unread count as shown (0 when no badge). */
async function shownUnread(page) {
  const badge = page.locator(S.count);
  return (await badge.count()) === 0 ? 0 : Number((await badge.textContent())?.trim());
}

test(
  'Notifications: a workflow tells the team, the bell shows it, opening it goes to the contact, read',
  { skip: missing.length > 0 && `set ${missing.join(', ')} to run`, timeout: 300_000 },
  async (t) => {
    const { page, step, shot, pageProblems, otherPage, close } = await browserSteps(t, 'notifications', SCREENSHOT_DIR);

    let contactId;
    try {
      await step('1. sign in, deploy a workflow that notifies everyone, and tag a contact', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await page.selectOption('select[aria-label="Location"]', LOCATION);
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('location') === id, LOCATION);
        const deployed = await deployWorkflow(page, LOCATION, XML);
        assert.equal(deployed.status, 201, deployed.text);
        const created = await callApi(page, 'POST', `${apiBase}/contacts`, {
          firstName: 'Hedy',
          lastName: STAMP,
          email: `hedy@${STAMP}.test`,
          tags: [TRIGGER],
        });
        assert.equal(created.status, 201, created.text);
        contactId = created.body.id;
        const deadline = Date.now() + WAIT_MS;
        let state;
        while (Date.now() < deadline) {
          const runs = await callApi(page, 'GET', `${apiBase}/workflow-runs?contactId=${contactId}&workflow=${WORKFLOW}`);
          state = runs.body?.[0]?.state;
          if (state === 'COMPLETED') break;
          await page.waitForTimeout(300);
        }
        assert.equal(state, 'COMPLETED', 'the run that notifies');
      });

      let before;
      await step('2. the bell counts the unread notification and lists it', async () => {
        await page.reload();
        await waitForOrAlert(page, S.count, 'the unread count on the bell');
        before = await shownUnread(page);
        assert.ok(before >= 1, `unread: ${before}`);
        await page.locator(S.bell).click();
        await waitForOrAlert(page, S.panel, 'the notifications');
        const item = page.locator(`${S.panel} button[data-unread="true"]`, { hasText: `Hedy is a hot lead (${STAMP})` });
        await item.waitFor({ state: 'visible' });
        assert.match((await item.textContent()) ?? '', /Call today & log it\./);
        await shot(page, 'notifications-01-bell.png');
      });

      await step('3. opening it goes to the contact and marks it read', async () => {
        await page.locator(`${S.panel} button`, { hasText: `Hedy is a hot lead (${STAMP})` }).click();
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('contact') === id, contactId);
        assert.equal(new URL(page.url()).searchParams.get('view'), 'contact');
        await page.waitForFunction(
          ({ selector, expected }) => {
            const badge = document.querySelector(selector);
            return (badge ? Number(badge.textContent.trim()) : 0) === expected;
          },
          { selector: S.count, expected: before - 1 },
        );
        const mine = await callApi(page, 'GET', `${apiBase}/notifications`);
        const read = mine.body.items.find((n) => n.title === `Hedy is a hot lead (${STAMP})`);
        assert.ok(read?.readAt, `read: ${JSON.stringify(read)}`);
        await shot(page, 'notifications-02-opened.png');
      });

      await step('4. a read-only user was told too, and marks all read', async () => {
        const readOnly = await otherPage('read-only');
        try {
          const p = readOnly.page;
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          await p.goto(`${BASE_URL}?view=contacts&location=${LOCATION}`);
          await waitForOrAlert(p, S.count, 'the read-only user’s unread count');
          await p.locator(S.bell).click();
          await waitForOrAlert(p, S.panel, 'the read-only user’s notifications');
          await p.locator(`${S.panel} button`, { hasText: `Hedy is a hot lead (${STAMP})` }).waitFor({ state: 'visible' });
          await p.locator(S.panel).getByRole('button', { name: 'Mark all read', exact: true }).click();
          await p.locator(S.count).waitFor({ state: 'detached' });
          assert.equal(await p.locator(`${S.panel} button[data-unread="true"]`).count(), 0, 'nothing unread');
          await shot(p, 'notifications-03-all-read.png');
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
