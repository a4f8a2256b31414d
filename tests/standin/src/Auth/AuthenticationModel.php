<?php
/**
 * $CI->authentication_model: the staff and contact login, logout, remember-me autologin and e-mail 2FA, with
 * Perfex's hooks, arguments and order (perfex-facts.md §1 L29-43). Passwords are bcrypt (phpass-compatible).
 */

declare(strict_types=1);

namespace Standin\Auth;

final class AuthenticationModel
{
    /**
     * @return bool|array true; false (unknown e-mail or wrong password); ['memberinactive' => true];
     *                    or, for staff with 2FA, ['two_factor_auth' => true, 'user' => row]
     */
    public function login($email, $password, $remember, $staff)
    {
        if (empty($email) || empty($password)) {
            return false;
        }
        $CI = get_instance();
        [$table, $id] = self::table((bool) $staff);
        $user = $CI->db->row("SELECT * FROM `$table` WHERE email = ?", [(string) $email]);
        $who = '[Email: ' . $email . ', Is Staff Member: ' . ($staff ? 'Yes' : 'No') . ', IP: ' . $CI->input->ip_address() . ']';
        if ($user === null) {
            hooks()->do_action('non_existent_user_login_attempt', ['email' => $email, 'is_staff_member' => $staff]);
            log_activity('Non Existing User Tried to Login ' . $who);
            return false;
        }
        if (!$user->password || !password_verify((string) $password, $user->password)) {
            hooks()->do_action('failed_login_attempt', ['user' => $user, 'is_staff_member' => $staff]);
            log_activity('Failed Login Attempt ' . $who);
            return false;
        }
        if ($user->active == 0) {
            hooks()->do_action('inactive_user_login_attempt', ['user' => $user, 'is_staff_member' => $staff]);
            log_activity('Inactive User Tried to Login ' . $who);
            return ['memberinactive' => true];
        }
        $twoFactor = $staff && $user->two_factor_auth_enabled != 0;
        if ($twoFactor) {
            $data = ['tfa_staffid' => $user->staffid] + ($remember ? ['tfa_remember' => true] : []);
        } elseif ($staff) {
            hooks()->do_action('before_staff_login', ['email' => $email, 'userid' => $user->$id]);
            $data = ['staff_user_id' => $user->$id, 'staff_logged_in' => true];
        } else {
            hooks()->do_action('before_client_login', ['email' => $email, 'userid' => $user->userid, 'contact_user_id' => $user->$id]);
            $data = ['client_user_id' => $user->userid, 'contact_user_id' => $user->$id, 'client_logged_in' => true];
        }
        $CI->session->set_userdata($data);
        if ($twoFactor) {
            return ['two_factor_auth' => true, 'user' => $user];
        }
        if ($remember) {
            RememberMe::create($user->$id, (bool) $staff);
        }
        $this->update_login_info($user->$id, (bool) $staff);
        return true;
    }

    /**
     * Deletes this browser's remember-me row and cookie, fires before_contact_logout with the CUSTOMER id when a
     * contact is logged in (else before_staff_logout with the staff id), unsets the keys and destroys the session.
     */
    public function logout($staff = true): void
    {
        $session = get_instance()->session;
        RememberMe::deleteCurrent((bool) $staff);
        if (is_client_logged_in()) {
            hooks()->do_action('before_contact_logout', get_client_user_id());
            $session->unset_userdata(['client_user_id', 'client_logged_in']);
        } else {
            hooks()->do_action('before_staff_logout', get_staff_user_id());
            $session->unset_userdata(['staff_user_id', 'staff_logged_in']);
        }
        $session->sess_destroy();
    }

    /** Logs in from the autologin cookie when nobody is logged in. Fires no hook. */
    public function autologin(): bool
    {
        if (is_logged_in()) {
            return false;
        }
        $user = RememberMe::find();
        if ($user === null) {
            return false;
        }
        $CI = get_instance();
        if ($user->staff) {
            $data = ['staff_user_id' => $user->id, 'staff_logged_in' => true];
        } else {
            $contact = $CI->db->row('SELECT userid FROM `' . db_prefix() . 'contacts` WHERE id = ?', [$user->id]);
            $data = ['client_user_id' => $contact->userid, 'contact_user_id' => $user->id, 'client_logged_in' => true];
        }
        $CI->session->set_userdata($data);
        RememberMe::renew();
        $this->update_login_info($user->id, $user->staff);
        return true;
    }

    /** The end of a staff 2FA login: before_staff_login (with the stored e-mail), session keys, remember-me. */
    public function two_factor_auth_login(object $user): bool
    {
        $session = get_instance()->session;
        hooks()->do_action('before_staff_login', ['email' => $user->email, 'userid' => $user->staffid]);
        $session->set_userdata(['staff_user_id' => $user->staffid, 'staff_logged_in' => true]);
        $remember = $session->has_userdata('tfa_remember');
        $session->unset_userdata('tfa_remember');
        if ($remember) {
            RememberMe::create($user->staffid, true);
        }
        $this->update_login_info($user->staffid, true);
        return true;
    }

    /** Stores a new e-mail 2FA code (Perfex mails it; tests read tblstaff.two_factor_auth_code). */
    public function set_two_factor_auth_code($id): string
    {
        $code = bin2hex(random_bytes(4)) . $id;
        get_instance()->db->query('UPDATE `' . db_prefix() . 'staff` SET two_factor_auth_code = ?, two_factor_auth_code_requested = ?
            WHERE staffid = ?', [$code, date('Y-m-d H:i:s'), (string) $id]);
        return $code;
    }

    /** The code belongs to $email and is at most one hour old. */
    public function is_two_factor_code_valid($code, $email): bool
    {
        $row = get_instance()->db->row('SELECT two_factor_auth_code_requested AS requested FROM `' . db_prefix() . 'staff`
            WHERE two_factor_auth_code = ? AND email = ?', [(string) $code, (string) $email]);
        return $row !== null && strtotime((string) $row->requested) >= time() - 3600;
    }

    public function get_user_by_two_factor_auth_code($code): ?object
    {
        return get_instance()->db->row('SELECT * FROM `' . db_prefix() . 'staff` WHERE two_factor_auth_code = ?', [(string) $code]);
    }

    public function clear_two_factor_auth_code($id): void
    {
        get_instance()->db->query('UPDATE `' . db_prefix() . 'staff` SET two_factor_auth_code = NULL WHERE staffid = ?', [(string) $id]);
    }

    /** last_ip / last_login, and the "User Successfully Logged In" activity line. */
    private function update_login_info($userId, bool $staff): void
    {
        $CI = get_instance();
        [$table, $id] = self::table($staff);
        $ip = $CI->input->ip_address();
        $CI->db->query("UPDATE `$table` SET last_ip = ?, last_login = ? WHERE $id = ?", [$ip, date('Y-m-d H:i:s'), (string) $userId]);
        log_activity('User Successfully Logged In [User Id: ' . $userId . ', Is Staff Member: ' . ($staff ? 'Yes' : 'No') . ', IP: ' . $ip . ']');
    }

    /** @return array{0: string, 1: string} table and id column */
    private static function table(bool $staff): array
    {
        return $staff ? [db_prefix() . 'staff', 'staffid'] : [db_prefix() . 'contacts', 'id'];
    }
}
