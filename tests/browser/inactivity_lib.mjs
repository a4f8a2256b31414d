// Shared set-up of the Inactivity Logout browser tests (inactivity*.test.mjs): the stand-in with Inactivity Logout on
// (2-minute timeout, 30-second warning, a custom message) before every test, contexts with Playwright's fake clock,
// signed-in staff and contact pages, and the database of the login sessions.
import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loginStaff, sql as sqlAs, startStandin } from './lib.mjs';

export const TIMEOUT = 120_000; // 2 minutes
export const WARNING = 30_000;
export const GRACE = 60; // seconds the server adds (Login_security_options::INACTIVITY_GRACE_SECONDS)
export const MESSAGE = 'Still there? <b>Unsaved</b> work & drafts are lost when you are signed out.';
export const DIALOG = '#login-security-inactivity-dialog';
export const SIGNED_OUT = 'You were signed out after 2 minutes of inactivity.';

/** The stand-in ({ base, env }) and the browser, set by before(). */
export const ctx = { standin: null, browser: null };

/** Runs SQL in the browser tests' database; the output without its last newline. */
export function sql(statement) {
  return sqlAs(ctx.standin.env, statement).trim();
}

export function setOptions(options) {
  for (const [key, value] of Object.entries(options)) {
    sql(`UPDATE tbloptions SET value = '${String(value).replace(/'/g, "''")}' WHERE name = 'login_security_${key}'`);
  }
}

export const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** A browser context with the fake clock installed before any page loads; fails the test on script errors. */
export async function clockContext(t) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.clock.install();
  const problems = [];
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  t.after(async () => { await context.close(); assert.deepEqual(problems, []); });
  return context;
}

export async function staffPage(context, email = 'admin@example.com', password = 'Admin-demo-1') {
  const page = await context.newPage();
  await loginStaff(page, ctx.standin.base, email, password);
  await page.goto(`${ctx.standin.base}/admin`);
  return page;
}

export async function contactPage(context) {
  const page = await context.newPage();
  await page.goto(`${ctx.standin.base}/authentication/login`);
  await page.fill('input[name="email"]', 'contact@example.com');
  await page.fill('input[name="password"]', 'Contact-demo-1');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  await page.goto(`${ctx.standin.base}/clients`);
  return page;
}

/** Stops the clock a little after the page loaded and records activity there: the timer starts now. */
export async function startTimer(page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 2000);
  await page.mouse.move(5, 5);
  await page.mouse.move(9, 9);
}

export const dialogShown = (page) => page.isVisible(DIALOG);
export const seconds = (page) => page.textContent(`${DIALOG} .ls-idle-seconds`);

/** The active login session of a staff member (last_seen as unix time). */
export function staffSession(staffId = 1) {
  const [id, lastSeen, endReason] = sql(`SELECT HEX(token_hash), last_seen, IFNULL(end_reason, '') FROM tbllogin_security_sessions
    WHERE user_type = 'staff' AND user_id = ${staffId} ORDER BY created_at DESC, last_seen DESC LIMIT 1`).split('\t');
  return { id, lastSeen: Number(lastSeen), endReason };
}

/** Registers the file's set-up: one stand-in and browser for the file, the settings above before every test. */
export function setUpInactivityTests() {
  before(async () => {
    ctx.standin = await startStandin();
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.standin?.stop();
  });
  beforeEach(resetSettings);
}

function resetSettings() {
  sql('DELETE FROM tbllogin_security_sessions'); // one login session per test: the one it starts
  setOptions({
    inactivity_enabled: 1, inactivity_staff: 1, inactivity_customers: 1, inactivity_timeout_minutes: 2,
    inactivity_warning_seconds: 30, inactivity_message: MESSAGE,
  });
}
