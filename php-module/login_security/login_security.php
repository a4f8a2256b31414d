<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
Module Name: Login Security
Description: Login Log for staff and customer contacts (logins, logouts, failed attempts with IP, device, browser and OS), powered by the login_security PHP extension.
Version: 1.0.0
Requires at least: 3.0.*
Author: Login Security for Perfex CRM
*/

define('LOGIN_SECURITY_MODULE_NAME', 'login_security');
define('LOGIN_SECURITY_VERSION', '1.0.0');

/** Admin URIs (pass to admin_url()). */
define('LOGIN_SECURITY_URI_LOG', 'login_security');
define('LOGIN_SECURITY_URI_EXPORT', 'login_security/export');
define('LOGIN_SECURITY_URI_USERS', 'login_security/users');
define('LOGIN_SECURITY_URI_CLEAR', 'login_security/clear');
define('LOGIN_SECURITY_URI_LOCKED', 'login_security/locked_accounts');
define('LOGIN_SECURITY_URI_EXTENSION_STATUS', 'login_security/extension_status');

/** Staff capability feature and its capabilities. */
define('LOGIN_SECURITY_CAPABILITY', 'login_security');

require_once __DIR__ . '/libraries/Login_security_options.php';
require_once __DIR__ . '/libraries/Login_security_gateway.php';

Login_security_request::capture($_SERVER); // before Perfex's ip_address() can put a client's header in REMOTE_ADDR

// Then what protects logins (each hook maps a Perfex event to one extension call and applies its decision), or, without
// the extension, what says it is missing.
foreach (array_merge(['menu', 'settings', 'assets', 'maintenance', 'sessions_pages'], Login_security_gateway::instance()->isAvailable()
    ? ['lockout', 'lockout_notify', 'sessions', 'inactivity'] : ['extension_missing']) as $login_security_hooks) {
    require_once __DIR__ . '/hooks/' . $login_security_hooks . '.php';
}
unset($login_security_hooks);

register_activation_hook(LOGIN_SECURITY_MODULE_NAME, 'login_security_activate');
register_deactivation_hook(LOGIN_SECURITY_MODULE_NAME, 'login_security_deactivate');
register_uninstall_hook(LOGIN_SECURITY_MODULE_NAME, 'login_security_uninstall');
register_language_files(LOGIN_SECURITY_MODULE_NAME, [LOGIN_SECURITY_MODULE_NAME]);
register_cron_task('login_security_purge_expired_events');

hooks()->add_filter('module_' . LOGIN_SECURITY_MODULE_NAME . '_action_links', 'login_security_action_links');

/** Creates the options and the extension's tables; safe to run again. */
function login_security_activate(): void
{
    require __DIR__ . '/install.php';
}

/** Keeps tables and options, so that activating again resumes where it stopped; leaves a trace in the activity log. */
function login_security_deactivate(): void
{
    log_activity('Login Security module deactivated: logins are no longer recorded');
}

/**
 * Perfex includes uninstall.php itself (the init file of an inactive module is not loaded); this hook covers hosts
 * that fire uninstall_login_security_module with the module loaded. include_once keeps it to one run either way.
 */
function login_security_uninstall(): void
{
    include_once __DIR__ . '/uninstall.php';
}

/**
 * Setup → Modules: links next to Activate / Deactivate.
 *
 * @param array<int, string> $actions
 * @return array<int, string>
 */
function login_security_action_links($actions)
{
    $links = ['settings?group=' . Login_security_options::SETTINGS_TAB => 'login_security_settings_link', LOGIN_SECURITY_URI_LOG => 'login_security_log']
        + (is_admin() ? [LOGIN_SECURITY_URI_EXTENSION_STATUS => 'login_security_ext_status'] : []);
    foreach ($links as $uri => $label) {
        $actions[] = '<a href="' . e(admin_url($uri)) . '">' . e(_l($label)) . '</a>';
    }

    return $actions;
}
