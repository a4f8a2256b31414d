// Login Sessions (issue 4) in Chromium: the admin list renders and refreshes itself in the background (without
// counting as the admin's activity), a force logout from the list takes the user — in a second browser context —
// to the login page with a message, and a ban tells the user when it ends. Screenshots go to artifacts/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loginStaff, screenshot, sql as sqlIn, startStandin } from './lib.mjs';

const MARKUP_NAME = '<img src=x onerror=alert(3)>';

let standin;
let browser;

/** Runs SQL in the browser tests' database and returns its output (tab-separated, no header). */
function sql(statement) {
  return sqlIn(standin.env, statement).trim();
}

/** A context of its own (cookies, user agent) with one page, failing the test on page errors. */
async function newPage(t, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  t.after(async () => { await context.close(); assert.deepEqual(problems, []); });
  return page;
}

async function loginContact(page) {
  await page.goto(`${standin.base}/authentication/login`);
  await page.fill('input[name="email"]', 'contact@example.com');
  await page.fill('input[name="password"]', 'Contact-demo-1');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
}

/** The admin on the Login Sessions page, with a fake clock so that the 15-second refresh can be fast-forwarded. */
async function adminOnSessions(t) {
  const page = await newPage(t);
  await page.clock.install();
  await loginStaff(page, standin.base, 'admin@example.com', 'Admin-demo-1');
  await page.goto(`${standin.base}/admin/login_security/sessions`);
  return page;
}

/** The user cells of the list, one text per row. */
function listedUsers(page) {
  return page.$$eval('#login-security-sessions-rows tr[data-session] td:first-child', (cells) => cells.map((c) => c.innerText.replace(/\s+/g, ' ').trim()));
}

before(async () => {
  standin = await startStandin();
  browser = await launch();
  sql(`UPDATE tblstaff SET lastname = '${MARKUP_NAME}' WHERE staffid = 3`);
});

after(async () => {
  await browser?.close();
  standin?.stop();
});

test('the list shows who is signed in and refreshes itself without counting as activity', async (t) => {
  const viewer = await newPage(t);
  await loginStaff(viewer, standin.base, 'viewer@example.com', 'Viewer-demo-1');
  const admin = await adminOnSessions(t);

  assert.equal(await admin.title(), 'Login Sessions');
  let users = await listedUsers(admin);
  assert.ok(users.some((u) => u.startsWith(`Vera ${MARKUP_NAME}`)), `markup in a name is shown as text: ${users.join(' | ')}`);
  assert.ok(users.some((u) => u.includes('Ada Admin') && u.includes('This session')));
  assert.equal(await admin.locator('img[src="x"]').count(), 0);
  assert.ok(!users.some((u) => u.includes('Cleo Contact')));

  // A contact signs in meanwhile; the admin's own last activity is set back to see that the refresh leaves it.
  const client = await newPage(t);
  await loginContact(client);
  sql("UPDATE tbllogin_security_sessions SET last_seen = last_seen - 600 WHERE user_type = 'staff' AND user_id = 1 AND ended_at IS NULL");
  const seenBefore = sql("SELECT last_seen FROM tbllogin_security_sessions WHERE user_type = 'staff' AND user_id = 1 AND ended_at IS NULL");

  const refreshed = admin.waitForResponse((r) => r.url().includes('/sessions/rows') && r.request().headers()['x-requested-with'] === 'XMLHttpRequest');
  await admin.clock.fastForward(16000);
  await refreshed;
  await admin.waitForFunction(() => document.querySelector('#login-security-sessions-rows').innerText.includes('Cleo Contact'));

  users = await listedUsers(admin);
  assert.ok(users.some((u) => u.includes('Cleo Contact')), users.join(' | '));
  assert.match(await admin.locator('#login-security-sessions-updated').innerText(), /^Updated at \d\d:\d\d:\d\d$/);
  assert.equal(sql("SELECT last_seen FROM tbllogin_security_sessions WHERE user_type = 'staff' AND user_id = 1 AND ended_at IS NULL"), seenBefore,
    'a refresh is not activity');
  await screenshot(admin, 'sessions-list');
});

test('force logout from the list sends the user to the login page with a message', async (t) => {
  const user = await newPage(t);
  await loginStaff(user, standin.base, 'staff@example.com', 'Staff-demo-1');
  const admin = await adminOnSessions(t);

  const row = admin.locator('#login-security-sessions-rows tr', { hasText: 'Sam Staff' });
  assert.equal(await row.count(), 1);
  let question = '';
  admin.once('dialog', (dialog) => { question = dialog.message(); dialog.accept(); });
  await Promise.all([admin.waitForNavigation(), row.getByRole('button', { name: 'Sign out', exact: true }).click()]);
  assert.match(question, /Sign out this session/);
  assert.match(await admin.locator('.alert-success, [role="alert"]').first().innerText(), /The session was ended/);
  assert.equal(await admin.locator('#login-security-sessions-rows tr', { hasText: 'Sam Staff' }).count(), 0);

  await user.goto(`${standin.base}/admin/`);
  assert.match(user.url(), /\/admin\/authentication/);
  const notice = user.locator('#login-security-signed-out');
  assert.equal((await notice.innerText()).trim(), 'You were signed out by an administrator.');
  assert.ok(await notice.isVisible());
  await screenshot(user, 'sessions-signed-out');
});

test('a ban from the list tells the contact until when', async (t) => {
  const client = await newPage(t);
  await loginContact(client);
  const admin = await adminOnSessions(t);

  const row = admin.locator('#login-security-sessions-rows tr', { hasText: 'Cleo Contact' }).first();
  await row.locator('summary').click();
  await row.locator('input[name="minutes"]').fill('45');
  await row.locator('input[name="reason"]').fill('Shared password');
  await admin.clock.fastForward(16000); // an open ban form pauses the refresh: the row must survive it
  assert.equal(await row.locator('input[name="reason"]').inputValue(), 'Shared password');
  await Promise.all([admin.waitForNavigation(), row.getByRole('button', { name: 'Ban and sign out' }).click()]);
  assert.match(await admin.locator('#login-security-bans').innerText(), /Cleo Contact[\s\S]*Shared password/);
  await screenshot(admin, 'sessions-bans');

  await client.goto(`${standin.base}/clients`);
  assert.match(client.url(), /\/authentication\/login/);
  assert.match(await client.locator('#login-security-signed-out').innerText(), /Your account is suspended until \d{4}-\d\d-\d\d \d\d:\d\d/);
  await screenshot(client, 'sessions-banned-contact');
});
