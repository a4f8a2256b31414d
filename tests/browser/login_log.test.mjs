// Login Log (issue 2) in Chromium: the page renders with its chart, the filters work (searchable user field, date
// range, event type), attacker-controlled text (a <script> user agent, a staff name with markup) is shown as text,
// and "Clear log" asks before it posts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loginStaff, screenshot, sql as runSql, startStandin } from './lib.mjs';

const XSS_AGENT = '<script>alert(1)</script>';
const MARKUP_NAME = '<img src=x onerror=alert(2)>';
const DAY = 86400;

let standin;
let browser;

/** Runs SQL in the browser tests' database. */
function sql(statement) {
  runSql(standin.env, statement);
}

function isoDay(secondsAgo) {
  return new Date(Date.now() - secondsAgo * 1000).toISOString().slice(0, 10);
}

/** A staff login through the form, in a context of its own (own cookies, own user agent). */
async function loginAs(email, password, userAgent) {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await loginStaff(page, standin.base, email, password);
  await context.close();
}

/** A new admin page on the Login Log, failing the test on any dialog or page error it did not expect. */
async function adminPage(t, query = '') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  t.after(async () => { await context.close(); assert.deepEqual(problems, []); });
  await loginStaff(page, standin.base, 'admin@example.com', 'Admin-demo-1');
  await page.goto(`${standin.base}/admin/login_security${query}`);
  return page;
}

/** The text of one column of the Login Log table, row by row. */
function column(page, index) {
  return page.$$eval('#login-security-table tbody tr', (rows, i) => rows
    .filter((row) => row.cells.length > 1)
    .map((row) => row.cells[i].innerText.replace(/\s+/g, ' ').trim()), index);
}

before(async () => {
  standin = await startStandin();
  browser = await launch();
  const now = Math.floor(Date.now() / 1000);
  const old = now - 20 * DAY;
  sql(`UPDATE tblstaff SET lastname = '${MARKUP_NAME}' WHERE staffid = 2`);
  sql(`INSERT INTO tbllogin_security_events (created_at, event, user_type, user_id, identifier, identifier_norm, method, reason, ip)
       VALUES (${old}, 'failed', 'staff', 3, 'viewer@example.com', 'viewer@example.com', '', 'wrong_password', INET6_ATON('192.0.2.20')),
              (${old + 60}, 'login', 'staff', 1, 'admin@example.com', 'admin@example.com', 'form', '', INET6_ATON('192.0.2.21'))`);
  await loginAs('viewer@example.com', 'wrong-password');
  await loginAs('viewer@example.com', 'Viewer-demo-1', XSS_AGENT);
  await loginAs('staff@example.com', 'Staff-demo-1');
});

after(async () => {
  await browser?.close();
  standin?.stop();
});

test('the log page renders its table and draws the chart', async (t) => {
  const page = await adminPage(t);

  assert.equal(await page.title(), 'Login Log');
  const users = await column(page, 1);
  assert.ok(users.length >= 5, `rows: ${users.join(' | ')}`);
  assert.ok(users.some((u) => u.startsWith('Vera Viewer')));
  await page.waitForFunction(() => document.getElementById('login-security-chart').loginSecurityChart !== undefined);
  const drawn = await page.$eval('#login-security-chart', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return { painted, width: canvas.width, height: canvas.height };
  });
  assert.ok(drawn.width > 300 && drawn.height > 100, JSON.stringify(drawn));
  assert.ok(drawn.painted > 1000, `the canvas is blank: ${JSON.stringify(drawn)}`);
  await screenshot(page, 'login_log');
});

test('filtering by a user picked in the search field, a date range and an event type', async (t) => {
  const page = await adminPage(t);
  const before = (await column(page, 1)).length;

  await page.fill('#login-security-user-search', 'vera');
  const option = page.locator('#login-security-user-results a[data-user-key="staff:3"]');
  await option.waitFor();
  await screenshot(page, 'login_log_user_search');
  await option.click();
  assert.equal(await page.inputValue('#login-security-user'), 'staff:3');
  assert.equal(await page.inputValue('#login-security-user-search'), 'Vera Viewer <viewer@example.com>');
  await Promise.all([page.waitForNavigation(), page.click('#login-security-filters button[type="submit"]')]);
  const vera = await column(page, 1);
  assert.ok(vera.length >= 3 && vera.length < before, `${before} → ${vera.join(' | ')}`);
  assert.ok(vera.every((u) => u.startsWith('Vera Viewer')), vera.join(' | '));

  await page.fill('#login-security-from', isoDay(25 * DAY));
  await page.fill('#login-security-to', isoDay(15 * DAY));
  await page.selectOption('#login-security-event', 'failed');
  await Promise.all([page.waitForNavigation(), page.click('#login-security-filters button[type="submit"]')]);

  assert.deepEqual(await column(page, 4), ['192.0.2.20']);
  assert.deepEqual(await column(page, 3), ['Wrong password']);
  assert.equal(await page.inputValue('#login-security-user-search'), 'Vera Viewer <viewer@example.com>', 'the label survives the reload');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('user'), 'staff:3');
  assert.equal(url.searchParams.get('event'), 'failed');

  await page.fill('#login-security-user-search', 'somebody else');
  await Promise.all([page.waitForNavigation(), page.click('#login-security-filters button[type="submit"]')]);
  assert.equal(new URL(page.url()).searchParams.get('user'), '', 'an edited name drops the chosen user');
});

test('a <script> user agent and markup in a name are shown as text', async (t) => {
  const page = await adminPage(t);
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.reload();

  await assert.doesNotReject(page.getByText(XSS_AGENT, { exact: true }).first().waitFor({ state: 'visible', timeout: 5000 }));
  assert.equal(await page.locator('#login-security-table script, #login-security-table img').count(), 0);
  assert.ok((await column(page, 1)).includes(`Sam ${MARKUP_NAME} staff@example.com`));

  await page.fill('#login-security-user-search', 'sam');
  await page.locator('#login-security-user-results a[data-user-key="staff:2"]').waitFor();
  assert.equal(await page.locator('#login-security-user-results a[data-user-key="staff:2"]').innerText(), `Sam ${MARKUP_NAME} <staff@example.com>`);
  assert.equal(await page.locator('#login-security-user-results img').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
});

test('"Clear log" asks first and keeps the log when cancelled', async (t) => {
  const page = await adminPage(t, '?from=&to=');
  const rows = (await column(page, 1)).length;
  const messages = [];

  page.once('dialog', async (dialog) => { messages.push(dialog.message()); await dialog.dismiss(); });
  await page.click('#login-security-clear button');
  await page.waitForTimeout(300);
  assert.equal((await column(page, 1)).length, rows, 'nothing cleared');

  page.once('dialog', async (dialog) => { messages.push(dialog.message()); await dialog.accept(); });
  await Promise.all([page.waitForNavigation(), page.click('#login-security-clear button')]);

  assert.equal(messages.length, 2);
  assert.match(messages[0], /^Delete every event of the Login Log\?/);
  assert.match(await page.locator('.alert-success').innerText(), /^Login Log cleared: \d+ events removed\.$/);
  assert.deepEqual(await column(page, 2), ['Log cleared']);
  assert.deepEqual(await column(page, 3), ['By Ada Admin']);
});
