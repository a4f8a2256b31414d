<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Uninstall: drops the extension's tables and deletes every login_security_* option. Perfex includes this file
 * itself with the module inactive, so it loads what it needs.
 */

require_once __DIR__ . '/libraries/Login_security_options.php';
require_once __DIR__ . '/libraries/Login_security_gateway.php';

Login_security_gateway::instance()->dropSchema();
Login_security_options::deleteAll();
