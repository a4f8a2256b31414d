<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Login sessions: a session starts at every login (form, two-factor code, remember-me), one check per request signs
 * out ended, banned and idle sessions on every app server, the logout ends it (hooks/login_log.php records that one
 * logout event, asking Login_security_session_guard::endForLogout() for its reason and duration), and a password
 * change ends the user's other sessions.
 *
 * Priority 5: before the Login Log's own handlers (10), so a refused login is never recorded as a login.
 */

require_once __DIR__ . '/../libraries/Login_security_session_guard.php';
require_once __DIR__ . '/../libraries/Login_security_session_actions.php';

define('LOGIN_SECURITY_SESSION_PASSWORD_CHANGE', 'login_security_password_change');

hooks()->add_action('before_staff_login', 'login_security_sessions_on_staff_login', 5);
hooks()->add_action('before_client_login', 'login_security_sessions_on_contact_login', 5);
hooks()->add_action('app_init', 'login_security_sessions_check_request', 5);
hooks()->add_action('after_user_reset_password', 'login_security_sessions_on_password_reset');
hooks()->add_filter('before_staff_change_password', 'login_security_sessions_on_staff_password_change', 10, 2);
hooks()->add_action('admin_init', 'login_security_sessions_after_password_change', 1);

/** @param array{email?: string, userid?: string|int} $data */
function login_security_sessions_on_staff_login($data): void
{
    $data    = is_array($data) ? $data : [];
    $staffId = (int) ($data['userid'] ?? 0);
    if ($staffId > 0) {
        Login_security_session_guard::onLogin(Login_security_gateway::USER_STAFF, $staffId,
            login_security_staff_login_method($staffId), login_security_text($data['email'] ?? ''));
    }
}

/** @param array{email?: string, userid?: string|int, contact_user_id?: string|int} $data */
function login_security_sessions_on_contact_login($data): void
{
    $data      = is_array($data) ? $data : [];
    $contactId = (int) ($data['contact_user_id'] ?? 0);
    if ($contactId > 0) {
        Login_security_session_guard::onLogin(Login_security_gateway::USER_CONTACT, $contactId,
            Login_security_gateway::METHOD_FORM, login_security_text($data['email'] ?? ''));
    }
}

function login_security_sessions_check_request(): void
{
    Login_security_session_guard::checkRequest();
}

/**
 * A password reset by e-mail link (staff: 'staff' = "1"; contacts: "0"): every session of the user ends, with their
 * Perfex sessions and remember-me rows.
 *
 * @param array{staff?: mixed, userid?: mixed} $data
 */
function login_security_sessions_on_password_reset($data): void
{
    $data   = is_array($data) ? $data : [];
    $userId = (int) ($data['userid'] ?? 0);
    if ($userId <= 0 || !Login_security_options::endSessionsOnPasswordChange()) {
        return;
    }
    $userType = !empty($data['staff']) ? Login_security_gateway::USER_STAFF : Login_security_gateway::USER_CONTACT;
    Login_security_session_actions::endUser($userType, $userId, Login_security_gateway::END_LOGOUT,
        _l('login_security_sessions_password_changed_details'));
}

/**
 * Staff_model::change_password() (the staff member's own profile) fires this filter before it checks the old
 * password, so nothing ends yet: the password's fingerprint is noted, and the next admin request ends the other
 * sessions only when it changed (see login_security_sessions_after_password_change()).
 *
 * @param mixed $data the password fields, returned unchanged
 * @param mixed $userId
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
    if ((int) ($pending['user_id'] ?? 0) !== $staffId || login_security_sessions_password_fingerprint($current) === ($pending['before'] ?? '')) {
        return;
    }
    Login_security_session_actions::endOthers(Login_security_gateway::USER_STAFF, $staffId, _l('login_security_sessions_password_changed_details'));
}
