<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Who this request's users are, worked out in one place for every hook: the staff member and the contact logged in
 * (a staff member's "Login as client" is not the contact's login), this browser's token and public session id per
 * user type, and the md5 key of its remember-me cookie. Nothing here calls the extension.
 *
 * Our token lives in the PHP session only, one key per user type (a staff member and a contact may share a browser
 * session): ['user_id' => int, 'token' => string]. Perfex's session id changes every 5 minutes, the token does not.
 */
final class Login_security_session_context
{
    private const TOKEN_KEY = 'login_security_session_';

    /** + user type: the PHP-session key of the session's public id (keep in step with the store's handle_key). */
    private const HANDLE_KEY = 'login_security_sid_';

    /** @var string|false|null the md5 key of the remember-me cookie; false: none; null: not read yet */
    private static $autologinKey = null;

    /** The staff member logged in, or 0. */
    public static function staffId(): int
    {
        return is_staff_logged_in() ? (int) get_staff_user_id() : 0;
    }

    /** The contact logged in by their own login, or 0 ("Login as client" is the staff member's session). */
    public static function contactId(): int
    {
        return is_client_logged_in() && !get_instance()->session->has_userdata('logged_in_as_client') ? (int) get_contact_user_id() : 0;
    }

    /** @return array<string, int> user type => id of each user of this request logged in by their own login */
    public static function users(): array
    {
        return array_filter([\LoginSecurity\UserType::STAFF => self::staffId(), \LoginSecurity\UserType::CONTACT => self::contactId()]);
    }

    /** This browser's token for the user (any user with null: Perfex dropped that login without its logout hook), or null. */
    public static function token(string $userType, ?int $userId): ?string
    {
        $stored = get_instance()->session->userdata(self::TOKEN_KEY . $userType);
        $ours   = is_array($stored) && ($userId === null || (int) ($stored['user_id'] ?? 0) === $userId);

        return $ours && is_string($stored['token'] ?? null) ? $stored['token'] : null;
    }

    /** The public id (as live() shows it) of this browser's session of the user, or null. */
    public static function publicId(string $userType, int $userId): ?string
    {
        $id = get_instance()->session->userdata(self::HANDLE_KEY . $userType);

        return self::token($userType, $userId) !== null && is_string($id) ? $id : null;
    }

    /** Keeps a session that started now in the PHP session. */
    public static function keep(string $userType, int $userId, string $token, string $publicId): void
    {
        get_instance()->session->set_userdata([
            self::TOKEN_KEY . $userType  => ['user_id' => $userId, 'token' => $token],
            self::HANDLE_KEY . $userType => $publicId,
        ]);
    }

    public static function forget(string $userType): void
    {
        get_instance()->session->unset_userdata([self::TOKEN_KEY . $userType, self::HANDLE_KEY . $userType]);
    }

    /** The md5 key of this browser's remember-me row (tbluser_auto_login.key_id), or null without the cookie. */
    public static function autologinKey(): ?string
    {
        if (self::$autologinKey === null) {
            $raw                = $_COOKIE[self::autologinCookie()] ?? null;
            self::$autologinKey = is_string($raw) ? (self::autologinKeyOf($raw) ?? false) : false;
        }

        return self::$autologinKey ?: null;
    }

    /** Drops the autologin cookie (Perfex refused it already: it is recorded once). */
    public static function dropAutologinCookie(): void
    {
        if (!headers_sent()) {
            setcookie(self::autologinCookie(), '', ['expires' => 1, 'path' => '/']);
        }
        unset($_COOKIE[self::autologinCookie()]);
        self::$autologinKey = false;
    }

    /** The md5 key id of the autologin cookie this response sets (Perfex's create_autologin()), or null. */
    public static function newAutologinKey(): ?string
    {
        $key = null;
        foreach (headers_list() as $header) {
            if (preg_match('/^Set-Cookie:\s*' . preg_quote(self::autologinCookie(), '/') . '=([^;]+)/i', $header, $m)) {
                $key = self::autologinKeyOf(urldecode($m[1]));
            }
        }

        return $key;
    }

    private static function autologinCookie(): string
    {
        return (defined('APP_COOKIE_PREFIX') ? (string) constant('APP_COOKIE_PREFIX') : '') . 'autologin';
    }

    /** The md5 key id of an autologin cookie value (PHP-serialize(['user_id', 'key'])), or null. */
    private static function autologinKeyOf(string $raw): ?string
    {
        $data = $raw !== '' ? @unserialize($raw, ['allowed_classes' => false]) : null;

        return is_array($data) && isset($data['key']) && is_scalar($data['key']) ? md5((string) $data['key']) : null;
    }
}
