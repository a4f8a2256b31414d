// Inactivity Logout (issue 5) across tabs and settings, in Chromium with Playwright's fake clock: the tabs of one
// browser agree (BroadcastChannel and its storage-event fallback), the staff / customers / global switches are obeyed,
// a saved change reaches open pages within a minute, and a sign-out due under old settings is called off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ctx, DIALOG, SIGNED_OUT, TIMEOUT, WARNING, clockContext, contactPage, dialogShown, pause, setOptions,
  setUpInactivityTests, sql, staffPage, startTimer,
} from './inactivity_lib.mjs';

setUpInactivityTests();

for (const [transport, withoutChannel] of [['BroadcastChannel', false], ['the storage-event fallback', true]]) {
  /** A context whose pages have no BroadcastChannel when withoutChannel. */
  const tabsContext = async (t) => {
    const context = await clockContext(t);
    if (withoutChannel) {
      await context.addInitScript(() => { delete window.BroadcastChannel; });
    }
    return context;
  };

  test(`two tabs agree through ${transport}: activity in one keeps the other alive and dismisses its warning`, async (t) => {
    const context = await tabsContext(t);
    const first = await staffPage(context);
    const second = await context.newPage();
    await second.goto(`${ctx.standin.base}/admin`);
    assert.equal(await second.evaluate(() => typeof window.BroadcastChannel), withoutChannel ? 'undefined' : 'function');
    await startTimer(second);

    await second.clock.runFor(TIMEOUT - WARNING - 10_000);
    await first.mouse.move(100, 100); // activity in the first tab only
    await first.mouse.move(120, 120);
    await pause(300);
    await second.clock.runFor(20_000);
    assert.equal(await dialogShown(second), false, 'the second tab heard of the first one\'s activity');
    assert.equal(await dialogShown(first), false);

    await second.clock.runFor(TIMEOUT - WARNING - 10_000);
    assert.equal(await dialogShown(first), true, 'both warn');
    assert.equal(await dialogShown(second), true);
    await first.mouse.click(40, 700);
    await pause(300);
    assert.equal(await dialogShown(second), false, 'a click in one tab dismisses the warning in both');
  });

  test(`two tabs agree through ${transport}: signing out in one signs out both`, async (t) => {
    const context = await tabsContext(t);
    const first = await staffPage(context);
    const second = await context.newPage();
    await second.goto(`${ctx.standin.base}/admin`);
    await startTimer(second);

    await second.clock.runFor(TIMEOUT - WARNING);
    await first.click('.ls-idle-signout'); // "Sign out now" in the first tab only
    await first.waitForURL(`${ctx.standin.base}/admin/authentication`);
    await second.waitForURL(`${ctx.standin.base}/admin/authentication`);
    assert.equal(await first.locator('#login-security-signed-out').count(), 0, 'a sign-out of their own: no inactivity notice');
    assert.equal(sql(`SELECT end_reason FROM tbllogin_security_events WHERE event = 'logout' ORDER BY id DESC LIMIT 1`), 'logout');
  });
}

test('Perfex\'s own "Log out" link in one tab signs out the other tabs', async (t) => {
  const context = await clockContext(t);
  const first = await staffPage(context);
  const second = await context.newPage();
  await second.goto(`${ctx.standin.base}/admin`);
  await startTimer(second);

  await first.click('#standin-logout');
  await first.waitForURL(`${ctx.standin.base}/admin/authentication`);
  for (let i = 0; i < 10 && second.url().endsWith('/admin'); i++) {
    await second.clock.runFor(500); // the other tab checks with the server until the logout is through
    await pause(100);
  }
  await second.waitForURL(`${ctx.standin.base}/admin/authentication`);
});

test('the staff and customers switches and the global switch are obeyed', async (t) => {
  const context = await clockContext(t);
  const staff = await staffPage(context);
  const contactContext = await ctx.browser.newContext();
  t.after(() => contactContext.close());
  const contact = await contactPage(contactContext);
  const watched = async () => [
    await staff.reload().then(() => staff.locator('#login-security-inactivity').count()),
    await contact.reload().then(() => contact.locator('#login-security-inactivity').count()),
  ];

  assert.deepEqual(await watched(), [1, 1], 'both');
  setOptions({ inactivity_customers: 0 });
  assert.deepEqual(await watched(), [1, 0], 'staff only');
  setOptions({ inactivity_customers: 1, inactivity_staff: 0 });
  assert.deepEqual(await watched(), [0, 1], 'customers only');
  setOptions({ inactivity_staff: 1, inactivity_enabled: 0 });
  assert.deepEqual(await watched(), [0, 0], 'off');

  await staff.clock.runFor(TIMEOUT * 3);
  assert.match(staff.url(), /\/admin$/, 'no sign-out while off');
});

test('a customer contact is warned and signed out to the customers login page', async (t) => {
  const context = await clockContext(t);
  const page = await contactPage(context);
  await startTimer(page);
  await page.clock.runFor(TIMEOUT - WARNING);
  assert.equal(await dialogShown(page), true);
  await page.clock.runFor(WARNING);
  await page.waitForURL(`${ctx.standin.base}/authentication/login`);
  assert.equal(await page.textContent('#login-security-signed-out'), SIGNED_OUT);
});

test('a saved change reaches an open page within a minute', async (t) => {
  const page = await staffPage(await clockContext(t));
  await startTimer(page);
  setOptions({ inactivity_timeout_minutes: 10, inactivity_message: 'New words.' });
  await page.clock.runFor(61_000);
  await pause(300); // the configuration request is real network
  await page.clock.runFor(TIMEOUT);
  assert.equal(await dialogShown(page), false, 'the new 10-minute timeout applies');
  await page.clock.runFor(10 * 60_000 - TIMEOUT - 61_000 - WARNING);
  assert.equal(await dialogShown(page), true);
  assert.equal(await page.textContent(`${DIALOG} .ls-idle-message`), 'New words.');

  setOptions({ inactivity_enabled: 0 });
  await page.keyboard.press('Escape');
  await page.clock.runFor(61_000);
  await pause(300);
  await page.clock.runFor(20 * 60_000);
  assert.equal(await dialogShown(page), false, 'switched off: no warning');
  assert.match(page.url(), /\/admin$/);
});

test('a sign-out due under the old settings is called off when the timeout was raised since the last refresh', async (t) => {
  const page = await staffPage(await clockContext(t));
  await startTimer(page);
  await page.clock.runFor(TIMEOUT - 20_000); // past the configuration refresh at one minute
  await pause(300);
  setOptions({ inactivity_timeout_minutes: 10 });
  const expiry = page.waitForResponse((r) => r.url().endsWith('/inactivity/expire/staff'));
  await page.clock.runFor(20_000); // the old timeout runs out before the page hears of the new one
  assert.equal((await (await expiry).json()).expired, false, 'the server refuses the expiry');
  await pause(300);
  assert.match(page.url(), /\/admin$/);
  assert.equal(await dialogShown(page), false);
  await page.clock.runFor(10 * 60_000 - TIMEOUT - WARNING - 1000);
  assert.equal(await dialogShown(page), false);
  await page.clock.runFor(1000);
  assert.equal(await dialogShown(page), true, 'the warning under the new timeout');
});
