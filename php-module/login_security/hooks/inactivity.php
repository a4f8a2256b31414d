<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Inactivity Logout in the browser: the warning script and its style on the pages of a logged-in user for whom the
 * feature is on (admin area: staff, customers area: contacts), configured through the data- attributes of one
 * hidden element. The server side of the rule is the per-request session check (hooks/sessions.php), which ends a
 * session idle for longer than Login_security_options::idleLimitSeconds().
 */

hooks()->add_action('app_admin_head', static function (): void {
    login_security_inactivity_assets(true, true);
});
hooks()->add_action('app_admin_footer', static function (): void {
    login_security_inactivity_assets(true, false);
});
hooks()->add_action('app_customers_head', static function (): void {
    login_security_inactivity_assets(false, true);
});
hooks()->add_action('app_customers_footer', static function (): void {
    login_security_inactivity_assets(false, false);
});

/**
 * The warning's style (head) or, in the footer, its scripts and the element they read (data-<name>, "_" written "-"):
 * the rule, the endpoints and the texts.
 */
function login_security_inactivity_assets(bool $adminArea, bool $head): void
{
    $userType = $adminArea ? \LoginSecurity\UserType::STAFF : \LoginSecurity\UserType::CONTACT;
    // "Login as client" is a staff member's session: their own admin pages watch it.
    $userId = $adminArea ? Login_security_session_context::staffId() : Login_security_session_context::contactId();
    if ($userId <= 0 || !Login_security_options::inactivityAppliesTo($userType)) {
        return;
    }
    if ($head) {
        echo login_security_asset_tag('assets/css/inactivity_logout.css');

        return;
    }
    $url      = $adminArea ? 'admin_url' : 'site_url';
    $security = get_instance()->security;
    $config   = login_security_inactivity_rule($userType) + [
        'heartbeat-url'  => $url('login_security/inactivity/heartbeat'),
        'config-url'     => $url('login_security/inactivity/config/' . $userType),
        'expire-url'     => $url('login_security/inactivity/expire/' . $userType),
        'logout-url'     => $url('authentication/logout'),
        'login-url'      => $url($adminArea ? 'authentication' : 'authentication/login'),
        'csrf-name'      => $security->get_csrf_token_name(),
        'csrf-hash'      => $security->get_csrf_hash(),
        'title'          => _l('login_security_inactivity_title'),
        'stay-label'     => _l('login_security_inactivity_stay'),
        'sign-out-label' => _l('login_security_inactivity_sign_out'),
        'seconds-label'  => _l('login_security_inactivity_seconds'),
        'countdown'      => _l('login_security_inactivity_countdown', '%s'),
    ];
    $attributes = '';
    foreach ($config as $name => $value) {
        $attributes .= ' data-' . str_replace('_', '-', $name) . '="' . e(is_bool($value) ? (string) (int) $value : (string) $value) . '"';
    }
    echo '<div id="login-security-inactivity" hidden' . $attributes . '></div>' . PHP_EOL
        . login_security_asset_tag('assets/js/inactivity_dialog.js') . login_security_asset_tag('assets/js/inactivity_logout.js');
}

/**
 * The rule as saved now: the page's (above) and the config endpoint's (controllers/Inactivity.php). The warning is
 * shorter than the timeout.
 *
 * @return array{enabled: bool, timeout_seconds: int, warning_seconds: int, message: string}
 */
function login_security_inactivity_rule(string $userType): array
{
    $timeout = Login_security_options::number('inactivity_timeout_minutes') * 60;
    $message = Login_security_options::get('inactivity_message');

    return [
        'enabled'         => Login_security_options::inactivityAppliesTo($userType),
        'timeout_seconds' => $timeout,
        'warning_seconds' => min(Login_security_options::number('inactivity_warning_seconds'), $timeout - 1),
        'message'         => $message !== '' ? $message : _l('login_security_inactivity_default_message'),
    ];
}

/** "You were signed out after N minutes of inactivity." for the current timeout. */
function login_security_inactivity_signed_out_message(): string
{
    $minutes = Login_security_options::number('inactivity_timeout_minutes');

    return $minutes === 1 ? _l('login_security_inactivity_signed_out_one') : _l('login_security_inactivity_signed_out', (string) $minutes);
}
