<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Login Log: translates Perfex's failed-attempt hooks into gateway events. Logins, their refusals and logouts are
 * recorded by the extension in the call that decides them (hooks/sessions.php).
 */

hooks()->add_action('failed_login_attempt', 'login_security_on_wrong_password');
hooks()->add_action('non_existent_user_login_attempt', 'login_security_on_unknown_account');
hooks()->add_action('inactive_user_login_attempt', 'login_security_on_inactive_account');

/** @param array{user?: object, is_staff_member?: bool} $data */
function login_security_on_wrong_password($data): void
{
    login_security_record_failure($data, Login_security_gateway::REASON_WRONG_PASSWORD);
}

/** @param array{email?: string, is_staff_member?: bool} $data */
function login_security_on_unknown_account($data): void
{
    login_security_record_failure($data, Login_security_gateway::REASON_UNKNOWN_ACCOUNT);
}

/** @param array{user?: object, is_staff_member?: bool} $data */
function login_security_on_inactive_account($data): void
{
    login_security_record_failure($data, Login_security_gateway::REASON_INACTIVE_ACCOUNT);
}

/** @param mixed $data the hook's argument */
function login_security_record_failure($data, string $reason): void
{
    $data    = is_array($data) ? $data : [];
    $isStaff = !empty($data['is_staff_member']);
    $user    = isset($data['user']) ? (object) $data['user'] : null;
    $userId  = $user === null ? 0 : (int) ($isStaff ? ($user->staffid ?? 0) : ($user->id ?? 0));

    Login_security_gateway::instance()->record([
        'event'      => Login_security_gateway::EVENT_FAILED,
        'user_type'  => $isStaff ? Login_security_gateway::USER_STAFF : Login_security_gateway::USER_CONTACT,
        'user_id'    => $userId > 0 ? $userId : null,
        'identifier' => login_security_typed_identifier($data, $user),
        'reason'     => $reason,
    ]);
}

/** The e-mail as typed: the hook's own, else the posted one, else the account's. */
function login_security_typed_identifier(array $data, ?object $user): string
{
    if (isset($data['email']) && is_string($data['email'])) {
        return $data['email'];
    }
    $posted = get_instance()->input->post('email');
    if (is_string($posted)) {
        return $posted;
    }

    return login_security_text($user->email ?? '');
}

/** @param mixed $value */
function login_security_text($value): string
{
    return is_scalar($value) ? (string) $value : '';
}
