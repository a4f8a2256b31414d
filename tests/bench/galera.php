<?php
/**
 * The lockout claim and the per-request session check on the three-node Galera cluster against the single server,
 * in one PHP process with the extension loaded (one "app server" on node 1, nothing else running):
 *   claim     LoginSecurity\Store::claimLogin() for a new account and IP each time (the rows are created, counted
 *             and written in one transaction: on the cluster that is one replication and certification per write);
 *   check     LoginSecurity\Sessions::check() on a page view whose last activity is not due (read only);
 *   check+w   check() with activity due: the SELECT plus the UPDATE of last_seen;
 *   select    a bare indexed SELECT by mysqli, wsrep_sync_wait = 0 (what a read costs without causality) …
 *   select/sw … and with wsrep_sync_wait = 1 (what the extension's connections use: reads wait for the node to
 *             have applied what the cluster committed before).
 *
 *   php -d extension=$EXT_RELEASE tests/bench/galera.php SINGLE_PORT CLUSTER_PORT [iterations] [rounds]
 *
 * Times: median (best) over rounds of the mean per call, in microseconds; ratios cluster / single use the medians.
 */

declare(strict_types=1);

if (!extension_loaded('login_security') || $argc < 3) {
    fwrite(STDERR, "usage: php -d extension=\$EXT_RELEASE tests/bench/galera.php SINGLE_PORT CLUSTER_PORT [iterations] [rounds]\n");
    exit(1);
}
$targets    = ['single' => (int) $argv[1], 'cluster' => (int) $argv[2]];
$iterations = (int) ($argv[3] ?? 300);
$rounds     = (int) ($argv[4] ?? 5);
$env        = static fn (string $name, string $default): string => getenv($name) !== false && getenv($name) !== '' ? (string) getenv($name) : $default;
$database   = $env('LS_DB_NAME', 'perfex') . '_bench';
mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);

$measure = static function (int $n, callable $call, ?callable $before = null): float {
    $total = 0;
    for ($i = 0; $i < $n; $i++) {
        if ($before !== null) {
            $before();
        }
        $t = hrtime(true);
        $call($i);
        $total += hrtime(true) - $t;
    }
    return $total / $n / 1000;
};

$results = [];
$run = 0;
foreach ($targets as $name => $port) {
    $config = ['host' => $env('LS_DB_HOST', '127.0.0.1'), 'port' => $port, 'user' => $env('LS_DB_USER', 'perfex'),
        'password' => $env('LS_DB_PASSWORD', 'perfex-demo-pw'), 'database' => $database, 'prefix' => 'tbl'];
    $db = new mysqli($config['host'], $config['user'], $config['password'], '', $port);
    $db->query("CREATE DATABASE IF NOT EXISTS `$database` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    $db->select_db($database);
    $store = new LoginSecurity\Store($config);
    $store->migrate();
    $sessions = new LoginSecurity\Sessions($config);
    $db->query('DELETE FROM tbllogin_security_attempts');
    $db->query('DELETE FROM tbllogin_security_sessions');
    $token = $sessions->login('staff', 1, 'form', '', '203.0.113.7', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')['token'];
    $hash = hash('sha256', $token, true);
    $age = $db->prepare('UPDATE tbllogin_security_sessions SET last_seen = ? WHERE token_hash = ?');
    $floor = $db->prepare('SELECT last_seen FROM tbllogin_security_sessions WHERE token_hash = ?');
    $select = static function () use ($floor, $hash): void {
        $floor->bind_param('s', $hash);
        $floor->execute();
        $floor->get_result()->fetch_row();
    };
    $cases = [
        'claim'     => [static function (int $i) use ($store, &$run): void {
            $store->claimLogin('staff', "bench-$run-$i@example.com", sprintf('10.%d.%d.%d', $run % 250, intdiv($i, 250) % 250, $i % 250), []);
        }, null],
        'check'     => [static fn () => $sessions->check($token, null, false), null],
        'check+w'   => [static fn () => $sessions->check($token, null, true), static function () use ($age, $hash): void {
            $old = time() - 120;
            $age->bind_param('is', $old, $hash);
            $age->execute();
        }],
        'select'    => [$select, static fn () => null, 0],
        'select/sw' => [$select, static fn () => null, 1],
    ];
    foreach ($cases as $case => $spec) {
        $db->query('SET SESSION wsrep_sync_wait = ' . ($spec[2] ?? 0));
        $times = [];
        for ($r = 0; $r < $rounds; $r++) {
            $run++;
            $times[] = $measure($iterations, $spec[0], $spec[1]);
        }
        sort($times);
        $results[$case][$name] = [$times[intdiv(count($times), 2)], $times[0]];
    }
    $db->close();
}

printf("%-10s %22s %22s %8s\n", 'µs/call', 'single (best)', 'cluster (best)', 'ratio');
foreach ($results as $case => $by) {
    printf("%-10s %14.1f (%5.1f) %14.1f (%5.1f) %7.2fx\n", $case, $by['single'][0], $by['single'][1], $by['cluster'][0], $by['cluster'][1],
        $by['cluster'][0] / $by['single'][0]);
}
printf("(%d calls a round, %d rounds; the cluster is three nodes on this machine's loopback, the app server on node 1)\n", $iterations, $rounds);
