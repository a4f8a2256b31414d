<?php
/**
 * The per-request session check (issue 4), measured in one PHP process with the extension loaded:
 *   floor    a bare indexed SELECT of the session row on an open mysqli connection (prepared once);
 *   ext      LoginSecurity\Sessions::check() on a page view whose last activity is not due (the common case: read only);
 *   php      the same check in plain PHP + mysqli: token validation and SHA-256, the same SELECT joined with the
 *            user's ban and their last password change (issue 9), the same decision (ended > password changed >
 *            banned > idle > active);
 *   ext-pw   check() with the password rule off (the SELECT without the user joins: what issue 4 measured);
 *   ext+w    check() with activity due (last activity older than a minute): the SELECT plus the UPDATE of last_seen;
 *   php+w    the plain-PHP check with the same UPDATE.
 * Targets: ext within 1.25x of the floor, and not slower than php.
 *
 *   . scripts/env.sh && php -d extension=$EXT_DEBUG tests/bench/session_check.php [iterations per round] [rounds]
 *
 * Database: <LS_DB_NAME>_bench_check (default perfex_bench_check), its tables created here; 20 000 other sessions and 2 000
 * bans make the indexes realistic. Times are the median (and best) over rounds of the mean per call, in microseconds;
 * the ratios use the medians. Run it on a quiet machine: other load moves every figure.
 */

declare(strict_types=1);

if (!extension_loaded('login_security')) {
    fwrite(STDERR, "load the extension: php -d extension=\$EXT_DEBUG tests/bench/session_check.php\n");
    exit(1);
}
$iterations = (int) ($argv[1] ?? 2000);
$rounds     = (int) ($argv[2] ?? 7);
$env        = static fn (string $name, string $default): string => getenv($name) !== false && getenv($name) !== '' ? (string) getenv($name) : $default;
$database   = $env('LS_DB_NAME', 'perfex') . '_bench_check'; // its own: the HTTP benches put the stand-in's tables in _bench
$config     = ['host' => $env('LS_DB_HOST', '127.0.0.1'), 'port' => (int) $env('LS_DB_PORT', '33306'), 'user' => $env('LS_DB_USER', 'perfex'),
    'password' => $env('LS_DB_PASSWORD', 'perfex-demo-pw'), 'database' => $database, 'prefix' => 'tbl'];

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$db = new mysqli($config['host'], $config['user'], $config['password'], '', $config['port']);
$db->query("CREATE DATABASE IF NOT EXISTS `$database` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
$db->select_db($database);
$store = new LoginSecurity\Store($config);
$store->migrate();
$sessions = new LoginSecurity\Sessions($config);
$db->query('DELETE FROM tbllogin_security_sessions');
$db->query('DELETE FROM tbllogin_security_bans');
// Perfex's user tables, reduced to what the check reads (issue 9: last_password_change).
$db->query('CREATE TABLE IF NOT EXISTS tblstaff (staffid INT PRIMARY KEY, last_password_change DATETIME NULL)');
$db->query('CREATE TABLE IF NOT EXISTS tblcontacts (id INT PRIMARY KEY, last_password_change DATETIME NULL)');
$db->query('DELETE FROM tblstaff');
$db->query('DELETE FROM tblcontacts');
$db->query('INSERT INTO tblstaff SELECT seq, NOW() - INTERVAL 1 DAY FROM seq_1_to_25000');
$db->query('INSERT INTO tblcontacts SELECT seq, NULL FROM seq_1_to_25000');

// Other users' sessions and bans, so that the indexes hold more than one row.
$now = time();
for ($batch = 0; $batch < 20; $batch++) {
    $values = [];
    for ($i = 0; $i < 1000; $i++) {
        $values[] = sprintf("(UNHEX('%s'), '%s', %d, '', %d, %d)", hash('sha256', random_bytes(16)), $i % 3 ? 'staff' : 'contact',
            1000 + $batch * 1000 + $i, $now - 3600, $now - random_int(0, 3600));
    }
    $db->query('INSERT INTO tbllogin_security_sessions (token_hash, user_type, user_id, method, created_at, last_seen) VALUES ' . implode(',', $values));
}
$values = [];
for ($i = 0; $i < 2000; $i++) {
    $values[] = sprintf("('staff', %d, %d, '', '', %d)", 5000 + $i * 7, $now + 600, $now);
}
$db->query('INSERT INTO tbllogin_security_bans (user_type, user_id, until, reason, created_by, created_at) VALUES ' . implode(',', $values));

$token = $sessions->login('staff', 1, 'form', '', '203.0.113.7', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')['token'];
$hash  = hash('sha256', $token, true);

/** The plain-PHP check: what the extension does, with mysqli. */
final class PlainCheck
{
    private mysqli_stmt $select;
    private mysqli_stmt $touch;

    public function __construct(mysqli $db)
    {
        $this->select = $db->prepare('SELECT s.ended_at, s.end_reason, s.last_seen, b.until, s.created_at, s.password_seen, '
            . "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', COALESCE(st.last_password_change, ct.last_password_change)) FROM tbllogin_security_sessions s "
            . 'LEFT JOIN tbllogin_security_bans b ON b.user_type = s.user_type AND b.user_id = s.user_id AND b.until > ? '
            . "LEFT JOIN tblstaff st ON s.user_type = 'staff' AND st.staffid = s.user_id LEFT JOIN tblcontacts ct ON s.user_type = 'contact' AND ct.id = s.user_id "
            . 'WHERE s.token_hash = ?');
        $this->touch = $db->prepare('UPDATE tbllogin_security_sessions SET last_seen = ? WHERE token_hash = ?');
    }

    /** @return array<string, mixed> */
    public function check(string $token, ?int $idleLimit, bool $activity): array
    {
        if (strlen($token) !== 64 || !ctype_xdigit($token)) {
            return ['state' => 'unknown'];
        }
        $hash = hash('sha256', $token, true);
        $now  = time();
        $this->select->bind_param('is', $now, $hash);
        $this->select->execute();
        $row = $this->select->get_result()->fetch_row();
        if ($row === null) {
            return ['state' => 'unknown'];
        }
        [$endedAt, $reason, $lastSeen, $bannedUntil, $startedAt, $passwordSeen, $passwordChanged] = $row;
        if ($endedAt !== null) {
            return ['state' => 'ended', 'reason' => $reason, 'started_at' => $startedAt];
        }
        if ($passwordChanged !== null && $passwordChanged - (int) date('Z') > max($startedAt, $passwordSeen)) {
            return ['state' => 'password_changed', 'started_at' => $startedAt];
        }
        if ($bannedUntil !== null && $bannedUntil > $now) {
            return ['state' => 'banned', 'until' => $bannedUntil, 'started_at' => $startedAt];
        }
        if ($idleLimit !== null && $idleLimit > 0 && $now - $lastSeen > $idleLimit) {
            return ['state' => 'idle', 'started_at' => $startedAt];
        }
        if ($activity && $now - $lastSeen >= 60) {
            $this->touch->bind_param('is', $now, $hash);
            $this->touch->execute();
        }

        return ['state' => 'active', 'started_at' => $startedAt];
    }
}

$plain = new PlainCheck($db);
$floor = $db->prepare('SELECT last_seen FROM tbllogin_security_sessions WHERE token_hash = ?');
$ageLastSeen = $db->prepare('UPDATE tbllogin_security_sessions SET last_seen = ? WHERE token_hash = ?');

/** Mean microseconds per call of $call over $n calls; $before runs untimed before each call. */
$measure = static function (int $n, callable $call, ?callable $before = null): float {
    $total = 0;
    for ($i = 0; $i < $n; $i++) {
        if ($before !== null) {
            $before();
        }
        $t = hrtime(true);
        $call();
        $total += hrtime(true) - $t;
    }

    return $total / $n / 1000;
};
$age = static function () use ($ageLastSeen, $hash): void {
    $old = time() - 120;
    $ageLastSeen->bind_param('is', $old, $hash);
    $ageLastSeen->execute();
};
$cases = [
    'floor' => [static function () use ($floor, $hash): void {
        $floor->bind_param('s', $hash);
        $floor->execute();
        $floor->get_result()->fetch_row();
    }, null],
    'ext'   => [static fn () => $sessions->check($token, null, false, null, null, (int) date('Z')), null],
    'php'   => [static fn () => $plain->check($token, null, false), null],
    'ext-pw' => [static fn () => $sessions->check($token, null, false), null],
    'ext+w' => [static fn () => $sessions->check($token, null, true, null, null, (int) date('Z')), $age],
    'php+w' => [static fn () => $plain->check($token, null, true), $age],
];

// Both sides must decide the same.
$age();
$a = $sessions->check($token, null, true, null, null, (int) date('Z'));
$age();
$b = $plain->check($token, null, true);
if ($a['state'] !== 'active' || $b['state'] !== 'active' || (int) $a['started_at'] !== (int) $b['started_at']) {
    fwrite(STDERR, 'the two checks disagree: ' . json_encode([$a, $b]) . "\n");
    exit(1);
}

foreach ($cases as [$call, $before]) { // warm-up: connections, prepared statements, caches
    $measure(200, $call, $before);
}
$results = array_fill_keys(array_keys($cases), []);
for ($round = 0; $round < $rounds; $round++) {
    foreach ($cases as $name => [$call, $before]) { // interleaved, so drift hits every case alike
        $results[$name][] = $measure($iterations, $call, $before);
    }
}
$median = static function (array $values): float {
    sort($values);

    return $values[intdiv(count($values), 2)];
};
$us = array_map($median, $results);

printf("session check, %d rounds x %d calls, per-round means in µs per call (median, best), MariaDB %s over TCP\n", $rounds, $iterations, $db->server_info);
foreach ($us as $name => $value) {
    printf("  %-6s %8.1f µs   (best %6.1f)\n", $name, $value, min($results[$name]));
}
printf("ext / floor   = %.2fx  (target <= 1.25x)\n", $us['ext'] / $us['floor']);
printf("ext / php     = %.2fx  (target <= 1.00x)\n", $us['ext'] / $us['php']);
printf("php / floor   = %.2fx  (the same check in plain PHP: what the ban join and the decision cost over the floor)\n", $us['php'] / $us['floor']);
printf("ext+w / php+w = %.2fx\n", $us['ext+w'] / $us['php+w']);
printf("writing last activity adds %.1f µs to the extension's check (%.1f µs in plain PHP); at most every sixtieth of the shortest idle rule, 1 to 60 s, per session\n",
    $us['ext+w'] - $us['ext'], $us['php+w'] - $us['php']);

$db->query('DELETE FROM tbllogin_security_sessions');
$db->query('DELETE FROM tbllogin_security_bans');
