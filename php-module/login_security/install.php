<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Activation: option defaults from the extension's settings schema (existing values are kept), then the extension
 * creates or upgrades its tables. Safe to run any number of times. Without the extension only the module's internal
 * options are added; the settings and the tables follow on the first admin page after the extension is installed
 * (hooks/maintenance.php).
 */

require_once __DIR__ . '/libraries/Login_security_options.php';
require_once __DIR__ . '/libraries/Login_security_gateway.php';

Login_security_options::addDefaults();

if (Login_security_gateway::instance()->migrate() !== null) {
    Login_security_options::set(Login_security_options::MIGRATED_VERSION, (string) Login_security_gateway::instance()->migrationTag());
}
