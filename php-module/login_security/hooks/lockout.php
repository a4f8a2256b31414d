<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Login attempts: lockouts on the staff and customers login forms (LoginSecurity\Store::claimLogin and friends).
 *
 * - A login is a POST that Perfex's router dispatches to a method that checks a password (admin/authentication →
 *   index()/admin(), authentication → index()/login()), never told by which fields the client sent.
 * - Its attempt is claimed in admin_auth_init / clients_authentication_constructor, BEFORE Perfex checks the
 *   password: the extension resolves the e-mail as Perfex will (every spelling of one address is one account) and
 *   counts it atomically for that account and the client IP. A refused attempt checks no password: the same message
 *   for existing and unknown accounts, and back to the login form. The extension records every refusal it decides;
 *   this file only applies the verdict.
 * - The attempt that uses the last retry is let through and locks (or blocks) the account right behind it: the
 *   failure hooks record a wrong password and that lock in one extension call; a right one lifts it at login.
 * - At the moment of login (also after the 2FA code, or by the remember-me cookie) the extension decides by the
 *   account's id, in the session's login call (Login_security_session_guard asks this file for the attempt's claim):
 *   blocked, or locked unless this very request's claim let its password be checked, is refused.
 * - Perfex checks no password for an unknown e-mail: one is checked here against a fixed hash of the same cost, so
 *   that the answer takes as long as for a real account.
 */

require_once __DIR__ . '/../libraries/Login_security_session_notice.php';

// The session key of the claim (opaque text of the extension) of this browser's login waiting for its 2FA code; a
// bcrypt hash of cost 8, as Perfex's ($2a$08$), of anything; the methods of Perfex's authentication controllers that
// check a password (lower-case: PHP methods are not case-sensitive).
define('LOGIN_SECURITY_LOCKOUT_CLAIM', 'login_security_lockout_claim');
define('LOGIN_SECURITY_LOCKOUT_TIMING_HASH', '$2y$08$k/0EqINrHQliasiCuAqOteFhjng1c04vTwrOrPMKpM4qO5VQ5DWEO');
define('LOGIN_SECURITY_LOGIN_METHODS', ['staff' => ['index', 'admin'], 'contact' => ['index', 'login']]);

// The login forms' constructors, and Perfex's failure hooks with the reason each one means.
hooks()->add_action('admin_auth_init', static function (): void {
    login_security_lockout_claim(\LoginSecurity\UserType::STAFF);
}, 5);
hooks()->add_action('clients_authentication_constructor', static function (): void {
    login_security_lockout_claim(\LoginSecurity\UserType::CONTACT);
}, 5);
foreach ([
    'failed_login_attempt'            => \LoginSecurity\Reason::WRONG_PASSWORD,
    'inactive_user_login_attempt'     => \LoginSecurity\Reason::INACTIVE_ACCOUNT,
    'non_existent_user_login_attempt' => \LoginSecurity\Reason::UNKNOWN_ACCOUNT,
] as $login_security_failure_hook => $login_security_reason) {
    hooks()->add_action($login_security_failure_hook, static function ($data) use ($login_security_reason): void {
        login_security_lockout_after_failure($data, $login_security_reason);
    });
}
unset($login_security_failure_hook, $login_security_reason);

/**
 * This request's login attempt, by reference: the claim the form's hook got (null when none was allowed) and whether
 * Perfex judged it (one of its failure or login hooks fired).
 *
 * @return array{claim: array{user_type: string, identifier: string, verdict: array<string, mixed>}|null, judged: bool}
 */
function &login_security_lockout_attempt(): array
{
    static $attempt = ['claim' => null, 'judged' => false];

    return $attempt;
}

/** Claims a login POST before Perfex checks its password; a refused one ends here (redirect). */
function login_security_lockout_claim(string $userType): void
{
    if (!login_security_lockout_is_login_post($userType)) {
        return;
    }
    $CI       = &get_instance();
    $email    = $CI->input->post('email');
    $password = $CI->input->post('password', false); // as Perfex reads it: raw (xss_clean could empty it)
    if (!is_string($email) || !is_string($password)) {
        // A list where Perfex expects text: it checks no password then; no attempt reaches it from here either.
        login_security_lockout_refuse($userType, ['status' => 'malformed']);

        return;
    }
    if (trim($email) === '' || $password === '') {
        return; // Perfex's form validation refuses it: no password is checked
    }

    $verdict = Login_security_gateway::instance()->claimLogin($userType, $email);
    if ($verdict['status'] !== \LoginSecurity\Verdict::ALLOWED) {
        login_security_lockout_refuse($userType, $verdict);

        return;
    }
    login_security_lockout_attempt()['claim'] = ['user_type' => $userType, 'identifier' => $email, 'verdict' => $verdict];
    register_shutdown_function('login_security_lockout_unjudged');
    if ($verdict['claim'] !== '') {
        $CI->session->set_userdata(LOGIN_SECURITY_LOCKOUT_CLAIM, $verdict['claim']); // for the 2FA step
    }
}

/**
 * Whether this request is a login that Perfex will check a password of: the routed method, as a POST, from a browser
 * not logged in as that user type (Perfex sends those home before it reads the form: nothing is checked, so nothing
 * counts — else any logged-in user could lock any account without a password being tried).
 */
function login_security_lockout_is_login_post(string $userType): bool
{
    $CI = &get_instance();
    if ($CI->input->method() !== 'post' || !isset($CI->router)
        || ($userType === \LoginSecurity\UserType::STAFF ? is_staff_logged_in() : is_client_logged_in())) {
        return false;
    }
    return in_array(strtolower((string) $CI->router->fetch_method()), LOGIN_SECURITY_LOGIN_METHODS[$userType] ?? [], true);
}

/**
 * At the end of a claimed request that Perfex never judged — its form validation refused the post (an e-mail it
 * finds invalid, a password it reads as empty), so no password was checked — the attempt still counted: the log says
 * so, and records the lockout or block it caused.
 */
function login_security_lockout_unjudged(): void
{
    ['claim' => $claim, 'judged' => $judged] = login_security_lockout_attempt();
    $twoFactor = (int) get_instance()->session->userdata('tfa_staffid'); // the password was right: the 2FA step judges
    if ($claim === null || $judged || ($twoFactor > 0 && $twoFactor === $claim['verdict']['user_id'])) {
        return;
    }
    login_security_lockout_failed($claim['user_type'], \LoginSecurity\Reason::INVALID_FORM, $claim['verdict']['user_id'], $claim['identifier']);
}

/**
 * A login attempt Perfex refused (one of its failure hooks): the failure, and the lockout or block this attempt's
 * claim set, are recorded in one extension call.
 *
 * @param mixed $data the hook's argument: ['user' => row, 'is_staff_member' => bool], for an unknown account
 *   ['email' => string, 'is_staff_member' => bool]
 */
function login_security_lockout_after_failure($data, string $reason): void
{
    $CI = &get_instance();
    if ($reason === \LoginSecurity\Reason::UNKNOWN_ACCOUNT) {
        $password = $CI->input->post('password', false);
        password_verify(is_string($password) ? $password : '', LOGIN_SECURITY_LOCKOUT_TIMING_HASH); // as long as for a real account
    }
    $CI->session->unset_userdata(LOGIN_SECURITY_LOCKOUT_CLAIM); // the password was wrong: the claim stands
    login_security_lockout_attempt()['judged'] = true;
    $data     = is_array($data) ? $data : [];
    $userType = !empty($data['is_staff_member']) ? \LoginSecurity\UserType::STAFF : \LoginSecurity\UserType::CONTACT;
    $user     = isset($data['user']) ? (object) $data['user'] : null;
    $userId   = $user === null ? 0 : (int) ($userType === \LoginSecurity\UserType::STAFF ? ($user->staffid ?? 0) : ($user->id ?? 0));
    $posted   = $CI->input->post('email');
    // The e-mail as typed: the hook's own, else the posted one, else the account's.
    $typed = is_string($data['email'] ?? null) ? $data['email'] : (is_string($posted) ? $posted : Login_security_request::text($user->email ?? ''));
    login_security_lockout_failed($userType, $reason, $userId > 0 ? $userId : null, $typed);
}

/**
 * Records a failed attempt under this request's claim (when it has one of that user type) and, when the claim used the
 * account's last retry or last lockout (or the IP's last attempt), the lockout or block it set: the user is told at
 * once, and for a block the administrators are notified.
 */
function login_security_lockout_failed(string $userType, string $reason, ?int $userId, string $identifier): void
{
    $claim = login_security_lockout_attempt()['claim'];
    $own   = $claim !== null && $claim['user_type'] === $userType ? $claim['verdict']['claim'] : null;
    $lock  = Login_security_gateway::instance()->loginFailed($userType, $own !== '' ? $own : null, $reason, $userId, $identifier);
    if ($lock['status'] === '') {
        return;
    }
    if ($lock['status'] === \LoginSecurity\Verdict::BLOCKED) {
        Login_security_options::set(Login_security_options::LOCKOUT_LAST_BLOCK, (string) time());
        foreach ($lock['notify'] as $adminId) {
            login_security_notify_admin_of_blocks($adminId); // now, not on their next page (at most one per 10 minutes)
        }
    }
    // Perfex sets its own "wrong e-mail or password" alert next (type danger): this one comes on top.
    set_alert('warning', login_security_alert_text(login_security_lockout_message($lock)));
}

/**
 * The moment of login of $userType (Login_security_session_guard asks; the extension decides in its login call): the
 * claim of this login's attempt (this request's, or the one kept for the 2FA step) and whether it is this request's.
 *
 * @return array{0: string|null, 1: bool}
 */
function login_security_lockout_login_claim(string $userType): array
{
    $attempt           = &login_security_lockout_attempt();
    $attempt['judged'] = true;
    $request           = $attempt['claim'];
    $stored            = get_instance()->session->userdata(LOGIN_SECURITY_LOCKOUT_CLAIM);
    get_instance()->session->unset_userdata(LOGIN_SECURITY_LOCKOUT_CLAIM);
    $sameRequest = $request !== null && $request['user_type'] === $userType;
    $claim       = $sameRequest ? $request['verdict']['claim'] : (is_string($stored) ? $stored : null);

    return [$claim !== '' ? $claim : null, $sameRequest];
}

/**
 * A user logged in by the remember-me cookie (Perfex fires no login hook for it) whose account is locked or blocked
 * (the extension decided and recorded it): signed out of that user type only — Perfex's session keys of that user
 * type and the cookie dropped, its row kept, so that it logs in again once a lockout ends — and told why.
 *
 * @param array{status: string, until: int|null} $verdict
 */
function login_security_lockout_refuse_remembered(string $userType, array $verdict): void
{
    $staff = $userType === \LoginSecurity\UserType::STAFF;
    get_instance()->session->unset_userdata($staff ? ['staff_user_id', 'staff_logged_in'] : ['client_user_id', 'contact_user_id', 'client_logged_in']);
    Login_security_session_context::dropAutologinCookie();
    login_security_lockout_refuse($userType, $verdict);
}

/** The login page of $userType (the lockout's refusals and the session guard's sign-outs go back to it). */
function login_security_lockout_login_url(string $userType): string
{
    return $userType === \LoginSecurity\UserType::STAFF ? admin_url('authentication') : site_url('authentication/login');
}

/** Refuses the login (the extension recorded why): the message, and back to the login form (redirect() exits). */
function login_security_lockout_refuse(string $userType, array $verdict): void
{
    set_alert('danger', login_security_alert_text(login_security_lockout_message($verdict)));
    redirect(login_security_lockout_login_url($userType));
}

/**
 * What the login page says: locked until when (local time, rounded up to the minute), blocked, busy, or "malformed"
 * (a form whose e-mail or password is not text). It depends only on the verdict, never on whether the account exists.
 *
 * @param array{status: string, until?: int|null, scope?: string} $verdict
 */
function login_security_lockout_message(array $verdict): string
{
    if (in_array($verdict['status'], [\LoginSecurity\Verdict::BLOCKED, \LoginSecurity\Verdict::BUSY, 'malformed'], true)) {
        return _l('login_security_lockout_' . $verdict['status']); // login_security_lockout_blocked / _busy / _malformed
    }
    $key = ($verdict['scope'] ?? '') === 'ip' ? 'login_security_lockout_locked_ip' : 'login_security_lockout_locked_account';

    return _l($key, Login_security_session_notice::untilMinute(max(time(), (int) ($verdict['until'] ?? 0))));
}
