// Inactivity Logout (issue 5) in one tab, in Chromium with Playwright's fake clock: the warning appears exactly at
// timeout − warning with the admin's message and a live countdown, activity dismisses it, "Stay signed in" extends the
// server session, the countdown ends in Perfex's logout and the login page says why, a sleep-like jump signs out at
// once, and the server itself refuses a session that sent no heartbeat for longer than the timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts } from './lib.mjs';
import {
  ctx, DIALOG, GRACE, MESSAGE, SIGNED_OUT, TIMEOUT, WARNING, clockContext, dialogShown, seconds, setUpInactivityTests, sql,
  staffPage, staffSession, startTimer,
} from './inactivity_lib.mjs';

setUpInactivityTests();

test('the warning appears exactly at timeout - warning, with the message and a live countdown', async (t) => {
  const page = await staffPage(await clockContext(t));
  await startTimer(page);

  await page.clock.runFor(TIMEOUT - WARNING - 1);
  assert.equal(await dialogShown(page), false, 'no warning 1 ms before timeout - warning');
  await page.clock.runFor(1);
  assert.equal(await dialogShown(page), true, 'the warning at timeout - warning');

  assert.equal(await page.textContent(`${DIALOG} .ls-idle-message`), MESSAGE, 'the message, as text');
  assert.equal(await seconds(page), '30');
  assert.match(await page.textContent('#login-security-inactivity-live'), /signed out in 30 seconds/);
  assert.equal(await page.getAttribute('#login-security-inactivity-live', 'aria-live'), 'polite');
  assert.equal(await page.getAttribute(DIALOG, 'role'), 'alertdialog');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Stay signed in', 'focus moves into the dialog');
  await page.clock.runFor(1000);
  assert.equal(await seconds(page), '29');
  await page.clock.runFor(9000);
  assert.equal(await seconds(page), '20');
  assert.match(await page.textContent('#login-security-inactivity-live'), /signed out in 20 seconds/);

  // Tab stays inside the dialog.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Sign out now');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Stay signed in');
  assert.equal(await dialogShown(page), true, 'Tab does not dismiss');
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'inactivity-modal.png'), animations: 'disabled' });
});

test('a click or a key press dismisses the warning and restarts the timer; mere mouse movement does not', async (t) => {
  const page = await staffPage(await clockContext(t));
  await startTimer(page);

  await page.clock.runFor(TIMEOUT - WARNING);
  assert.equal(await dialogShown(page), true);
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 340);
  assert.equal(await dialogShown(page), true, 'moving the mouse alone keeps the warning');
  const logoutLink = await page.locator('#standin-logout').boundingBox();
  await page.mouse.click(logoutLink.x + 5, logoutLink.y + 5); // over Perfex's "Log out" link, behind the backdrop
  assert.equal(await dialogShown(page), false, 'a click dismisses');
  assert.match(page.url(), /\/admin$/, 'the click did not reach the page behind');

  await page.clock.runFor(TIMEOUT - WARNING - 1);
  assert.equal(await dialogShown(page), false, 'the timer restarted at the click');
  await page.clock.runFor(1);
  assert.equal(await dialogShown(page), true);
  await page.keyboard.press('Escape');
  assert.equal(await dialogShown(page), false, 'Esc dismisses');

  await page.clock.runFor(TIMEOUT - WARNING);
  assert.equal(await dialogShown(page), true);
  await page.keyboard.press('x');
  assert.equal(await dialogShown(page), false, 'any key dismisses');
  assert.match(page.url(), /\/admin$/);
});

test('"Stay signed in" dismisses the warning and extends the server session at once', async (t) => {
  const page = await staffPage(await clockContext(t));
  await startTimer(page);
  const { id, lastSeen } = staffSession();
  // 90 s of inactivity as the server saw it (read before the update: a heartbeat of the earlier input may still be
  // in flight and land after it, which extends the session too)
  const before = lastSeen - 90;
  sql(`UPDATE tbllogin_security_sessions SET last_seen = last_seen - 90 WHERE HEX(token_hash) = '${id}'`);

  await page.clock.runFor(TIMEOUT - WARNING + 5000);
  assert.equal(await seconds(page), '25');
  const heartbeat = page.waitForResponse((r) => r.url().endsWith('/inactivity/heartbeat'));
  await page.keyboard.press('Enter'); // focus is on "Stay signed in"
  assert.equal((await heartbeat).status(), 200);
  assert.equal(await dialogShown(page), false);

  const after = staffSession().lastSeen;
  assert.ok(after >= Math.floor(Date.now() / 1000) - 5 && after > before, `last_seen moved from ${before} to ${after}`);
  await page.clock.runFor(TIMEOUT - WARNING - 1);
  assert.equal(await dialogShown(page), false);
});

test('the countdown ends in Perfex\'s logout; the login page says why and the Login Log records "idle"', async (t) => {
  const page = await staffPage(await clockContext(t), 'staff@example.com', 'Staff-demo-1');
  await startTimer(page);
  const { id } = staffSession(2);

  await page.clock.runFor(TIMEOUT - 1000);
  assert.equal(await seconds(page), '1');
  await page.clock.runFor(1000);
  await page.waitForURL(`${ctx.standin.base}/admin/authentication`);
  assert.equal(await page.textContent('#login-security-signed-out'), SIGNED_OUT);

  assert.equal(sql(`SELECT end_reason FROM tbllogin_security_sessions WHERE HEX(token_hash) = '${id}'`), 'idle');
  assert.equal(sql(`SELECT end_reason FROM tbllogin_security_events WHERE user_type = 'staff' AND user_id = 2
    AND event = 'logout' ORDER BY id DESC LIMIT 1`), 'idle');
  await page.goto(`${ctx.standin.base}/admin`);
  assert.match(page.url(), /\/admin\/authentication$/, 'the Perfex session is gone');
});

test('a sleep-like jump past the timeout signs out as soon as the computer wakes', async (t) => {
  const page = await staffPage(await clockContext(t));
  await startTimer(page);
  await page.clock.fastForward(TIMEOUT + 10 * 60_000);
  await page.waitForURL(`${ctx.standin.base}/admin/authentication`);
  assert.equal(await page.textContent('#login-security-signed-out'), SIGNED_OUT);
});

test('the server refuses a session that sent no heartbeat for longer than the timeout (no JavaScript needed)', async () => {
  const context = await ctx.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await staffPage(context);
    const { id } = staffSession();
    sql(`UPDATE tbllogin_security_sessions SET last_seen = UNIX_TIMESTAMP() - ${2 * 60 + GRACE - 5} WHERE HEX(token_hash) = '${id}'`);
    await page.goto(`${ctx.standin.base}/admin`);
    assert.match(page.url(), /\/admin$/, 'within timeout + grace: still signed in');

    sql(`UPDATE tbllogin_security_sessions SET last_seen = UNIX_TIMESTAMP() - ${2 * 60 + GRACE + 5} WHERE HEX(token_hash) = '${id}'`);
    await page.goto(`${ctx.standin.base}/admin`);
    assert.equal(page.url(), `${ctx.standin.base}/admin/authentication`);
    assert.equal(await page.textContent('#login-security-signed-out'), SIGNED_OUT);
    assert.equal(sql(`SELECT end_reason FROM tbllogin_security_sessions WHERE HEX(token_hash) = '${id}'`), 'idle');
  } finally {
    await context.close();
  }
});
