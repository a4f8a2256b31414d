<?php
/**
 * What the module adds to an admin page, with opcache off and on (issue 11): the stand-in's dashboard (/admin) for a
 * logged-in administrator, the module active against the module inactive (tblmodules.active), alternated within
 * each round; ROUNDS rounds of N requests each, one PHP worker (php -S), the extension loaded in both cases. The
 * module's own pages (the Login Log, Sessions, the settings tab) are timed too, module active.
 *
 * Several checkouts can be measured in the same run (e.g. the code before a change, with its own build):
 *
 *   . scripts/env.sh && php tests/bench/admin_page.php [--rounds=3] [--requests=25] [LABEL=CHECKOUT:EXTENSION ...]
 *
 * Without a LABEL argument it measures this checkout with $EXT_RELEASE (or LS_EXTENSION). Each checkout gets its own
 * database (<LS_DB_NAME>_pages_<label>), reset by that checkout's tests/standin/bin/reset.php.
 */

declare(strict_types=1);

$root = dirname(__DIR__, 2);
require __DIR__ . '/standin.php';

$rounds   = 3;
$requests = 25;
$targets  = [];
foreach (array_slice($argv, 1) as $arg) {
    if (preg_match('/^--rounds=(\d+)$/', $arg, $m)) {
        $rounds = max(1, (int) $m[1]);
    } elseif (preg_match('/^--requests=(\d+)$/', $arg, $m)) {
        $requests = max(5, (int) $m[1]);
    } elseif (preg_match('/^([a-z0-9_]+)=([^:]+):(.+)$/', $arg, $m)) {
        $targets[$m[1]] = ['root' => realpath($m[2]) ?: $m[2], 'extension' => $m[3]];
    } else {
        fwrite(STDERR, "unknown argument $arg\n");
        exit(2);
    }
}
if ($targets === []) {
    $targets['this'] = ['root' => $root, 'extension' => (string) (getenv('LS_EXTENSION') ?: "$root/target/release/liblogin_security.so")];
}
foreach ($targets as $label => $target) {
    foreach (["{$target['root']}/tests/standin/public/index.php", $target['extension']] as $file) {
        if (!is_file($file)) {
            fwrite(STDERR, "$label: $file does not exist\n");
            exit(1);
        }
    }
}

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$db = new mysqli(getenv('LS_DB_HOST') ?: '127.0.0.1', (string) getenv('LS_DB_USER'), (string) getenv('LS_DB_PASSWORD'), '', (int) getenv('LS_DB_PORT'));

/** Starts php -S on a free port for a checkout; returns [pid-holding process, port]. */
$serve = static function (array $target, string $database, bool $opcache): array {
    $port    = StandinServer::freePort();
    $public  = $target['root'] . '/tests/standin/public';
    $command = [PHP_BINARY, '-d', 'extension=' . $target['extension'], '-d', 'mysqli.default_port=' . getenv('LS_DB_PORT'),
        '-d', 'display_errors=0', '-d', 'log_errors=0', '-d', 'opcache.enable=' . (int) $opcache, '-d', 'opcache.enable_cli=' . (int) $opcache,
        '-S', "127.0.0.1:$port", '-t', $public, "$public/index.php"];
    $env     = array_merge(getenv(), ['LS_DB_NAME' => $database, 'STANDIN_MODULES_DIR' => $target['root'] . '/php-module']);
    unset($env['PHP_CLI_SERVER_WORKERS']);
    $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, $env);
    for ($i = 0; $i < 100; $i++) {
        if (@fsockopen('127.0.0.1', $port) !== false) {
            return [$process, $port];
        }
        usleep(100000);
    }
    throw new RuntimeException("php -S did not start on $port");
};

$median = static function (array $values): float {
    sort($values);
    return $values[intdiv(count($values), 2)];
};

/** Mean milliseconds of $n GETs of $path (each must answer 200). */
$time = static function (StandinBrowser $browser, string $path, int $n): float {
    $start = hrtime(true);
    for ($i = 0; $i < $n; $i++) {
        $status = $browser->get($path)->status;
        if ($status !== 200) {
            throw new RuntimeException("GET $path answered $status");
        }
    }
    return (hrtime(true) - $start) / 1e6 / $n;
};

$pages = ['Login Log' => '/admin/login_security', 'Sessions' => '/admin/login_security/sessions', 'settings tab' => '/admin/settings?group=login_security'];
printf("%d rounds x %d requests, one php -S worker; ms per request (median of the rounds' means)\n", $rounds, $requests);
printf("%-8s %-8s %12s %12s %8s %9s   %s\n", 'code', 'opcache', 'module off', 'module on', 'ratio', 'added', 'module pages (ms)');
foreach ($targets as $label => $target) {
    $database = (getenv('LS_DB_NAME') ?: 'perfex') . '_pages_' . $label;
    $db->query("CREATE DATABASE IF NOT EXISTS `$database` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    passthru('LS_DB_NAME=' . escapeshellarg($database) . ' STANDIN_MODULES_DIR=' . escapeshellarg($target['root'] . '/php-module') . ' '
        . implode(' ', array_map('escapeshellarg', [PHP_BINARY, '-d', 'extension=' . $target['extension'], '-d', 'mysqli.default_port=' . getenv('LS_DB_PORT'),
        $target['root'] . '/tests/standin/bin/reset.php', '--activate=login_security'])) . ' >/dev/null', $status);
    if ($status !== 0) {
        fwrite(STDERR, "$label: reset.php failed\n");
        exit(1);
    }
    $db->select_db($database);
    $active = static function (bool $on) use ($db): void {
        $db->execute_query('UPDATE tblmodules SET active = ? WHERE module_name = ?', [(int) $on, 'login_security']);
    };
    foreach ([false, true] as $opcache) {
        $active(true);
        [$process, $port] = $serve($target, $database, $opcache);
        try {
            $browser = new StandinBrowser("http://127.0.0.1:$port/");
            $browser->loginStaff('admin@example.com', 'Admin-demo-1');
            $samples = ['off' => [], 'on' => []];
            $own     = array_fill_keys(array_keys($pages), []);
            for ($round = 0; $round < $rounds; $round++) {
                foreach (['on', 'off'] as $state) {
                    $active($state === 'on');
                    $time($browser, '/admin', 3); // warm: the first requests after a switch
                    $samples[$state][] = $time($browser, '/admin', $requests);
                }
                $active(true);
                foreach ($pages as $name => $path) {
                    $time($browser, $path, 2);
                    $own[$name][] = $time($browser, $path, $requests);
                }
            }
            $off = $median($samples['off']);
            $on  = $median($samples['on']);
            printf("%-8s %-8s %12.2f %12.2f %7.2fx %+8.2f   %s\n", $label, $opcache ? 'on' : 'off', $off, $on, $on / $off, $on - $off,
                implode(', ', array_map(static fn ($name) => sprintf('%s %.1f', $name, $median($own[$name])), array_keys($pages))));
        } finally {
            proc_terminate($process);
            proc_close($process);
        }
    }
}
