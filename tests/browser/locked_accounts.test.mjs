// Login attempts (issue 3): the Locked accounts page in Chromium. Accounts are locked over HTTP first (wrong
// passwords at the login form), then an admin re-enables them in the UI: one row by its own button, the others with
// "select all" and the confirmed bulk button.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { launch, loginStaff, screenshot, startStandin } from './lib.mjs';

let standin;
let browser;

before(async () => {
  standin = await startStandin();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  standin?.stop();
});

/** One wrong-password login POST, as a separate client with its own CSRF cookie/field pair. */
async function failLogin(email) {
  const token = randomBytes(16).toString('hex');
  const response = await fetch(`${standin.base}/admin/authentication`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `csrf_cookie_name=${token}` },
    body: new URLSearchParams({ email, password: 'wrong-password', csrf_token_name: token }),
  });
  assert.equal(response.status, 303);
}

async function lock(email) {
  for (let i = 0; i < 3; i++) await failLogin(email);
}

test('a locked account is listed and re-enabling it in the UI removes it', async () => {
  await lock('STAFF@exämple.com');
  await lock('ghost@example.com');
  await lock('other-ghost@example.com');

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await loginStaff(page, standin.base, 'admin@example.com', 'Admin-demo-1');
  await page.goto(`${standin.base}/admin/login_security/locked_accounts`);

  // Counters are kept per account (staff@example.com is staff member 2), whatever spelling was typed.
  const staffRow = page.locator('tr[data-key="staff:2"]');
  await staffRow.waitFor();
  assert.match(await staffRow.innerText(), /Sam Staff/);
  assert.match(await staffRow.innerText(), /staff@example\.com/);
  assert.match(await staffRow.innerText(), /127\.0\.0\.1/);
  assert.equal(await page.locator('#login-security-locked-table tbody tr[data-key]').count(), 3);
  await screenshot(page, 'locked_accounts');

  await Promise.all([page.waitForNavigation(), staffRow.getByRole('button', { name: 'Re-enable' }).click()]);

  assert.equal(await page.locator('tr[data-key="staff:2"]').count(), 0);
  assert.match(await page.locator('.alert-success').innerText(), /Re-enabled: staff@example\.com/);
  assert.equal(await page.locator('#login-security-locked-table tbody tr[data-key]').count(), 2);

  // Bulk: nothing checked → told so, nothing posted; then "select all" and confirm.
  const messages = [];
  page.on('dialog', (dialog) => { messages.push(dialog.message()); dialog.accept(); });
  await page.click('#login-security-reenable-selected');
  assert.match(messages.shift(), /Select at least one/);
  assert.equal(await page.locator('#login-security-locked-table tbody tr[data-key]').count(), 2);

  await page.check('#login-security-select-all');
  assert.equal(await page.locator('input.login-security-select:checked').count(), 2);
  await Promise.all([page.waitForNavigation(), page.click('#login-security-reenable-selected')]);
  assert.match(messages.shift(), /Re-enable the selected accounts/);
  assert.equal(await page.locator('#login-security-locked-table tbody tr[data-key]').count(), 0);
  assert.match(await page.locator('#login-security-locked-table tbody').innerText(), /No account or IP address is locked out/);
  await screenshot(page, 'locked_accounts_after_reenable');

  // The owner can log in again.
  const owner = await browser.newPage();
  await loginStaff(owner, standin.base, 'staff@example.com', 'Staff-demo-1');
  assert.match(owner.url(), /\/admin\/?$/);
  await owner.close();
  await page.close();
});
