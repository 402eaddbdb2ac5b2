// Helpers shared by the browser tests (not a test file itself: node --test runs *.test.mjs).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Generous: a cold platform may compile JSPs, warm up Flowable, … */
export const WAIT_MS = 45_000;

/** The console keeps its bearer token here (src/api/client.ts, TOKEN_STORAGE_KEY). */
export const TOKEN_STORAGE_KEY = 'switchboard.token';

/** Debian's Chromium (or CHROMIUM_PATH), headless; no browser is downloaded. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function cssString(value) {
  return String(value).replace(/["\\]/g, '\\$&');
}

/**
 * Waits for `selector` to appear; fails early with the alert's text if an alert (`alertSelector`: any
 * on the page unless given) shows up instead.
 */
export async function waitForOrAlert(page, selector, what, alertSelector = '[role="alert"]') {
  const winner = await Promise.race([
    page.waitForSelector(selector, { state: 'visible', timeout: WAIT_MS }).then(() => 'ok'),
    page
      .waitForSelector(alertSelector, { state: 'visible', timeout: WAIT_MS })
      .then(async (el) => `alert: ${(await el.textContent())?.trim()}`),
  ]).catch((e) => `timeout: ${e.message.split('\n')[0]}`);
  assert.equal(winner, 'ok', `expected ${what} (${selector}), got ${winner}`);
}

/** Waits until an element of `selector` has text matching `pattern`; the failure lists what there is. */
export async function waitForText(page, selector, pattern, what) {
  await page
    .waitForFunction(
      ({ selector, source, flags }) =>
        [...document.querySelectorAll(selector)].some((el) => new RegExp(source, flags).test(el.textContent ?? '')),
      { selector, source: pattern.source, flags: pattern.flags },
      { timeout: WAIT_MS },
    )
    .catch(async () => {
      const texts = await page.locator(selector).allTextContents();
      assert.fail(`${what}: expected ${pattern} in ${selector}; found ${JSON.stringify(texts)}`);
    });
}

/**
 * After a refused submit: the input is marked invalid and names its message, which is the server's
 * error for `pointer` and sits right under the input.
 */
export async function expectFieldError(page, inputSelector, pointer) {
  await page
    .waitForSelector(`${inputSelector}[aria-invalid="true"]`, { timeout: WAIT_MS })
    .catch(() => assert.fail(`${inputSelector} should be marked invalid after the server refused it`));
  const input = page.locator(inputSelector);
  const messageId = await input.getAttribute('aria-describedby');
  assert.ok(messageId, `${inputSelector} should name its error message (aria-describedby)`);
  const message = page.locator(`[id="${cssString(messageId)}"]`);
  const text = ((await message.textContent()) ?? '').trim();
  assert.ok(text.length > 0, 'the field error should say what is wrong');
  assert.equal(await message.getAttribute('data-pointer'), pointer, `the message is the one for ${pointer}`);
  const field = await input.boundingBox();
  const below = await message.boundingBox();
  assert.ok(field && below, 'the field and its message are rendered');
  assert.ok(
    below.y >= field.y + field.height - 1 && below.y - (field.y + field.height) < 40 && Math.abs(below.x - field.x) < 40,
    `the message should sit right under the field (field ${JSON.stringify(field)}, message ${JSON.stringify(below)})`,
  );
  return text;
}

/**
 * A headless Chromium for a script's numbered steps (`t`: the script's test): its first page, `step`
 * (a subtest skipped once an earlier one failed, with a screenshot `<prefix>-failed-<n>.png` of the
 * failure), `shot` (a full-page screenshot into `screenshotDir`), `pageProblems` (script errors of every
 * page it opened, which the script expects to stay empty), `otherPage(label)` (a page in a context of
 * its own, for another user) and `close`.
 */
export async function browserSteps(t, prefix, screenshotDir) {
  await mkdir(screenshotDir, { recursive: true });
  const browser = await launchChromium();
  const pageProblems = [];
  const newPage = async (context, label) => {
    const p = await context.newPage();
    p.setDefaultTimeout(WAIT_MS);
    p.on('pageerror', (e) => pageProblems.push(`${label}pageerror: ${e.message}`));
    return p;
  };
  const viewport = { viewport: { width: 1400, height: 1000 } };
  const page = await newPage(await browser.newContext(viewport), '');
  const shot = (p, name) => p.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  let broken = false;
  const step = (name, fn) =>
    t.test(name, { skip: broken && 'an earlier step failed' }, async () => {
      try {
        await fn();
      } catch (e) {
        broken = true;
        await shot(page, `${prefix}-failed-${name.split('.')[0]}.png`).catch(() => undefined);
        throw e;
      }
    });
  const otherPage = async (label) => {
    const context = await browser.newContext(viewport);
    return { page: await newPage(context, `${label} `), close: () => context.close() };
  };
  return { page, step, shot, pageProblems, otherPage, close: () => browser.close() };
}

/** Signs in through the login form and waits for the console's navigation. */
export async function signIn(page, baseUrl, email, password) {
  const response = await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  assert.ok(response?.ok(), `GET ${baseUrl} answered HTTP ${response?.status()}`);
  await page.waitForSelector('input[name="email"]', { state: 'visible' });
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForOrAlert(page, 'nav[aria-label="Console"]', 'the console after signing in');
}

/**
 * Calls the API with the console's own token (to seed data or read what the UI did). `body` is sent
 * as JSON, or as it is (a string) when `contentType` names another media type.
 */
export async function callApi(page, method, path, body, contentType = 'application/json') {
  return page.evaluate(
    async ({ method, path, body, contentType, tokenKey }) => {
      const headers = { Accept: 'application/json, application/problem+json' };
      const token = sessionStorage.getItem(tokenKey);
      if (token) headers.Authorization = `Bearer ${token}`;
      if (body !== undefined) headers['Content-Type'] = contentType;
      const sent = body === undefined || contentType !== 'application/json' ? body : JSON.stringify(body);
      const r = await fetch(path, { method, headers, body: sent });
      const text = await r.text();
      let json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { status: r.status, body: json, text };
    },
    { method, path, body, contentType, tokenKey: TOKEN_STORAGE_KEY },
  );
}

/** Deploys BPMN 2.0 XML to the location with the console's own token (to seed a workflow); answers like `callApi`. */
export function deployWorkflow(page, locationId, xml) {
  return callApi(page, 'POST', `/api/v1/locations/${encodeURIComponent(locationId)}/workflows`, xml, 'application/xml');
}

/**
 * What a CRM browser script is given by its Java test: the platform, an admin, the location to work
 * in and a read-only user of it; `missing` names the variables not set (the script then skips).
 */
export function crmEnvironment(scriptUrl) {
  const required = [
    'SWITCHBOARD_URL',
    'SWITCHBOARD_EMAIL',
    'SWITCHBOARD_PASSWORD',
    'SWITCHBOARD_CRM_LOCATION',
    'SWITCHBOARD_READONLY_EMAIL',
    'SWITCHBOARD_READONLY_PASSWORD',
  ];
  return {
    missing: required.filter((name) => !process.env[name]),
    baseUrl: process.env.SWITCHBOARD_URL ?? '',
    email: process.env.SWITCHBOARD_EMAIL ?? '',
    password: process.env.SWITCHBOARD_PASSWORD ?? '',
    location: process.env.SWITCHBOARD_CRM_LOCATION ?? '',
    readOnlyEmail: process.env.SWITCHBOARD_READONLY_EMAIL ?? '',
    readOnlyPassword: process.env.SWITCHBOARD_READONLY_PASSWORD ?? '',
    screenshotDir:
      process.env.SCREENSHOT_DIR ??
      path.join(path.dirname(fileURLToPath(scriptUrl)), '..', 'target', 'e2e-screenshots'),
  };
}
