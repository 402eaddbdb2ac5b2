// Browser test of the console's plugin trust against a running platform on which the email plugin is
// not installed and its code not trusted (its Java test starts a platform of its own: trust is
// platform-wide).
//
//   SWITCHBOARD_URL=http://127.0.0.1:8080/ SWITCHBOARD_EMAIL=… SWITCHBOARD_PASSWORD=… \
//   SWITCHBOARD_CRM_LOCATION=<location id> \
//   SWITCHBOARD_READONLY_EMAIL=… SWITCHBOARD_READONLY_PASSWORD=… \
//   SWITCHBOARD_EMAIL_PLUGIN=<the email plugin's jar, signed with a key the platform trusts> \
//   SWITCHBOARD_SIGNING_CERTIFICATE=<a PEM certificate the platform does not trust yet> \
//   SCREENSHOT_DIR=target/screenshots node --test e2e/plugin-trust.browser.test.mjs
//
// The first user is the platform's operator (`platform.plugins`); the read-only user has the
// READ_ONLY role in the location. Optional: CHROMIUM_PATH (default /usr/bin/chromium). Without the
// required variables the test is skipped. The operator adds the certificate on the Trust page (after
// a malformed one and a name too long are refused next to their fields) and removes it again; uploads
// the email plugin, which is refused for the forbidden calls Angus Mail makes, listed; trusts its code
// from that refusal and installs it; sees its verdict (signer, fingerprint, code trusted, the calls
// found) on the Plugins page; withdraws the trust on the Trust page and gives it again there. The
// read-only user sees the verdict and none of the controls.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  callApi,
  crmEnvironment,
  cssString,
  expectFieldError,
  launchChromium,
  signIn,
  WAIT_MS,
  waitForOrAlert,
  waitForText,
} from './support.mjs';

const environment = crmEnvironment(import.meta.url);
const JAR = process.env.SWITCHBOARD_EMAIL_PLUGIN ?? '';
const CERTIFICATE = process.env.SWITCHBOARD_SIGNING_CERTIFICATE ?? '';
const missing = [
  ...environment.missing,
  ...(JAR ? [] : ['SWITCHBOARD_EMAIL_PLUGIN']),
  ...(CERTIFICATE ? [] : ['SWITCHBOARD_SIGNING_CERTIFICATE']),
];
const {
  baseUrl: BASE_URL,
  email: EMAIL,
  password: PASSWORD,
  readOnlyEmail: READONLY_EMAIL,
  readOnlyPassword: READONLY_PASSWORD,
  screenshotDir: SCREENSHOT_DIR,
} = environment;

const PLUGIN = 'dev.switchboard.plugins.email';
const KEY_NAME = 'Acme Plugins';

/** `text` as a regular expression that matches it literally. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const S = {
  views: 'nav[aria-label="Console"]',
  keys: 'table[aria-label="Signing keys"]',
  keyForm: 'form[aria-label="Add a signing key"]',
  trusted: 'table[aria-label="Trusted plugins"]',
  trustForm: `form[aria-label="Trust a plugin's code"]`,
  plugins: 'table[aria-label="Plugins"]',
  upload: 'form[aria-label="Upload a plugin"]',
  refusal: 'form[aria-label="Upload a plugin"] [data-refusal="forbidden-calls"]',
  row: `table[aria-label="Plugins"] tr[data-plugin-id="${cssString(PLUGIN)}"]`,
  trustedRow: `table[aria-label="Trusted plugins"] tr[data-trusted-plugin="${cssString(PLUGIN)}"]`,
  status: '[role="status"]',
};

async function openView(page, label, ready) {
  await page.locator(S.views).getByRole('button', { name: label, exact: true }).click();
  await waitForOrAlert(page, `${ready}[aria-busy="false"]`, `the ${label} page`);
}

async function upload(page) {
  await page.locator(`${S.upload} input[type="file"]`).setInputFiles(JAR);
  await page.locator(S.upload).getByRole('button', { name: 'Upload', exact: true }).click();
}

async function trustedInApi(page) {
  const api = await callApi(page, 'GET', '/api/v1/platform/trusted-plugins');
  assert.equal(api.status, 200, api.text);
  return api.body.map((t) => t.pluginId);
}

test(
  'Trust page and verdicts: add and remove a signing key, trust the email plugin code from its refused upload, see its verdict and findings, withdraw and give the trust again',
  { skip: missing.length > 0 && `set ${missing.join(', ')} to run`, timeout: 300_000 },
  async (t) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const pem = await readFile(CERTIFICATE, 'utf8');
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
          await shot(page, `trust-failed-${name.split('.')[0]}.png`).catch(() => undefined);
          throw e;
        }
      });

    const keyInput = (name) => `${S.keyForm} [name="${name}"]`;
    let fingerprint;

    try {
      await step('1. the operator opens Trust: the keys the platform trusts, and no trusted plugin code', async () => {
        await signIn(page, BASE_URL, EMAIL, PASSWORD);
        await openView(page, 'Trust', S.keys);
        assert.equal(new URL(page.url()).searchParams.get('view'), 'trust');
        const api = await callApi(page, 'GET', '/api/v1/platform/signing-keys');
        assert.equal(api.status, 200, api.text);
        assert.ok(api.body.length > 0, 'the test platform trusts the test kit key');
        for (const key of api.body) {
          const row = `${S.keys} tr[data-key-id="${cssString(key.id)}"]`;
          await waitForText(page, `${row} [data-column="subject"]`, new RegExp(`^${escape(key.subject)}$`), 'the subject');
          await waitForText(page, `${row} [data-column="fingerprint"]`, new RegExp(`^${escape(key.fingerprint)}$`), 'the fingerprint');
          await waitForText(page, `${row} [data-column="added"]`, /by you/, 'who added it');
        }
        await page.locator(`${S.trusted}[aria-busy="false"]`).waitFor({ state: 'visible' });
        assert.equal(await page.locator(S.trustedRow).count(), 0, 'the email plugin code is not trusted yet');
        await shot(page, 'trust-01-page.png');
      });

      await step('2. a malformed certificate and a name too long are refused next to their fields', async () => {
        await page.fill(keyInput('certificate'), '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
        await page.locator(S.keyForm).getByRole('button', { name: 'Add signing key', exact: true }).click();
        const text = await expectFieldError(page, keyInput('certificate'), 'certificate');
        assert.match(text, /certificate/i, 'the server says it is not a certificate');
        await shot(page, 'trust-02-not-a-certificate.png');

        await page.fill(keyInput('certificate'), pem);
        await page.fill(keyInput('name'), 'x'.repeat(201));
        await page.locator(S.keyForm).getByRole('button', { name: 'Add signing key', exact: true }).click();
        assert.match(await expectFieldError(page, keyInput('name'), 'name'), /200/, 'the message names the limit');
        assert.equal(await page.locator(keyInput('certificate')).getAttribute('aria-invalid'), null, 'the certificate is fine');
        await shot(page, 'trust-03-name-too-long.png');
      });

      await step('3. the certificate is added and listed with its fingerprint', async () => {
        await page.fill(keyInput('name'), KEY_NAME);
        await page.locator(S.keyForm).getByRole('button', { name: 'Add signing key', exact: true }).click();
        await waitForText(page, S.status, new RegExp(`Trusted the signing key ${escape(KEY_NAME)}\\.`), 'the key is added');
        const api = await callApi(page, 'GET', '/api/v1/platform/signing-keys');
        const added = api.body.find((k) => k.name === KEY_NAME);
        assert.ok(added, `the API lists ${KEY_NAME}: ${api.text}`);
        fingerprint = added.fingerprint;
        const row = `${S.keys} tr[data-fingerprint="${cssString(fingerprint)}"]`;
        await waitForText(page, `${row} [data-column="name"]`, new RegExp(`^${escape(KEY_NAME)}$`), 'the new key by its name');
        await waitForText(page, `${row} [data-column="subject"]`, new RegExp(`^${escape(added.subject)}$`), 'its subject');
        assert.equal(await page.locator(keyInput('certificate')).inputValue(), '', 'the form is empty again');
        await shot(page, 'trust-04-key-added.png');
      });

      await step('4. the key is removed after a confirmation naming its fingerprint', async () => {
        const row = `${S.keys} tr[data-fingerprint="${cssString(fingerprint)}"]`;
        await page.locator(row).getByRole('button', { name: `Remove signing key ${KEY_NAME}`, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Remove the signing key ${KEY_NAME}?` });
        await dialog.waitFor({ state: 'visible' });
        await waitForText(page, 'dialog[open]', new RegExp(escape(fingerprint)), 'the dialog names the fingerprint');
        await shot(page, 'trust-05-remove-key-confirm.png');
        await dialog.getByRole('button', { name: 'Remove key', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await waitForText(page, S.status, new RegExp(`Removed the signing key ${escape(KEY_NAME)}\\.`), 'the removal is confirmed');
        await page.locator(row).waitFor({ state: 'detached' });
        const api = await callApi(page, 'GET', '/api/v1/platform/signing-keys');
        assert.ok(!api.body.some((k) => k.fingerprint === fingerprint), 'the API no longer trusts it');
      });

      await step('5. the email plugin upload is refused listing its forbidden calls; the operator trusts its code from there', async () => {
        await openView(page, 'Plugins', S.plugins);
        assert.equal(await page.locator(S.row).count(), 0, 'not installed yet');
        await upload(page);
        await waitForOrAlert(page, S.refusal, 'the refusal for forbidden calls', `${S.upload} p[role="alert"]`);
        await waitForText(page, S.refusal, new RegExp(`Not a trusted plugin: ${escape(PLUGIN)} makes \\d+ forbidden call`), 'the server says why');
        const listed = page.locator(`${S.refusal} table[aria-label="Forbidden calls in ${PLUGIN}"] tbody tr`);
        assert.ok((await listed.count()) > 0, 'the calls found are listed');
        const rules = await page.locator(`${S.refusal} tbody tr`).evaluateAll((rows) => rows.map((r) => r.dataset.rule));
        assert.ok(rules.every((r) => ['EXIT', 'PROCESS', 'FILES', 'HOST_REFLECTION'].includes(r)), `each names its rule: ${rules}`);
        await waitForText(page, S.refusal, /trusting the code/, 'it says how the operator lets it in');
        await shot(page, 'trust-06-upload-refused.png');

        await page.locator(S.refusal).getByRole('button', { name: `Trust the code of ${PLUGIN}…`, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Trust the code of ${PLUGIN}?` });
        await dialog.waitFor({ state: 'visible' });
        await waitForText(page, 'dialog[open]', /calls the platform forbids/, 'the dialog says what trusting means');
        await waitForText(page, 'dialog[open]', /no sandbox/, 'and that nothing holds the code');
        await shot(page, 'trust-07-trust-code-confirm.png');
        await dialog.getByRole('button', { name: 'Trust its code', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await waitForText(page, `${S.upload} [data-upload-notice]`, /upload .* again to install it/, 'it says to upload again');
        assert.deepEqual(await trustedInApi(page), [PLUGIN], 'the API trusts its code');

        await page.locator(S.upload).getByRole('button', { name: 'Upload', exact: true }).click();
        await waitForOrAlert(page, `${S.row} [data-state="ACTIVE"]`, 'the email plugin installed');
      });

      await step('6. the Plugins page shows its verdict: signer, fingerprint, code trusted, and the calls found', async () => {
        const api = await callApi(page, 'GET', `/api/v1/plugins/${PLUGIN}`);
        assert.equal(api.status, 200, api.text);
        const { trust } = api.body;
        assert.ok(trust?.signed && trust.codeTrusted && trust.findingCount > 0, `the API verdict: ${JSON.stringify(trust)}`);
        const cell = `${S.row} td[data-column="trust"]`;
        await waitForText(page, `${cell} [data-column="signer"]`, new RegExp(`^Signed by ${escape(trust.signer)}$`), 'the signer');
        await waitForText(page, `${cell} [data-column="fingerprint"]`, new RegExp(`${escape(trust.fingerprint)}$`), 'the key');
        assert.equal(await page.locator(`${cell} [data-column="code-trust"]`).getAttribute('data-code-trusted'), 'true');
        const count = `${trust.findingCount} forbidden call${trust.findingCount === 1 ? '' : 's'}`;
        await waitForText(page, `${cell} [data-column="findings"]`, new RegExp(`^${count}$`), 'how many calls were found');
        await shot(page, 'trust-08-verdict.png');

        await page.locator(cell).getByRole('button', { name: `${count} in ${api.body.name}`, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Forbidden calls in ${api.body.name}` });
        await dialog.waitFor({ state: 'visible' });
        const shown = await page.locator('dialog[open] tbody tr').evaluateAll((rows) =>
          rows.map((r) => ({
            rule: r.dataset.rule,
            location: r.querySelector('[data-column="location"]').textContent,
            call: r.querySelector('[data-column="call"]').textContent,
          })),
        );
        assert.deepEqual(shown, trust.findings, 'the findings as the API has them: class and method, call, rule');
        await shot(page, 'trust-09-findings.png');
        await dialog.getByRole('button', { name: 'Close', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
      });

      await step('7. on the Trust page the trust is withdrawn after a confirmation, and given again there', async () => {
        await openView(page, 'Trust', S.trusted);
        await page.locator(S.trustedRow).waitFor({ state: 'visible' });
        const name = (await callApi(page, 'GET', `/api/v1/plugins/${PLUGIN}`)).body.name;
        await page.locator(S.trustedRow).getByRole('button', { name: `Withdraw the trust in ${name}`, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Withdraw the trust in ${name}?` });
        await dialog.waitFor({ state: 'visible' });
        await shot(page, 'trust-10-withdraw-confirm.png');
        await dialog.getByRole('button', { name: 'Withdraw trust', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.locator(S.trustedRow).waitFor({ state: 'detached' });
        assert.deepEqual(await trustedInApi(page), [], 'the API no longer trusts its code');

        await page.fill(`${S.trustForm} [name="pluginId"]`, PLUGIN);
        await page.locator(S.trustForm).getByRole('button', { name: 'Trust its code…', exact: true }).click();
        const again = page.getByRole('dialog', { name: `Trust the code of ${PLUGIN}?` });
        await again.waitFor({ state: 'visible' });
        await again.getByRole('button', { name: 'Trust its code', exact: true }).click();
        await again.waitFor({ state: 'detached' });
        await waitForText(page, S.status, new RegExp(`Trusted the code of ${escape(name)}\\.`), 'the trust is confirmed');
        await page.locator(S.trustedRow).waitFor({ state: 'visible' });
        assert.deepEqual(await trustedInApi(page), [PLUGIN], 'the API trusts its code again');
        await shot(page, 'trust-11-trusted-again.png');
      });

      await step('8. a read-only user sees the verdict and no Trust page, upload or trust control', async () => {
        const readOnly = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        try {
          const p = await readOnly.newPage();
          p.setDefaultTimeout(WAIT_MS);
          await signIn(p, BASE_URL, READONLY_EMAIL, READONLY_PASSWORD);
          assert.equal(await p.locator(S.views).getByRole('button', { name: 'Trust', exact: true }).count(), 0, 'no Trust entry');
          await openView(p, 'Plugins', S.plugins);
          await p.locator(`${S.row} td[data-column="trust"] [data-column="signer"]`).waitFor({ state: 'visible' });
          assert.equal(await p.locator(S.upload).count(), 0, 'no upload');
          assert.equal(await p.getByRole('button', { name: /^Trust/ }).count(), 0, 'no trust control');
          await p.goto(new URL('/?view=trust', BASE_URL).toString(), { waitUntil: 'domcontentloaded' });
          await p.locator(S.views).waitFor({ state: 'visible' });
          assert.equal(await p.locator(S.keys).count(), 0, 'the Trust page does not open');
          const refused = await callApi(p, 'GET', '/api/v1/platform/signing-keys');
          assert.equal(refused.status, 403, 'and the API refuses the keys');
          await shot(p, 'trust-12-read-only.png');
        } finally {
          await readOnly.close();
        }
      });
    } finally {
      if (pageProblems.length) t.diagnostic(`browser reported:\n  ${pageProblems.join('\n  ')}`);
      await browser.close();
    }
  },
);
