<?php
/**
 * Login attempts (issue 3) over real HTTP against the stand-in (4 PHP workers, the extension loaded):
 *   1. the cost of the lockout check on the login POST: the same POST with lockouts on and off (the staff toggle),
 *      each a fresh client, alternated, median of N — for a wrong password, an unknown account and a correct login;
 *      plus the unknown / real account ratio (the dummy password check keeps it near 1: no user enumeration by timing);
 *   2. the attempts per second the stand-in sustains during a burst of 200 parallel login POSTs (each its own client):
 *      at one account and at 200 accounts from one IP, lockouts on (default settings) — and, for reference, off.
 *
 *   . scripts/env.sh && LS_EXTENSION=$EXT_DEBUG php tests/bench/lockout.php [N]
 *
 * Database: <LS_DB_NAME>_bench (default perfex_bench), reset by tests/standin/bin/reset.php.
 */

declare(strict_types=1);

$root = dirname(__DIR__, 2);
require __DIR__ . '/standin.php';
require $root . '/tests/module/LoginBurst.php';

$extension = (string) getenv('LS_EXTENSION');
if (!is_file($extension)) {
    fwrite(STDERR, "LS_EXTENSION must name the built login_security .so\n");
    exit(1);
}
$n        = max(5, (int) ($argv[1] ?? 31));
$database = (getenv('LS_DB_NAME') ?: 'perfex') . '_bench';
$env      = ['LS_DB_NAME' => $database];

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$db = new mysqli(getenv('LS_DB_HOST') ?: '127.0.0.1', (string) getenv('LS_DB_USER'), (string) getenv('LS_DB_PASSWORD'), '', (int) getenv('LS_DB_PORT'));
$db->query("CREATE DATABASE IF NOT EXISTS `$database` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
$db->select_db($database);
passthru('LS_DB_NAME=' . escapeshellarg($database) . ' ' . implode(' ', array_map('escapeshellarg', [PHP_BINARY, '-d', "extension=$extension", '-d', 'mysqli.default_port=' . getenv('LS_DB_PORT'),
    "$root/tests/standin/bin/reset.php", '--activate=login_security'])) . ' >/dev/null', $status);
if ($status !== 0) {
    fwrite(STDERR, "reset.php failed\n");
    exit(1);
}

$options = static function (array $values) use ($db): void {
    foreach ($values as $key => $value) {
        $db->execute_query('UPDATE tbloptions SET value = ? WHERE name = ?', [(string) $value, "login_security_$key"]);
    }
};
$clear = static function () use ($db): void {
    $db->query('DELETE FROM tbllogin_security_attempts');
    $db->query('DELETE FROM tbllogin_security_events');
};
$median = static function (array $values): float {
    sort($values);
    return $values[intdiv(count($values), 2)];
};

$server = StandinServer::start($env, 4);
try {
    $url = $server->url('admin/authentication');
    /** One login POST as a fresh client; milliseconds. */
    $post = static function (string $email, string $password) use ($url): float {
        $burst = LoginBurst::fire($url, [[$email, $password]]);
        return $burst['seconds'] * 1000;
    };
    // Warm every worker (extension pool, UA parser, opcache) before measuring.
    LoginBurst::fire($url, array_fill(0, 16, ['warm@example.com', 'x']));
    $options(['lockout_retries' => 100, 'lockout_ip_limit' => 10000]);

    $cases = [
        'wrong password' => ['staff@example.com', 'wrong-password'],
        'unknown account' => ['nobody@example.com', 'wrong-password'],
        'correct login' => ['staff@example.com', 'Staff-demo-1'],
    ];
    $times = [];
    for ($round = 0; $round < $n; $round++) {
        foreach ([1, 0] as $enabled) {
            $options(['lockout_staff_enabled' => $enabled]);
            foreach ($cases as $case => [$email, $password]) {
                $clear();
                $times[$case][$enabled][] = $post($email, $password);
            }
        }
    }
    printf("Lockout check on the staff login POST (median of %d, 4 workers, each POST a fresh client):\n", $n);
    foreach ($times as $case => $byState) {
        $on  = $median($byState[1]);
        $off = $median($byState[0]);
        printf("  %-16s lockouts on %6.1f ms, off %6.1f ms: ratio %.2f (+%.1f ms)\n", $case, $on, $off, $on / $off, $on - $off);
    }
    printf("  unknown / real account (wrong password, lockouts on): %.2f\n",
        $median($times['unknown account'][1]) / $median($times['wrong password'][1]));

    $options(['lockout_retries' => 3, 'lockout_ip_limit' => 20, 'lockout_staff_enabled' => 1]);
    $bursts = [
        'one account' => array_map(static fn ($i) => ['staff@example.com', "wrong-$i"], range(1, 200)),
        '200 accounts, one IP' => array_map(static fn ($i) => ["user$i@burst.example.com", 'guess'], range(1, 200)),
    ];
    echo "Burst of 200 parallel login POSTs (4 workers):\n";
    foreach ([1, 0] as $enabled) {
        $options(['lockout_staff_enabled' => $enabled]);
        foreach ($bursts as $name => $logins) {
            $clear();
            $burst   = LoginBurst::fire($url, $logins);
            $checked = (int) $db->query("SELECT COUNT(*) AS n FROM tbllogin_security_events WHERE event = 'failed' AND reason IN ('wrong_password', 'unknown_account')")->fetch_assoc()['n'];
            $ok      = count(array_filter($burst['statuses'], static fn ($s) => $s === 303));
            printf("  lockouts %-3s %-22s %6.2f s: %5.0f attempts/s; %d answered, passwords checked: %d\n",
                $enabled ? 'on' : 'off', $name, $burst['seconds'], 200 / $burst['seconds'], $ok, $checked);
        }
    }
} finally {
    $server->stop();
    $errors = preg_grep('/\[login_security\]|PHP (Fatal|Warning)/', explode("\n", (string) @file_get_contents($server->logPath())));
    printf("Server log: %d module or PHP errors%s\n", count($errors), $errors === [] ? '' : ":\n  " . implode("\n  ", array_slice($errors, 0, 5)));
    @unlink($server->logPath());
}
