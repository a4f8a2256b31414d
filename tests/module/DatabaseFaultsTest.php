<?php
/**
 * One MariaDB server and its faults (scripts/db restart / stop / start on the private server of the tests):
 * restarted while in use, the next request works (the extension's pool in the long-lived PHP worker drops its broken
 * connection and reconnects) with no PHP error; unreachable, the page is the stand-in's own database error, the
 * module adds no PHP error of its own and logs at most one clear "[login_security]" line per request.
 */

declare(strict_types=1);

final class DatabaseFaultsTest extends ModuleTestCase
{
    protected static function activeModules(): array
    {
        return ['login_security'];
    }

    private static function db_script(string $action): void
    {
        $process = proc_open([dirname(__DIR__, 2) . '/scripts/db', $action], [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        if (proc_close($process) !== 0) {
            throw new RuntimeException("scripts/db $action failed:\n$output");
        }
    }

    public function testARestartedDatabaseCostsNothingTheNextRequestWorks(): void
    {
        $this->assertSame(303, $this->loginStaff('admin@example.com', 'Admin-demo-1')->status);
        $this->assertSame(200, $this->get('admin/')->status);
        $this->assertSame(200, $this->get('admin/login_security/sessions')->status, 'the extension has a pooled connection now');

        self::db_script('restart');

        $this->assertSame(200, $this->get('admin/')->status, 'the first request after the restart');
        $this->assertSame(200, $this->get('admin/login_security/sessions')->status);
        // tearDown: no PHP error and no "[login_security]" line in the server's log
        $this->assertSame([], array_values(preg_grep('/\[login_security\]/', explode("\n", $this->serverLog()))));
    }

    public function testAnUnreachableDatabaseShowsTheAppsOwnErrorAndTheModuleAddsNoFatal(): void
    {
        $server = self::startServer();
        $browser = $this->browser('other', $server);
        $this->assertSame(303, $browser->loginStaff('admin@example.com', 'Admin-demo-1')->status);
        $this->assertSame(200, $browser->get($server->url('admin/'))->status);
        clearstatcache();
        $offset = (int) filesize($server->logPath());

        self::db_script('stop');
        try {
            $statuses = [];
            foreach (['admin/', 'admin/authentication', 'admin/login_security/sessions'] as $path) {
                $statuses[$path] = $browser->get($server->url($path))->status;
            }
            $login = $this->browser('fresh', $server)->loginStaff('admin@example.com', 'Admin-demo-1');
            $statuses['login POST'] = $login->status;
        } finally {
            self::db_script('start');
        }
        clearstatcache();
        $log = explode("\n", (string) file_get_contents($server->logPath(), false, null, $offset));
        $errors = array_values(preg_grep('/PHP (Fatal error|Parse error|Warning|Notice|Deprecated)/', $log));
        $ours = array_values(preg_grep('/\[login_security\]/', $log));
        fwrite(STDERR, "\n[faults] database stopped: statuses " . json_encode($statuses) . '; PHP errors logged: ' . count($errors)
            . ' (' . implode(' | ', array_map(fn ($l) => substr((string) preg_replace('/^\[[^\]]*\] /', '', $l), 0, 120), array_slice($errors, 0, 2))) . ')'
            . "; module lines: " . count($ours) . ' (' . implode(' | ', array_map(fn ($l) => substr((string) preg_replace('/^\[[^\]]*\] /', '', $l), 0, 160), array_slice($ours, 0, 2))) . ")\n");

        foreach ($statuses as $what => $status) {
            $this->assertSame(500, $status, "$what: the app's own database error");
        }
        foreach ($errors as $line) {
            $this->assertStringNotContainsString('php-module', $line, 'no PHP error from the module');
            $this->assertStringNotContainsString('LoginSecurity', $line, 'no PHP error from the extension');
        }
        $this->assertLessThanOrEqual(count($statuses), count($ours), 'at most one module line per request');
        foreach ($ours as $line) {
            $this->assertMatchesRegularExpression('/\[login_security\] \w+ failed: .*database error/', $line);
        }

        // The stand-in answered the failed requests with a new session cookie (its session handler could not read
        // the old one), so this browser is signed out: a new login must work.
        $again = $this->browser('again', $server);
        $this->assertSame($server->url('admin/'), $again->loginStaff('admin@example.com', 'Admin-demo-1')->location(), 'the database is back: a login works');
        $this->assertSame(200, $again->get($server->url('admin/'))->status);
    }
}
