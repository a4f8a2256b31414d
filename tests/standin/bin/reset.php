<?php
/**
 * Resets the stand-in's database: drops and recreates the Perfex tables (and every <prefix>login_security* table),
 * seeds the demo staff, customer, contacts and options, then activates the given modules the Perfex way.
 *
 *   php [-d extension=$LS_EXTENSION] tests/standin/bin/reset.php [--activate=login_security[,other]]
 *
 * Database settings: LS_DB_HOST/PORT/USER/PASSWORD/NAME (from scripts/env.sh when unset), STANDIN_DB_PREFIX,
 * STANDIN_MODULES_DIR. Safe to run again and again.
 */

declare(strict_types=1);

use Standin\Config;
use Standin\Core;
use Standin\Schema;
use Standin\Seed;

require dirname(__DIR__) . '/src/bootstrap.php';
require dirname(__DIR__) . '/src/Schema.php';
require dirname(__DIR__) . '/src/Seed.php';

Config::importProjectEnv();
if (getenv('LS_DB_PORT')) {
    ini_set('mysqli.default_port', (string) getenv('LS_DB_PORT'));
}
Config::defineConstants(null);

$options = getopt('', ['activate:']);
$activate = array_filter(explode(',', implode(',', (array) ($options['activate'] ?? []))));

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$db = new mysqli(APP_DB_HOSTNAME, APP_DB_USERNAME, APP_DB_PASSWORD, APP_DB_NAME, Config::dbPort());
$db->set_charset('utf8mb4');
Schema::recreate($db, APP_DB_PREFIX);
Seed::run($db, APP_DB_PREFIX);
$db->close();

Core::boot('');
$CI = new Core();
$CI->session->start($CI->db, false);
foreach ($activate as $module) {
    if (!$CI->app_modules->activate($module)) {
        fwrite(STDERR, "reset: no module \"$module\" in " . APP_MODULES_PATH . "\n");
        exit(1);
    }
}
echo 'reset: ' . APP_DB_NAME . ' (prefix ' . APP_DB_PREFIX . ') ready' . ($activate ? ', active: ' . implode(', ', $activate) : '') . "\n";
