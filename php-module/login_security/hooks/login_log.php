<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Login Log: translates Perfex's login and logout hooks into gateway events (failed attempts: hooks/lockout.php, which
 * records each with the lockout it caused in one call).
 *
 * Our own record of the current login lives in the PHP session, one key per user type (a staff member and a
 * contact may share one browser session): ['user_id', 'at' (unix time or null), 'event_id', 'method',
 * 'identifier']. before_*_login fires before Perfex sets its own session keys and the session id is not
 * regenerated at login, so setting ours there is safe. A logged-in user without our key arrived through the
 * remember-me cookie, for which Perfex fires no login hook: app_init is the first hook that sees it.
 */

define('LOGIN_SECURITY_SESSION_STAFF', 'login_security_login_staff');
define('LOGIN_SECURITY_SESSION_CONTACT', 'login_security_login_contact');

hooks()->add_action('before_staff_login', 'login_security_on_staff_login');
hooks()->add_action('before_client_login', 'login_security_on_contact_login');
hooks()->add_action('app_init', 'login_security_detect_remember_me');
hooks()->add_action('before_staff_logout', 'login_security_on_staff_logout');
hooks()->add_action('before_contact_logout', 'login_security_on_contact_logout');

/** @param array{email?: string, userid?: string|int} $data */
function login_security_on_staff_login($data): void
{
    $data    = is_array($data) ? $data : [];
    $staffId = (int) ($data['userid'] ?? 0);
    if ($staffId > 0) {
        login_security_start_login(Login_security_gateway::USER_STAFF, $staffId, login_security_staff_login_method($staffId), login_security_text($data['email'] ?? ''));
    }
}

/** @param array{email?: string, userid?: string|int, contact_user_id?: string|int} $data */
function login_security_on_contact_login($data): void
{
    $data      = is_array($data) ? $data : [];
    $contactId = (int) ($data['contact_user_id'] ?? 0);
    if ($contactId > 0) {
        login_security_start_login(Login_security_gateway::USER_CONTACT, $contactId, Login_security_gateway::METHOD_FORM, login_security_text($data['email'] ?? ''));
    }
}

/** With two-factor authentication on, before_staff_login fires on the code step, where Perfex keeps tfa_staffid. */
function login_security_staff_login_method(int $staffId): string
{
    $session = get_instance()->session;
    $onCodeStep = $session->has_userdata('_two_factor_auth_established')
        || (int) $session->userdata('tfa_staffid') === $staffId;

    return $onCodeStep ? Login_security_gateway::METHOD_TWO_FACTOR : Login_security_gateway::METHOD_FORM;
}

function login_security_detect_remember_me(): void
{
    if (is_staff_logged_in()) {
        login_security_adopt_session(Login_security_gateway::USER_STAFF, (int) get_staff_user_id());
    }
    // "Login as client" gives a staff member a contact session without any contact login: not the contact's login.
    if (is_client_logged_in() && !get_instance()->session->has_userdata('logged_in_as_client')) {
        login_security_adopt_session(Login_security_gateway::USER_CONTACT, (int) get_contact_user_id());
    }
}

/**
 * A logged-in user without our session key: a remember-me login when the autologin cookie came with the request;
 * otherwise a session older than the module (activated meanwhile), taken over without a login event.
 */
function login_security_adopt_session(string $userType, int $userId): void
{
    $marker = login_security_login_marker($userType);
    if ($userId <= 0 || ($marker !== null && $marker['user_id'] === $userId)) {
        return;
    }
    if (login_security_has_autologin_cookie()) {
        login_security_start_login($userType, $userId, Login_security_gateway::METHOD_REMEMBER_ME, '');

        return;
    }
    get_instance()->session->set_userdata(login_security_session_key($userType), [
        'user_id' => $userId, 'at' => null, 'event_id' => null, 'method' => null, 'identifier' => '',
    ]);
}

function login_security_has_autologin_cookie(): bool
{
    $prefix = defined('APP_COOKIE_PREFIX') ? (string) constant('APP_COOKIE_PREFIX') : '';

    return isset($_COOKIE[$prefix . 'autologin']) && $_COOKIE[$prefix . 'autologin'] !== '';
}

function login_security_start_login(string $userType, int $userId, string $method, string $identifier): void
{
    $now     = time();
    $eventId = Login_security_gateway::instance()->record([
        'event'      => Login_security_gateway::EVENT_LOGIN,
        'user_type'  => $userType,
        'user_id'    => $userId,
        'identifier' => $identifier,
        'method'     => $method,
        'at'         => $now,
    ]);
    // Set even when recording failed: the session is then not taken for a remember-me login on every request.
    get_instance()->session->set_userdata(login_security_session_key($userType), [
        'user_id' => $userId, 'at' => $now, 'event_id' => $eventId, 'method' => $method, 'identifier' => $identifier,
    ]);
}

/** @param int|string $staffId */
function login_security_on_staff_logout($staffId): void
{
    login_security_end_login(Login_security_gateway::USER_STAFF, (int) $staffId);
}

/**
 * Perfex passes the CUSTOMER id here; the contact comes from the session. The whole session is destroyed next,
 * so a staff member logged in the same session (or "logged in as" this client) is logged out as well.
 *
 * @param int|string $customerId
 */
function login_security_on_contact_logout($customerId): void
{
    if (!get_instance()->session->has_userdata('logged_in_as_client')) {
        login_security_end_login(Login_security_gateway::USER_CONTACT, (int) get_contact_user_id());
    }
    if (is_staff_logged_in()) {
        login_security_end_login(Login_security_gateway::USER_STAFF, (int) get_staff_user_id());
    }
}

function login_security_end_login(string $userType, int $userId): void
{
    if ($userId <= 0) {
        return;
    }
    $marker  = login_security_login_marker($userType);
    $ours    = $marker !== null && $marker['user_id'] === $userId;
    $startAt = $ours ? $marker['at'] : null;
    $now     = time();
    // The login session ends here too: its reason (a sign-out by the per-request check is not a plain logout) and
    // duration; not recorded again when it was recorded as it ended (admin action, sign-out elsewhere).
    $end = Login_security_session_guard::endForLogout($userType, $userId);

    if ($end['record']) {
        Login_security_gateway::instance()->record([
            'event'      => Login_security_gateway::EVENT_LOGOUT,
            'user_type'  => $userType,
            'user_id'    => $userId,
            'identifier' => $ours ? $marker['identifier'] : '',
            'duration'   => $end['duration'] ?? ($startAt !== null ? max(0, $now - $startAt) : null),
            'end_reason' => $end['reason'],
            'at'         => $now,
        ]);
    }
    get_instance()->session->unset_userdata(login_security_session_key($userType));
}

/** @param mixed $value */
function login_security_text($value): string
{
    return is_scalar($value) ? (string) $value : '';
}

function login_security_session_key(string $userType): string
{
    return $userType === Login_security_gateway::USER_STAFF ? LOGIN_SECURITY_SESSION_STAFF : LOGIN_SECURITY_SESSION_CONTACT;
}

/** @return array{user_id: int, at: int|null, event_id: int|null, method: string|null, identifier: string}|null */
function login_security_login_marker(string $userType): ?array
{
    $marker = get_instance()->session->userdata(login_security_session_key($userType));
    if (!is_array($marker) || !isset($marker['user_id'])) {
        return null;
    }

    return [
        'user_id'    => (int) $marker['user_id'],
        'at'         => isset($marker['at']) ? (int) $marker['at'] : null,
        'event_id'   => isset($marker['event_id']) ? (int) $marker['event_id'] : null,
        'method'     => isset($marker['method']) ? (string) $marker['method'] : null,
        'identifier' => login_security_text($marker['identifier'] ?? ''),
    ];
}
