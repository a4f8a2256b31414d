// Shared set-up of the browser tests: the stand-in with the module active and the extension loaded, served on a
// free loopback port against the <LS_DB_NAME>_browser database, and Debian's Chromium driven by playwright-core.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const artifacts = join(here, 'artifacts');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** The environment of the stand-in: the project's database settings with the browser tests' own database. */
function standinEnv(extra = {}) {
  const out = execFileSync('bash', ['-c', `. "${root}/scripts/env.sh" && env`], { encoding: 'utf8' });
  const env = { ...process.env };
  for (const line of out.split('\n')) {
    const m = /^(LS_[A-Z_]+)=(.*)$/.exec(line);
    if (m && process.env[m[1]] === undefined) env[m[1]] = m[2];
  }
  env.LS_DB_NAME = `${env.LS_DB_NAME}_browser`;
  if (!env.LS_EXTENSION) throw new Error('LS_EXTENSION must name the built login_security .so (scripts/test sets it)');
  return { ...env, ...extra };
}

/**
 * Resets the database (demo staff and contacts, module active) and serves the stand-in.
 * Returns { base, env, stop() }. `env` may carry STANDIN_* settings.
 */
export async function startStandin({ workers = 1, env: extra = {} } = {}) {
  const env = standinEnv(extra);
  // The project's user may create databases named perfex_* (scripts/db grants it); no root needed.
  execFileSync('mariadb', ['--no-defaults', '-h', env.LS_DB_HOST, '-P', env.LS_DB_PORT, '-u', env.LS_DB_USER,
    `-p${env.LS_DB_PASSWORD}`, '-e',
    `CREATE DATABASE IF NOT EXISTS \`${env.LS_DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`], { env });
  execFileSync('php', ['-d', `extension=${env.LS_EXTENSION}`, '-d', `mysqli.default_port=${env.LS_DB_PORT}`,
    `${root}/tests/standin/bin/reset.php`, '--activate=login_security'], { env, stdio: 'pipe' });
  const port = await freePort();
  execFileSync(`${root}/tests/standin/bin/serve`, ['start', String(port), String(workers)], { env, stdio: 'pipe' });
  return {
    base: `http://127.0.0.1:${port}`,
    env,
    stop: () => execFileSync(`${root}/tests/standin/bin/serve`, ['stop', String(port)], { env, stdio: 'pipe' }),
  };
}

/** Debian's Chromium, headless, with the flags this machine needs. Fails (never skips) when it is missing. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Logs a staff member in through the admin login form. */
export async function loginStaff(page, base, email, password) {
  await page.goto(`${base}/admin/authentication`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"], input[type="submit"]')]);
}

/** Saves a screenshot under tests/browser/artifacts/ (git-ignored) and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs SQL in the stand-in's database as the project user (over TCP: works from any checkout). */
export function sql(env, statement) {
  return execFileSync('mariadb', ['--no-defaults', '-h', env.LS_DB_HOST, '-P', env.LS_DB_PORT, '-u', env.LS_DB_USER,
    `-p${env.LS_DB_PASSWORD}`, '-N', '-B', env.LS_DB_NAME, '-e', statement], { env, encoding: 'utf8' });
}
