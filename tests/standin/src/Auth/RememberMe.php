<?php
/**
 * Remember me (perfex-facts.md §1 L41-43, §4 L127-128): the cookie "autologin" holds PHP-serialize(['user_id',
 * 'key']) for 2 months (not HttpOnly: Perfex's cookie_httponly is false); tbluser_auto_login holds md5(key) with
 * user_id, user agent, IP and staff (1 staff / 0 contact).
 */

declare(strict_types=1);

namespace Standin\Auth;

use Standin\Config;

final class RememberMe
{
    private static function table(): string
    {
        return db_prefix() . 'user_auto_login';
    }

    public static function create($userId, bool $staff): void
    {
        $CI = get_instance();
        $key = substr(md5(uniqid(random_int(0, PHP_INT_MAX) . ($_COOKIE[Config::SESSION_COOKIE] ?? ''), true)), 0, 16);
        $CI->db->insert(self::table(), [
            'key_id' => md5($key),
            'user_id' => (string) $userId,
            'user_agent' => substr((string) $CI->input->user_agent(), 0, 149),
            'last_ip' => $CI->input->ip_address(),
            'staff' => $staff ? 1 : 0,
        ]);
        self::setCookie(serialize(['user_id' => $userId, 'key' => $key]), time() + Config::AUTOLOGIN_EXPIRE);
    }

    /** The user the cookie stands for: (object) ['id' => string, 'staff' => bool], or null. */
    public static function find(): ?object
    {
        $data = self::cookie();
        if ($data === null) {
            return null;
        }
        $db = get_instance()->db;
        $row = $db->row('SELECT staff FROM `' . self::table() . '` WHERE user_id = ? AND key_id = ?',
            [(string) $data['user_id'], md5((string) $data['key'])]);
        if ($row === null) {
            return null;
        }
        $staff = $row->staff == 1;
        [$users, $id] = $staff ? [db_prefix() . 'staff', 'staffid'] : [db_prefix() . 'contacts', 'id'];
        $user = $db->row("SELECT u.$id AS id FROM `$users` u JOIN `" . self::table() . "` a ON a.user_id = u.$id
            WHERE a.user_id = ? AND a.key_id = ?", [(string) $data['user_id'], md5((string) $data['key'])]);
        return $user === null ? null : (object) ['id' => $user->id, 'staff' => $staff];
    }

    /** Sends the same cookie again so that it does not expire (Perfex renews it at every autologin). */
    public static function renew(): void
    {
        self::setCookie($_COOKIE[Config::AUTOLOGIN_COOKIE], time() + Config::AUTOLOGIN_EXPIRE);
    }

    /** Removes this browser's row (only that one) and the cookie. */
    public static function deleteCurrent(bool $staff): void
    {
        $data = self::cookie();
        if ($data === null) {
            return;
        }
        get_instance()->db->query('DELETE FROM `' . self::table() . '` WHERE user_id = ? AND key_id = ? AND staff = ?',
            [(string) $data['user_id'], md5((string) $data['key']), $staff ? 1 : 0]);
        self::setCookie('', 1);
    }

    /** @return array{user_id: mixed, key: mixed}|null */
    private static function cookie(): ?array
    {
        $raw = $_COOKIE[Config::AUTOLOGIN_COOKIE] ?? null;
        if (!is_string($raw) || $raw === '') {
            return null;
        }
        $data = @unserialize($raw, ['allowed_classes' => false]);
        return is_array($data) && isset($data['user_id'], $data['key']) ? $data : null;
    }

    private static function setCookie(string $value, int $expires): void
    {
        setcookie(Config::AUTOLOGIN_COOKIE, $value, ['expires' => $expires, 'path' => '/', 'httponly' => false,
            'samesite' => APP_SESSION_COOKIE_SAME_SITE]);
    }
}
