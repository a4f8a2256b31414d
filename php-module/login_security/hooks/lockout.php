<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Login attempts: lockouts on the staff and customers login forms (LoginSecurity\Store::claimLogin and friends).
 *
 * - The login POST is claimed in admin_auth_init / clients_authentication_constructor, BEFORE Perfex checks the
 *   password: the extension counts the attempt atomically for the account and the client IP. A refused attempt
 *   checks no password at all: a 'failed' event, the same message for existing and unknown accounts, and back to
 *   the login form.
 * - The attempt that uses the last retry is let through and locks (or blocks) the account right behind it; when its
 *   password was wrong, the failure hooks (after hooks/login_log.php recorded the failure) add a 'lockout' or
 *   'blocked' event. When it was right, the lockout it set is lifted at login.
 * - before_staff_login / before_client_login (with staff 2FA: on the code step): a blocked account is refused,
 *   otherwise its failures are cleared. app_init refuses a blocked user who arrives through the remember-me cookie.
 *   A password reset changes nothing: the account stays blocked until an administrator re-enables it.
 * - Perfex checks no password for an unknown e-mail: one is checked here against a fixed hash of the same cost, so
 *   that the answer takes as long as for a real account.
 */

/** Session key: this browser's last allowed claim (user_type, subject, verdict, ip), until its password is judged
 * (the 2FA code comes in a later request). */
define('LOGIN_SECURITY_LOCKOUT_CLAIM', 'login_security_lockout_claim');

/** A bcrypt hash of cost 8, as Perfex's ($2a$08$); what it hashes does not matter. */
define('LOGIN_SECURITY_LOCKOUT_TIMING_HASH', '$2y$08$k/0EqINrHQliasiCuAqOteFhjng1c04vTwrOrPMKpM4qO5VQ5DWEO');

require_once __DIR__ . '/../libraries/Login_security_block_notices.php';

hooks()->add_action('admin_auth_init', 'login_security_lockout_staff_form', 5);
hooks()->add_action('clients_authentication_constructor', 'login_security_lockout_contact_form', 5);
hooks()->add_action('failed_login_attempt', 'login_security_lockout_after_failure', 20);
hooks()->add_action('inactive_user_login_attempt', 'login_security_lockout_after_failure', 20);
hooks()->add_action('non_existent_user_login_attempt', 'login_security_lockout_after_unknown_account', 20);
// Before hooks/login_log.php (priority 10) records the login: a refused login records no login event.
hooks()->add_action('before_staff_login', 'login_security_lockout_staff_login', 5);
hooks()->add_action('before_client_login', 'login_security_lockout_contact_login', 5);
hooks()->add_action('app_init', 'login_security_lockout_remember_me', 5);

function login_security_lockout_staff_form(): void
{
    login_security_lockout_claim(Login_security_gateway::USER_STAFF);
}

/** @param mixed $controller Perfex passes the Authentication controller */
function login_security_lockout_contact_form($controller = null): void
{
    login_security_lockout_claim(Login_security_gateway::USER_CONTACT);
}

/** Claims a login POST before Perfex checks its password; a refused one ends here (redirect). */
function login_security_lockout_claim(string $userType): void
{
    $CI    = &get_instance();
    $email = $CI->input->post('email');
    $password = $CI->input->post('password');
    // A login posts an e-mail and a password; registration and password reset post a password with its repeat.
    // Perfex checks no password when that user type is logged in already (it redirects).
    $loggedIn = $userType === Login_security_gateway::USER_STAFF ? is_staff_logged_in() : is_client_logged_in();
    if ($CI->input->method() !== 'post' || !is_string($email) || trim($email) === '' || !is_string($password)
        || $password === '' || $CI->input->post('passwordr') !== null || $loggedIn) {
        return;
    }

    $verdict = Login_security_gateway::instance()->claimLogin($userType, $email);
    if ($verdict['status'] !== Login_security_gateway::VERDICT_ALLOWED) {
        login_security_lockout_refuse($userType, $email, null, $verdict);

        return;
    }
    login_security_lockout_request_claim(['user_type' => $userType, 'identifier' => $email, 'verdict' => $verdict]);
    $CI->session->set_userdata(LOGIN_SECURITY_LOCKOUT_CLAIM, ['user_type' => $userType, 'subject' => login_security_lockout_subject($email),
        'verdict' => $verdict, 'ip' => Login_security_gateway::instance()->clientIp()]);
}

/**
 * This request's allowed claim (set once, by the login form's hook).
 *
 * @param array{user_type: string, identifier: string, verdict: array<string, mixed>}|null $claim
 * @return array{user_type: string, identifier: string, verdict: array<string, mixed>}|null
 */
function login_security_lockout_request_claim(?array $claim = null): ?array
{
    static $current = null;
    if ($claim !== null) {
        $current = $claim;
    }

    return $current;
}

/** @param array{email?: string, is_staff_member?: bool} $data */
function login_security_lockout_after_unknown_account($data): void
{
    $password = get_instance()->input->post('password');
    password_verify(is_string($password) ? $password : '', LOGIN_SECURITY_LOCKOUT_TIMING_HASH);
    login_security_lockout_after_failure($data);
}

/**
 * A wrong password (or an unknown or inactive account): when this attempt used the last retry or the last lockout,
 * records the 'lockout' / 'blocked' event and tells the user at once.
 *
 * @param mixed $data the hook's argument (['user' => row, 'is_staff_member' => bool] or ['email', ...])
 */
function login_security_lockout_after_failure($data): void
{
    $CI = &get_instance();
    if ($CI->session->has_userdata(LOGIN_SECURITY_LOCKOUT_CLAIM)) {
        $CI->session->unset_userdata(LOGIN_SECURITY_LOCKOUT_CLAIM); // the password was wrong: the claim stands
    }
    $claim = login_security_lockout_request_claim();
    if ($claim === null || (!$claim['verdict']['locked_now'] && !$claim['verdict']['blocked_now'])) {
        return;
    }

    $gateway = Login_security_gateway::instance();
    $blocked = $claim['verdict']['blocked_now'];
    // Which counter locked (the account's or the IP's) and until when.
    $status = $blocked ? ['status' => Login_security_gateway::VERDICT_BLOCKED] : $gateway->loginStatus($claim['user_type'], $claim['identifier']);
    if (!$blocked && $status['status'] !== Login_security_gateway::VERDICT_LOCKED) {
        return;
    }
    $user   = is_array($data) && isset($data['user']) ? (object) $data['user'] : null;
    $userId = $user === null ? 0 : (int) ($claim['user_type'] === Login_security_gateway::USER_STAFF ? ($user->staffid ?? 0) : ($user->id ?? 0));
    $gateway->record([
        'event'      => $blocked ? Login_security_gateway::EVENT_BLOCKED : Login_security_gateway::EVENT_LOCKOUT,
        'user_type'  => $claim['user_type'],
        'user_id'    => $userId > 0 ? $userId : null,
        'identifier' => $claim['identifier'],
        'details'    => $blocked ? '' : $status['scope'] . ':' . (int) $status['until'],
    ]);
    if ($blocked) {
        Login_security_block_notices::recordBlock(time());
        foreach ($gateway->activeAdminIds() as $adminId) {
            login_security_notify_admin_of_blocks($adminId, time()); // now, not on their next page (flood-limited)
        }
    }
    // Perfex sets its own "wrong e-mail or password" alert next (type danger): this one comes on top.
    set_alert('warning', login_security_alert_text(login_security_lockout_message($status)));
}

/** @param array{email?: string, userid?: string|int} $data */
function login_security_lockout_staff_login($data): void
{
    $data = is_array($data) ? $data : [];
    login_security_lockout_on_login(Login_security_gateway::USER_STAFF, login_security_text($data['email'] ?? ''), (int) ($data['userid'] ?? 0));
}

/** @param array{email?: string, userid?: string|int, contact_user_id?: string|int} $data */
function login_security_lockout_contact_login($data): void
{
    $data = is_array($data) ? $data : [];
    login_security_lockout_on_login(Login_security_gateway::USER_CONTACT, login_security_text($data['email'] ?? ''), (int) ($data['contact_user_id'] ?? 0));
}

/** The password (and 2FA code) were right: refuse a blocked account, else clear its failures. */
function login_security_lockout_on_login(string $userType, string $email, int $userId): void
{
    if (trim($email) === '') {
        return;
    }
    $CI      = &get_instance();
    $gateway = Login_security_gateway::instance();
    $claim   = $CI->session->userdata(LOGIN_SECURITY_LOCKOUT_CLAIM);
    $own     = null;
    if (is_array($claim)) {
        $CI->session->unset_userdata(LOGIN_SECURITY_LOCKOUT_CLAIM);
        if (($claim['user_type'] ?? '') === $userType && ($claim['subject'] ?? '') === login_security_lockout_subject($email)) {
            $own = $claim; // this login's own attempt: what it counted before its password was known is taken back
        }
    }
    $gateway->loginSucceeded($userType, $email, is_array($own['verdict'] ?? null) ? $own['verdict'] : null, isset($own['ip']) ? (string) $own['ip'] : null);
    $verdict = $gateway->loginStatus($userType, $email);
    if ($verdict['status'] === Login_security_gateway::VERDICT_BLOCKED) {
        login_security_lockout_refuse($userType, $email, $userId > 0 ? $userId : null, $verdict);
    }
}

/** A user logged in by the remember-me cookie (no login hook fires for it) whose account is blocked is signed out. */
function login_security_lockout_remember_me(): void
{
    if (!login_security_has_autologin_cookie()) {
        return;
    }
    if (is_staff_logged_in()) {
        login_security_lockout_check_remembered(Login_security_gateway::USER_STAFF, (int) get_staff_user_id());
    }
    if (is_client_logged_in() && !get_instance()->session->has_userdata('logged_in_as_client')) {
        login_security_lockout_check_remembered(Login_security_gateway::USER_CONTACT, (int) get_contact_user_id());
    }
}

function login_security_lockout_check_remembered(string $userType, int $userId): void
{
    $marker = login_security_login_marker($userType);
    if ($userId <= 0 || ($marker !== null && $marker['user_id'] === $userId)) {
        return; // logged in by a form (checked then), not by the cookie
    }
    $verdict = Login_security_gateway::instance()->loginStatusOfUser($userType, $userId);
    if ($verdict['status'] === Login_security_gateway::VERDICT_BLOCKED) {
        login_security_lockout_sign_out($userType);
        login_security_lockout_refuse($userType, '', $userId, $verdict, Login_security_gateway::METHOD_REMEMBER_ME); // the log names the user by id
    }
}

/** Undoes the remember-me login: Perfex's session keys of that user type, and the cookie. */
function login_security_lockout_sign_out(string $userType): void
{
    $keys = $userType === Login_security_gateway::USER_STAFF
        ? ['staff_user_id', 'staff_logged_in']
        : ['client_user_id', 'contact_user_id', 'client_logged_in'];
    get_instance()->session->unset_userdata($keys);
    $prefix = defined('APP_COOKIE_PREFIX') ? (string) constant('APP_COOKIE_PREFIX') : '';
    setcookie($prefix . 'autologin', '', ['expires' => 1, 'path' => '/']);
}

/**
 * Refuses the login: a 'failed' event (no password was checked, or a blocked account), the message, and back to the
 * login form (redirect() exits).
 *
 * @param array{status: string, until: int|null, scope: string} $verdict
 */
function login_security_lockout_refuse(string $userType, string $identifier, ?int $userId, array $verdict, string $method = ''): void
{
    $blocked = $verdict['status'] === Login_security_gateway::VERDICT_BLOCKED;
    Login_security_gateway::instance()->record(array_filter([
        'event'      => Login_security_gateway::EVENT_FAILED,
        'user_type'  => $userType,
        'user_id'    => $userId,
        'identifier' => $identifier,
        'method'     => $method,
        'reason'     => $blocked ? Login_security_gateway::REASON_BLOCKED : Login_security_gateway::REASON_LOCKED_OUT,
    ], static function ($value) {
        return $value !== null && $value !== '';
    }));
    set_alert('danger', login_security_alert_text(login_security_lockout_message($verdict)));
    redirect($userType === Login_security_gateway::USER_STAFF ? admin_url('authentication') : site_url('authentication/login'));
}

/**
 * What the login page says: locked until when (local time, rounded up to the minute) or blocked. It depends only on
 * the verdict, never on whether the account exists.
 *
 * @param array{status: string, until?: int|null, scope?: string} $verdict
 */
function login_security_lockout_message(array $verdict): string
{
    if ($verdict['status'] === Login_security_gateway::VERDICT_BLOCKED) {
        return _l('login_security_lockout_blocked');
    }
    $until = (int) ceil(max(time(), (int) ($verdict['until'] ?? 0)) / 60) * 60;
    $key   = ($verdict['scope'] ?? '') === 'ip' ? 'login_security_lockout_locked_ip' : 'login_security_lockout_locked_account';

    return _l($key, date('Y-m-d H:i', $until));
}

/** An e-mail as the extension keys it: trimmed and lower-cased (the subject of "staff:<subject>"). */
function login_security_lockout_subject(string $identifier): string
{
    return mb_strtolower(mb_substr(trim($identifier), 0, 191, 'UTF-8'), 'UTF-8');
}
