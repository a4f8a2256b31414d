<?php
/**
 * Staff "forgot password" (perfex-facts.md §1 L20-21): a reset key in tblstaff.new_pass_key (Perfex mails a link
 * admin/authentication/reset_password/1/<staffid>/<key>; tests read the key from the table), valid one hour.
 */

declare(strict_types=1);

namespace Standin\Auth;

final class PasswordReset
{
    /** @return bool|array true when a key was issued, ['memberinactive' => true], or false */
    public static function forgot(string $email)
    {
        $CI = get_instance();
        $table = db_prefix() . 'staff';
        $who = '[Email: ' . $email . ', Is Staff Member: Yes, IP: ' . $CI->input->ip_address() . ']';
        $user = $CI->db->row("SELECT * FROM `$table` WHERE email = ?", [$email]);
        if ($user === null) {
            log_activity('Non Existing User Tried Password Reset ' . $who);
            return false;
        }
        if ($user->active == 0) {
            log_activity('Inactive User Tried Password Reset ' . $who);
            return ['memberinactive' => true];
        }
        $CI->db->query("UPDATE `$table` SET new_pass_key = ?, new_pass_key_requested = ? WHERE staffid = ?",
            [md5(random_bytes(16)), date('Y-m-d H:i:s'), $user->staffid]);
        log_activity('Password Reset Email sent ' . $who);
        hooks()->do_action('forgot_password_email_sent', ['is_staff_member' => true, 'user' => $user]);
        return true;
    }

    public static function canReset($userid, $key): bool
    {
        $row = get_instance()->db->row('SELECT new_pass_key_requested AS requested FROM `' . db_prefix() . 'staff`
            WHERE staffid = ? AND new_pass_key = ?', [(string) $userid, (string) $key]);
        return $row !== null && strtotime((string) $row->requested) >= time() - 3600;
    }

    /** Sets the new password and clears the key; false when the key is no longer valid. */
    public static function reset($userid, $key, string $password): bool
    {
        if (!self::canReset($userid, $key)) {
            return false;
        }
        $CI = get_instance();
        $CI->db->query('UPDATE `' . db_prefix() . 'staff` SET password = ?, new_pass_key = NULL, new_pass_key_requested = NULL,
            last_password_change = ? WHERE staffid = ? AND new_pass_key = ?',
            [password_hash($password, PASSWORD_BCRYPT), date('Y-m-d H:i:s'), (string) $userid, (string) $key]);
        log_activity('User Reseted Password [User ID: ' . $userid . ', Is Staff Member: Yes, IP: ' . $CI->input->ip_address() . ']');
        return true;
    }
}
