// Browser test of the console's Plugins page against a running platform on which the email plugin is
// not installed (its Java test starts a platform of its own: plugin versions are platform-wide).
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SWITCHBOARD_EMAIL_PLUGIN_V1=plugins/email/target/switchboard-plugin-email-<version>.jar \
//   SWITCHBOARD_EMAIL_PLUGIN_V2=plugins/email/target/switchboard-plugin-email-<version>-v2.jar \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/plugins.browser.test.mjs
//
// The first user is the platform's operator (`platform.plugins`) and may change the location's
// settings; the read-only user has the READ_ONLY role in the location. Optional: CHROMIUM_PATH
// (default /usr/bin/chromium). Without the required variables the test is skipped. It installs the
// email plugin (1.0.0 and 2.0.0), rolls it back, saves its settings in the location, turns it off
// there and on again, deploys a workflow that sends email (welcome-by-email, next to this file) in the
// location, is refused turning the plugin off and uninstalling it for that workflow, and removes it
// anyway: the settings and the workflow stay behind.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  callApi,
  crmEnvironment,
  cssString,
  deployWorkflow,
  expectFieldError,
  launchChromium,
  signIn,
  WAIT_MS,
  waitForOrAlert,
  waitForText,
} from './support.mjs';

const environment = crmEnvironment(import.meta.url);
const JAR_V1 = process.env.SWITCHBOARD_EMAIL_PLUGIN_V1 ?? '';
const JAR_V2 = process.env.SWITCHBOARD_EMAIL_PLUGIN_V2 ?? '';
const missing = [
  ...environment.missing,
  ...(JAR_V1 ? [] : ['SWITCHBOARD_EMAIL_PLUGIN_V1']),
  ...(JAR_V2 ? [] : ['SWITCHBOARD_EMAIL_PLUGIN_V2']),
];
const {
  baseUrl: BASE_URL,
  email: EMAIL,
  password: PASSWORD,
  location: LOCATION,
  readOnlyEmail: READONLY_EMAIL,
  readOnlyPassword: READONLY_PASSWORD,
  screenshotDir: SCREENSHOT_DIR,
} = environment;

const PLUGIN = 'dev.switchboard.plugins.email';
/** The form's fields in the settings record's order, and the input each gets. */
const FIELDS = [
  ['host', 'text', true],
  ['port', 'number', true],
  ['from', 'email', true],
  ['username', 'text', false],
  ['password', 'password', false],
  ['startTls', 'checkbox', false],
];
const SECRET = `smtp-s3cret-${Date.now().toString(36)}`;
/** A workflow that calls `email.send` (its key is its process id). */
const WORKFLOW_XML = await readFile(new URL('./plugins.welcome-email.bpmn20.xml', import.meta.url), 'utf8');
const WORKFLOW = 'welcome-by-email';

/** `text` as a regular expression that matches it literally. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const S = {
  views: 'nav[aria-label="Console"]',
  locationSelect: 'select[aria-label="Location"]',
  plugins: 'table[aria-label="Plugins"]',
  upload: 'form[aria-label="Upload a plugin"]',
  row: `table[aria-label="Plugins"] tr[data-plugin-id="${cssString(PLUGIN)}"]`,
  status: '[role="status"]',
  settingsForm: 'form[data-form="plugin-settings"]',
};
S.enabledCell = `${S.row} td[data-enabled]`;

const input = (name) => `${S.settingsForm} [data-field="${cssString(name)}"] [name="${cssString(name)}"]`;

async function openPlugins(page) {
  await page.locator(S.views).getByRole('button', { name: 'Plugins', exact: true }).click();
  await waitForOrAlert(page, `${S.plugins}[aria-busy="false"]`, 'the plugins list');
}

/** The location's plugins as the API has them: the email plugin's `enabled`. */
async function enabledInApi(page) {
  const api = await callApi(page, 'GET', `/api/v1/locations/${LOCATION}/plugins`);
  assert.equal(api.status, 200, api.text);
  return api.body.find((p) => p.id === PLUGIN)?.enabled;
}

async function upload(page, jar) {
  await page.locator(`${S.upload} input[type="file"]`).setInputFiles(jar);
  await page.locator(S.upload).getByRole('button', { name: 'Upload', exact: true }).click();
}

/** Waits until the row shows `version`, ACTIVE, as an OSGi bundle. */
async function expectActive(page, version) {
  await waitForText(page, `${S.row} [data-column="version"]`, new RegExp(`^${escape(version)}$`), 'the version');
  await page.locator(`${S.row} [data-state="ACTIVE"]`).waitFor({ state: 'visible' });
  await page.locator(`${S.row} [data-packaging="OSGI"]`).waitFor({ state: 'visible' });
}

test(
  'Plugins page: install, upgrade, roll back, turn off and on in the location and uninstall the email plugin (refused, then forced); its settings form from its schema',
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
          await shot(page, `plugins-failed-${name.split('.')[0]}.png`).catch(() => undefined);
          throw e;
        }
      });

    let name;
    let locationName;
    let settingsUrl;
    /** The switch that turns the email plugin on and off in the location. */
    const emailSwitch = () => page.locator(S.row).getByRole('switch', { name: `${name} in ${locationName}`, exact: true });
    const expectSwitch = async (on) => {
      await page.waitForFunction(
        ({ selector, on }) => document.querySelector(selector)?.getAttribute('aria-checked') === String(on),
        { selector: `${S.row} [role="switch"]`, on },
      );
      assert.equal(await emailSwitch().textContent(), on ? 'On' : 'Off');
    };

    try {
      await step('1. sign in, switch to the location and open Plugins: the email plugin is not installed', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await page.selectOption(S.locationSelect, LOCATION);
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('location') === id, LOCATION);
        const me = await callApi(page, 'GET', '/api/v1/me');
        locationName = me.body.locations.find((l) => l.id === LOCATION)?.name;
        assert.ok(locationName, `the location ${LOCATION} among the user's`);
        await openPlugins(page);
        assert.equal(new URL(page.url()).searchParams.get('view'), 'plugins');
        assert.equal(await page.locator(S.row).count(), 0, 'the platform starts without the email plugin');
      });

      await step('2. upload 1.0.0: listed ACTIVE as an OSGi bundle with its action and settings', async () => {
        await upload(page, JAR_V1);
        await expectActive(page, '1.0.0');
        name = (await page.locator(`${S.row} [data-column="name"]`).textContent())?.trim();
        const api = await callApi(page, 'GET', `/api/v1/plugins/${PLUGIN}`);
        assert.equal(api.status, 200, api.text);
        assert.equal(name, api.body.name, 'the row names the plugin');
        await waitForText(page, S.status, new RegExp(`Installed ${escape(name)} 1\\.0\\.0\\.`), 'the install is confirmed');
        const action = api.body.extensions.find((x) => x.point === 'WorkflowAction');
        await waitForText(page, `${S.row} [data-action="email.send"]`, new RegExp(escape(action.descriptor.name)), 'the action by its name');
        await page.locator(`${S.row} [data-settings]`).waitFor({ state: 'visible' });
        await waitForText(page, `${S.plugins} th[data-column="location"]`, new RegExp(`^In ${escape(locationName)}$`), 'the column of the location');
        await expectSwitch(true);
        assert.equal(await enabledInApi(page), true, 'an installed plugin serves every location');
        await shot(page, 'plugins-01-installed.png');
      });

      await step('3. upload 2.0.0: upgraded; uploading 1.0.0 again is refused with the reason', async () => {
        await upload(page, JAR_V2);
        await expectActive(page, '2.0.0');
        await waitForText(page, S.status, new RegExp(`Upgraded ${escape(name)} from 1\\.0\\.0 to 2\\.0\\.0\\.`), 'the upgrade is confirmed');
        await waitForText(page, `${S.row} [data-column="previous-version"]`, /1\.0\.0/, 'the version before');
        await shot(page, 'plugins-02-upgraded.png');

        await upload(page, JAR_V1);
        await waitForText(page, `${S.upload} [role="alert"]`, /older than the running 2\.0\.0/, 'the server says why');
        await expectActive(page, '2.0.0');
        await shot(page, 'plugins-03-older-refused.png');
      });

      await step('4. roll back to 1.0.0 after confirming', async () => {
        await page.locator(S.row).getByRole('button', { name: 'Roll back to 1.0.0', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Roll ${name} back to 1.0.0?` });
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'plugins-04-rollback-confirm.png');
        await dialog.getByRole('button', { name: 'Roll back to 1.0.0', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await waitForText(page, S.status, new RegExp(`Rolled ${escape(name)} back to 1\\.0\\.0\\.`), 'the rollback is confirmed');
        await expectActive(page, '1.0.0');
        const api = await callApi(page, 'GET', `/api/v1/plugins/${PLUGIN}`);
        assert.equal(api.body.version, '1.0.0', 'the API has 1.0.0 running');
      });

      await step('5. the settings form is generated from the schema: fields in order, input types, required marks', async () => {
        await page.locator(S.row).getByRole('link', { name: new RegExp(`^Settings of ${escape(name)}`) }).click();
        await waitForOrAlert(page, S.settingsForm, 'the settings form');
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('view'), 'plugin-settings');
        assert.equal(url.searchParams.get('plugin'), PLUGIN);
        assert.equal(url.searchParams.get('location'), LOCATION);
        settingsUrl = page.url();

        const shown = await page.locator(`${S.settingsForm} [data-field]`).evaluateAll((nodes) => nodes.map((n) => n.dataset.field));
        assert.deepEqual(shown, FIELDS.map(([field]) => field), 'the fields in the settings record order');
        for (const [field, type, required] of FIELDS) {
          const el = page.locator(input(field));
          assert.equal(await el.getAttribute('type'), type, `${field} is a ${type} input`);
          assert.equal(await el.getAttribute('aria-required'), required ? 'true' : null, `${field} required: ${required}`);
        }
        assert.equal(await page.locator(input('port')).getAttribute('max'), '65535', 'the schema maximum');
        await waitForText(page, `${S.settingsForm} [data-field="host"] label`, /SMTP host\s*\*/, 'a title and a required mark');
        await waitForText(page, `${S.settingsForm} [data-secret-state]`, /^not set$/, 'no password yet');
        await shot(page, 'plugins-05-settings-form.png');
      });

      await step('6. an invalid port is refused next to the port field', async () => {
        await page.fill(input('host'), 'smtp.agency.test');
        await page.fill(input('port'), '70000');
        await page.fill(input('from'), 'hello@agency.test');
        await page.locator(S.settingsForm).getByRole('button', { name: 'Save settings', exact: true }).click();
        const text = await expectFieldError(page, input('port'), '/port');
        assert.match(text, /65535/, 'the message names the limit');
        assert.equal(await page.locator(input('host')).getAttribute('aria-invalid'), null, 'the host is fine');
        await shot(page, 'plugins-06-port-refused.png');
      });

      await step('7. valid values with a password are saved: the password shows as set, never its value', async () => {
        await page.fill(input('port'), '2525');
        await page.fill(input('password'), SECRET);
        await page.check(input('startTls'));
        await page.locator(S.settingsForm).getByRole('button', { name: 'Save settings', exact: true }).click();
        await waitForText(page, `${S.settingsForm} [role="status"]`, /Saved\./, 'the save is confirmed');
        await waitForText(page, `${S.settingsForm} [data-secret-state]`, /^set$/, 'the password is set');
        assert.equal(await page.locator(input('password')).inputValue(), '', 'the password input is empty again');
        assert.equal(await page.locator(input('port')).getAttribute('aria-invalid'), null, 'no longer invalid');

        const saved = await callApi(page, 'GET', `/api/v1/locations/${LOCATION}/plugins/${PLUGIN}/settings`);
        assert.equal(saved.status, 200, saved.text);
        assert.deepEqual(saved.body.secretsSet, ['password']);
        assert.equal(saved.body.values.port, '2525');
        assert.equal(saved.body.values.startTls, 'true');
        assert.ok(!saved.text.includes(SECRET), 'the API never returns the password');

        await page.goto(settingsUrl, { waitUntil: 'domcontentloaded' });
        await waitForOrAlert(page, S.settingsForm, 'the settings form after a reload');
        assert.equal(await page.locator(input('host')).inputValue(), 'smtp.agency.test');
        assert.equal(await page.locator(input('port')).inputValue(), '2525');
        assert.ok(await page.locator(input('startTls')).isChecked(), 'STARTTLS stays on');
        await waitForText(page, `${S.settingsForm} [data-secret-state]`, /^set$/, 'the password is still set');
        assert.equal(await page.locator(input('password')).inputValue(), '', 'the password is not shown');
        assert.ok(!(await page.content()).includes(SECRET), 'the page holds no trace of the password');
        await shot(page, 'plugins-07-saved.png');
      });

      await step('8. a read-only user sees the plugins and the settings, and no control to change them', async () => {
        const readOnly = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        try {
          const p = await readOnly.newPage();
          p.setDefaultTimeout(WAIT_MS);
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          await openPlugins(p);
          await p.locator(S.row).waitFor({ state: 'visible' });
          assert.equal(await p.locator(S.upload).count(), 0, 'no upload');
          // the trust column's button only opens the list of forbidden calls
          assert.equal(await p.locator(`${S.plugins} td:not([data-column="trust"]) button`).count(), 0, 'no roll back, no uninstall, no switch');
          assert.equal((await p.textContent(`${S.row} td[data-enabled="true"]`))?.trim(), 'On', 'on in the location, said');
          await p.locator(S.row).getByRole('link', { name: new RegExp(`^Settings of ${escape(name)}`) }).click();
          await p.locator('dl[aria-label="Plugin settings"]').waitFor({ state: 'visible' });
          assert.equal(await p.locator(S.settingsForm).count(), 0, 'no settings form');
          assert.equal((await p.textContent('[data-setting="host"]'))?.trim(), 'smtp.agency.test');
          assert.equal((await p.textContent('[data-setting="password"]'))?.trim(), 'set');
          assert.ok(!(await p.content()).includes(SECRET), 'no trace of the password');
          await shot(p, 'plugins-08-read-only.png');
        } finally {
          await readOnly.close();
        }
      });

      await step('9. turn the plugin off in the location after confirming, then on again without a question', async () => {
        await openPlugins(page);
        await expectSwitch(true);
        await emailSwitch().click();
        const dialog = page.getByRole('dialog', { name: `Turn ${name} off in ${locationName}?` });
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'plugins-09-turn-off-confirm.png');
        await dialog.getByRole('button', { name: 'Turn off', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await waitForText(page, S.status, new RegExp(`Turned ${escape(name)} off in ${escape(locationName)}\\.`), 'turning off is confirmed');
        await expectSwitch(false);
        assert.equal(await page.locator(S.enabledCell).getAttribute('data-enabled'), 'false');
        assert.equal(await enabledInApi(page), false, 'the API has it off in the location');
        const refused = await deployWorkflow(page, LOCATION, WORKFLOW_XML);
        assert.equal(refused.status, 400, `a workflow calling email.send cannot be deployed while it is off: ${refused.text}`);
        await shot(page, 'plugins-10-turned-off.png');

        await emailSwitch().click();
        await waitForText(page, S.status, new RegExp(`Turned ${escape(name)} on in ${escape(locationName)}\\.`), 'turning on is confirmed');
        await expectSwitch(true);
        assert.equal(await page.getByRole('dialog').count(), 0, 'no question to turn it on');
        assert.equal(await enabledInApi(page), true, 'the API has it on again');
      });

      await step('10. a workflow of the location sends email: turning the plugin off is refused, naming it', async () => {
        const deployed = await deployWorkflow(page, LOCATION, WORKFLOW_XML);
        assert.equal(deployed.status, 201, deployed.text);
        assert.equal(deployed.body.key, WORKFLOW);

        await emailSwitch().click();
        const dialog = page.getByRole('dialog', { name: `Turn ${name} off in ${locationName}?` });
        await dialog.waitFor({ state: 'visible' });
        await dialog.getByRole('button', { name: 'Turn off', exact: true }).click();
        await waitForText(page, `dialog[open] [role="alert"]`, new RegExp(`workflow\\(s\\) ${escape(WORKFLOW)}\\b`), 'the refusal names the workflow');
        await shot(page, 'plugins-11-turn-off-refused.png');
        await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await expectSwitch(true);
        assert.equal(await enabledInApi(page), true, 'still on');
      });

      await step('11. uninstall is refused naming the workflow; removed anyway after a second confirmation', async () => {
        await page.locator(S.row).getByRole('button', { name: `Uninstall ${name}`, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Uninstall ${name}?` });
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'plugins-12-uninstall-confirm.png');
        await dialog.getByRole('button', { name: 'Uninstall', exact: true }).click();

        const again = page.getByRole('dialog', { name: `Remove ${name} anyway?` });
        await again.waitFor({ state: 'visible' });
        await waitForText(page, 'dialog[open] [data-refusal]', new RegExp(`workflow '${escape(WORKFLOW)}'`), 'the refusal names the workflow');
        await waitForText(page, 'dialog[open]', /steps of those workflows .* fail/, 'the warning says their steps fail');
        assert.equal((await callApi(page, 'GET', `/api/v1/plugins/${PLUGIN}`)).status, 200, 'not removed yet');
        await shot(page, 'plugins-13-remove-anyway.png');
        await again.getByRole('button', { name: 'Remove anyway', exact: true }).click();
        await again.waitFor({ state: 'detached' });
        await waitForText(page, S.status, new RegExp(`Uninstalled ${escape(name)}`), 'the removal is confirmed');
        await page.locator(S.row).waitFor({ state: 'detached' });
        assert.equal((await callApi(page, 'GET', `/api/v1/plugins/${PLUGIN}`)).status, 404, 'the API no longer has it');
        const workflow = await callApi(page, 'GET', `/api/v1/locations/${LOCATION}/workflows/${WORKFLOW}`);
        assert.equal(workflow.status, 200, 'the workflow stays');
        await shot(page, 'plugins-14-uninstalled.png');
      });
    } finally {
      if (pageProblems.length) t.diagnostic(`browser reported:\n  ${pageProblems.join('\n  ')}`);
      await browser.close();
    }
  },
);
