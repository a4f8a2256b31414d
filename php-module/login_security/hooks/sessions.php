<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Login sessions (Login_security_session_guard): a login starts a session or is refused, one check per request signs
 * out ended, banned and idle sessions, the logout ends it, and a password change ends the user's other sessions.
 */

define('LOGIN_SECURITY_SESSION_PASSWORD_CHANGE', 'login_security_password_change');

hooks()->add_action('before_staff_login', 'login_security_sessions_on_staff_login');
hooks()->add_action('before_client_login', 'login_security_sessions_on_contact_login');
hooks()->add_action('app_init', [Login_security_session_guard::class, 'checkRequest']);
hooks()->add_action('before_staff_logout', 'login_security_sessions_on_staff_logout');
hooks()->add_action('before_contact_logout', 'login_security_sessions_on_contact_logout');
hooks()->add_action('after_user_reset_password', 'login_security_sessions_on_password_reset');
hooks()->add_filter('before_staff_change_password', 'login_security_sessions_on_staff_password_change', 10, 2);
hooks()->add_action('admin_init', 'login_security_sessions_after_password_change', 1);

/** @param array{email?: string, userid?: string|int} $data */
function login_security_sessions_on_staff_login($data): void
{
    $staffId = (int) ($data['userid'] ?? 0);
    $session = get_instance()->session;
    // With two-factor authentication on, this hook fires on the code step, where Perfex keeps tfa_staffid.
    $twoFactor = $session->has_userdata('_two_factor_auth_established') || (int) $session->userdata('tfa_staffid') === $staffId;
    if ($staffId > 0) {
        Login_security_session_guard::onLogin(\LoginSecurity\UserType::STAFF, $staffId,
            $twoFactor ? \LoginSecurity\Method::TWO_FACTOR : \LoginSecurity\Method::FORM, Login_security_request::text($data['email'] ?? ''));
    }
}

/** @param array{email?: string, userid?: string|int, contact_user_id?: string|int} $data */
function login_security_sessions_on_contact_login($data): void
{
    $contactId = (int) ($data['contact_user_id'] ?? 0);
    if ($contactId > 0) {
        Login_security_session_guard::onLogin(\LoginSecurity\UserType::CONTACT, $contactId, \LoginSecurity\Method::FORM,
            Login_security_request::text($data['email'] ?? ''));
    }
}

/** @param int|string $staffId */
function login_security_sessions_on_staff_logout($staffId): void
{
    Login_security_session_guard::onLogout(\LoginSecurity\UserType::STAFF, (int) $staffId);
}

/**
 * Perfex passes the CUSTOMER id here; the contact comes from the session. The whole session is destroyed next, so a
 * staff member logged in the same session (or "logged in as" this client) is logged out as well.
 */
function login_security_sessions_on_contact_logout(): void
{
    foreach (array_reverse(Login_security_session_context::users(), true) as $userType => $userId) { // the contact first
        Login_security_session_guard::onLogout($userType, $userId);
    }
}

/** @param array{staff?: mixed, userid?: mixed} $data a password reset by e-mail link: every session of the user ends */
function login_security_sessions_on_password_reset($data): void
{
    $userId = (int) ($data['userid'] ?? 0);
    if ($userId > 0 && Login_security_options::endSessionsOnPasswordChange()) {
        Login_security_session_actions::endUser(!empty($data['staff']) ? \LoginSecurity\UserType::STAFF : \LoginSecurity\UserType::CONTACT,
            $userId, \LoginSecurity\EndReason::LOGOUT, _l('login_security_sessions_password_changed_details'));
    }
}

/**
 * Staff_model::change_password() (the staff member's own profile) fires this filter before it checks the old
 * password, so nothing ends yet: the password's fingerprint is noted, and the next admin request ends the other
 * sessions only when it changed.
 *
 * @param mixed $data the password fields, returned unchanged
 * @return mixed
 */
function login_security_sessions_on_staff_password_change($data, $userId = null)
{
    $current = $GLOBALS['current_user'] ?? null;
    $staffId = (int) ($userId ?: get_staff_user_id());
    if ($staffId > 0 && is_object($current) && (int) ($current->staffid ?? 0) === $staffId
        && Login_security_options::endSessionsOnPasswordChange()) {
        get_instance()->session->set_userdata(LOGIN_SECURITY_SESSION_PASSWORD_CHANGE, [
            'user_id' => $staffId, 'before' => login_security_sessions_password_fingerprint($current),
        ]);
    }

    return $data;
}

/**
 * What changes with every password change: the stored hash (a new salt each time) and its date. Only a SHA-256 of
 * them goes into the PHP session, never the hash itself.
 */
function login_security_sessions_password_fingerprint(object $staff): string
{
    return hash('sha256', (string) ($staff->password ?? '') . '|' . (string) ($staff->last_password_change ?? ''));
}

/** The request after a password change: when it went through, every other session of the staff member ends. */
function login_security_sessions_after_password_change(): void
{
    $session = get_instance()->session;
    $pending = $session->userdata(LOGIN_SECURITY_SESSION_PASSWORD_CHANGE);
    $current = $GLOBALS['current_user'] ?? null;
    if (!is_array($pending) || !is_object($current)) {
        return;
    }
    $session->unset_userdata(LOGIN_SECURITY_SESSION_PASSWORD_CHANGE);
    $staffId = (int) ($current->staffid ?? 0);
    if ((int) ($pending['user_id'] ?? 0) === $staffId && login_security_sessions_password_fingerprint($current) !== ($pending['before'] ?? '')) {
        Login_security_session_actions::endOthers(\LoginSecurity\UserType::STAFF, $staffId, _l('login_security_sessions_password_changed_details'));
    }
}
