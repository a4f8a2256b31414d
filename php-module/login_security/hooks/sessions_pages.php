<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Login sessions in the navigation and on the pages: the "Login Sessions" admin page and "My sessions" (staff
 * sidebar, customers-area menu), the signed-out notice on both login pages, and the pages' own CSS and JavaScript.
 * Loaded with or without the extension (the pages then say that protection is off).
 */

require_once __DIR__ . '/../libraries/Login_security_session_guard.php';
require_once __DIR__ . '/../libraries/Login_security_session_actions.php';

define('LOGIN_SECURITY_URI_SESSIONS', 'login_security/sessions');
define('LOGIN_SECURITY_URI_MY_SESSIONS', 'login_security/my_sessions');
/** Customers area: pass to site_url(). */
define('LOGIN_SECURITY_URI_CLIENT_SESSIONS', 'login_security/client_sessions');

hooks()->add_action('admin_init', 'login_security_sessions_menu');
hooks()->add_action('clients_init', 'login_security_sessions_theme_menu');
hooks()->add_action('after_admin_login_form_start', 'login_security_sessions_login_notice');
hooks()->add_action('clients_login_form_start', 'login_security_sessions_login_notice');
hooks()->add_action('app_admin_head', 'login_security_sessions_head_assets');
hooks()->add_action('app_customers_head', 'login_security_sessions_head_assets');
hooks()->add_action('app_admin_footer', 'login_security_sessions_footer_assets');
hooks()->add_action('app_customers_footer', 'login_security_sessions_footer_assets');

/** Whether the sessions pages' assets are on; their controllers switch them on (true) before they render. */
function login_security_sessions_assets(bool $enable = false): bool
{
    static $enabled = false;

    return $enabled = $enabled || $enable;
}

/** "Login Sessions" under Login Security (capability view); "My sessions" for every staff member. */
function login_security_sessions_menu(): void
{
    $menu = get_instance()->app_menu;
    $mine = ['name' => _l('login_security_my_sessions'), 'href' => admin_url(LOGIN_SECURITY_URI_MY_SESSIONS)];
    if (staff_can('view', LOGIN_SECURITY_CAPABILITY)) {
        $menu->add_sidebar_children_item('login_security', ['slug' => 'login_security_sessions', 'name' => _l('login_security_sessions'),
            'href' => admin_url(LOGIN_SECURITY_URI_SESSIONS), 'position' => 15]);
        $menu->add_sidebar_children_item('login_security', ['slug' => 'login_security_my_sessions', 'position' => 20] + $mine);
    } else {
        $menu->add_sidebar_menu_item('login_security_my_sessions', ['icon' => 'fa-solid fa-laptop', 'position' => 59] + $mine);
    }
}

function login_security_sessions_theme_menu(): void
{
    if (Login_security_session_context::contactId() > 0) {
        get_instance()->app_menu->add_theme_item('login_security_my_sessions',
            ['name' => _l('login_security_my_sessions'), 'href' => site_url(LOGIN_SECURITY_URI_CLIENT_SESSIONS), 'position' => 40]);
    }
}

/** Inside the login form: why the user was signed out, once. */
function login_security_sessions_login_notice(): void
{
    $message = Login_security_session_notice::take();
    echo $message === null ? '' : '<div class="alert alert-warning" role="alert" id="login-security-signed-out">' . e($message) . '</div>';
}

function login_security_sessions_head_assets(): void
{
    echo login_security_sessions_assets() ? login_security_asset_tag('assets/css/sessions.css') : '';
}

function login_security_sessions_footer_assets(): void
{
    echo login_security_sessions_assets() ? login_security_asset_tag('assets/js/sessions.js') : '';
}

/** Ends a request that is not a POST with 405 (actions change state: POST with the CSRF token only). */
function login_security_sessions_require_post(): void
{
    if (get_instance()->input->method() !== 'post') {
        http_response_code(405);
        header('Allow: POST');
        echo e(_l('login_security_post_only'));
        exit;
    }
}
