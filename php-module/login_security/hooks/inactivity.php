<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Inactivity Logout in the browser: the warning script and its style on the pages of a logged-in user for whom the
 * feature is on (admin area: staff, customers area: contacts), configured through the data- attributes of one
 * hidden element. The server side of the rule is the per-request session check (hooks/sessions.php), which ends a
 * session idle for longer than Login_security_options::idleLimitSeconds().
 */

hooks()->add_action('app_admin_head', 'login_security_inactivity_admin_head');
hooks()->add_action('app_admin_footer', 'login_security_inactivity_admin_footer');
hooks()->add_action('app_customers_head', 'login_security_inactivity_customers_head');
hooks()->add_action('app_customers_footer', 'login_security_inactivity_customers_footer');

/** The user type whose warning this page carries: "staff" in the admin area, "contact" in the customers area, or null. */
function login_security_inactivity_page_user(bool $adminArea): ?string
{
    $userType = $adminArea ? \LoginSecurity\UserType::STAFF : \LoginSecurity\UserType::CONTACT;
    // "Login as client" is a staff member's session: their own admin pages watch it.
    $userId = $adminArea ? Login_security_session_context::staffId() : Login_security_session_context::contactId();

    return $userId > 0 && Login_security_options::inactivityAppliesTo($userType) ? $userType : null;
}

function login_security_inactivity_admin_head(): void
{
    login_security_inactivity_head(login_security_inactivity_page_user(true));
}

function login_security_inactivity_customers_head(): void
{
    login_security_inactivity_head(login_security_inactivity_page_user(false));
}

function login_security_inactivity_admin_footer(): void
{
    login_security_inactivity_footer(login_security_inactivity_page_user(true));
}

function login_security_inactivity_customers_footer(): void
{
    login_security_inactivity_footer(login_security_inactivity_page_user(false));
}

function login_security_inactivity_head(?string $userType): void
{
    if ($userType !== null) {
        echo '<link rel="stylesheet" type="text/css" href="'
            . e(login_security_asset_url('assets/css/inactivity_logout.css')) . '">' . PHP_EOL;
    }
}

function login_security_inactivity_footer(?string $userType): void
{
    if ($userType === null) {
        return;
    }
    $attributes = '';
    foreach (login_security_inactivity_page_config($userType) as $name => $value) {
        $attributes .= ' data-' . $name . '="' . e((string) $value) . '"';
    }
    echo '<div id="login-security-inactivity" hidden' . $attributes . '></div>' . PHP_EOL;
    foreach (['assets/js/inactivity_dialog.js', 'assets/js/inactivity_logout.js'] as $script) {
        echo '<script src="' . e(login_security_asset_url($script)) . '"></script>' . PHP_EOL;
    }
}

/**
 * What the script reads from its element (data-<name>): the rule, the endpoints and the texts.
 *
 * @return array<string, string|int>
 */
function login_security_inactivity_page_config(string $userType): array
{
    $staff    = $userType === \LoginSecurity\UserType::STAFF;
    $url      = static function (string $uri) use ($staff): string {
        return $staff ? admin_url($uri) : site_url($uri);
    };
    $security = get_instance()->security;

    return login_security_inactivity_rule($userType) + [
        'heartbeat-url'  => $url('login_security/inactivity/heartbeat'),
        'config-url'     => $url('login_security/inactivity/config/' . $userType),
        'expire-url'     => $url('login_security/inactivity/expire/' . $userType),
        'logout-url'     => $url('authentication/logout'),
        'login-url'      => $url($staff ? 'authentication' : 'authentication/login'),
        'csrf-name'      => $security->get_csrf_token_name(),
        'csrf-hash'      => $security->get_csrf_hash(),
        'title'          => _l('login_security_inactivity_title'),
        'stay-label'     => _l('login_security_inactivity_stay'),
        'sign-out-label' => _l('login_security_inactivity_sign_out'),
        'seconds-label'  => _l('login_security_inactivity_seconds'),
        'countdown'      => _l('login_security_inactivity_countdown', '%s'),
    ];
}

/**
 * The rule as the script applies it; also the answer of the config endpoint (controllers/Inactivity.php).
 *
 * @return array{enabled: int, timeout-seconds: int, warning-seconds: int, message: string}
 */
function login_security_inactivity_rule(string $userType): array
{
    $message = Login_security_options::inactivityMessage();

    return [
        'enabled'         => Login_security_options::inactivityAppliesTo($userType) ? 1 : 0,
        'timeout-seconds' => Login_security_options::inactivityTimeoutMinutes() * 60,
        'warning-seconds' => Login_security_options::inactivityWarningSeconds(),
        'message'         => $message !== '' ? $message : _l('login_security_inactivity_default_message'),
    ];
}

/** "You were signed out after N minutes of inactivity." for the current timeout. */
function login_security_inactivity_signed_out_message(): string
{
    $minutes = Login_security_options::inactivityTimeoutMinutes();

    return $minutes === 1 ? _l('login_security_inactivity_signed_out_one') : _l('login_security_inactivity_signed_out', (string) $minutes);
}
