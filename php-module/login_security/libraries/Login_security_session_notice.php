<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Why a user was signed out, carried to the login page. Perfex destroys the session at logout (an alert set then is
 * lost), so the reason travels in a short-lived cookie of its own — a code, never user data — that the login page
 * shows once and deletes. It holds nothing an attacker could use: at worst a user forges their own notice.
 */
final class Login_security_session_notice
{
    public const COOKIE = 'login_security_notice';

    /** Notice codes (the end reasons a user can meet) → language key. */
    private const MESSAGES = [
        'forced'   => 'login_security_sessions_notice_forced',
        'banned'   => 'login_security_sessions_notice_banned',
        'idle'     => 'login_security_sessions_notice_idle',
        'rejected' => 'login_security_sessions_notice_rejected',
        'expired'  => 'login_security_sessions_notice_expired',
        'logout'   => 'login_security_sessions_notice_ended',
        'password_changed' => 'login_security_sessions_notice_password_changed',
        'revoked'  => 'login_security_sessions_notice_revoked',
    ];

    private const LIFETIME = 600;

    /** Sends the cookie: $code is an end reason; $until the end of a ban. */
    public static function set(string $code, ?int $until): void
    {
        $code = isset(self::MESSAGES[$code]) ? $code : 'logout';
        $value = $code . ($until !== null && $until > 0 ? ':' . $until : '');
        self::send($value, time() + self::LIFETIME);
        $_COOKIE[self::COOKIE] = $value; // a login page rendered by this very request shows it too
    }

    /** The message of the cookie this request brought (and deletes it), or null. */
    public static function take(): ?string
    {
        $raw = $_COOKIE[self::COOKIE] ?? null;
        if (!is_string($raw) || !preg_match('/^([a-z_]+)(?::(\d{1,12}))?$/', $raw, $m) || !isset(self::MESSAGES[$m[1]])) {
            return null;
        }
        self::clear();

        return self::message($m[1], isset($m[2]) ? (int) $m[2] : null);
    }

    /** Drops a notice not shown yet (the user signed in meanwhile). */
    public static function clear(): void
    {
        if (isset($_COOKIE[self::COOKIE])) {
            self::send('', 1);
            unset($_COOKIE[self::COOKIE]);
        }
    }

    /** The text shown for a notice code (an end reason). */
    public static function message(string $code, ?int $until): string
    {
        switch ($code) {
            case 'banned':
                return _l(self::MESSAGES['banned'], self::untilMinute($until ?? time()));
            case 'rejected':
                return self::plural(self::MESSAGES['rejected'], intdiv(Login_security_options::sessionIdleSeconds(), 60));
            case 'idle':
                return function_exists('login_security_inactivity_signed_out_message')
                    ? login_security_inactivity_signed_out_message() : _l(self::MESSAGES['idle']);
            default:
                return _l(self::MESSAGES[$code] ?? self::MESSAGES['logout']);
        }
    }

    /**
     * The one rule for "until" times shown to people (bans, as lockouts do): rounded UP to the minute, so a ban
     * ending at 18:22:23 reads 18:23 and nobody is told to come back while still refused.
     */
    public static function untilMinute(int $until): string
    {
        return date('Y-m-d H:i', (int) ceil($until / 60) * 60);
    }

    /** A counted text: the language key with "_one" for 1, the key itself (with the number) otherwise. */
    public static function plural(string $key, int $count): string
    {
        return $count === 1 ? _l($key . '_one') : _l($key, (string) $count);
    }

    private static function send(string $value, int $expires): void
    {
        if (headers_sent()) {
            return;
        }
        $https = !empty($_SERVER['HTTPS']) && strtolower((string) $_SERVER['HTTPS']) !== 'off';
        setcookie(self::COOKIE, $value, ['expires' => $expires, 'path' => '/', 'secure' => $https, 'httponly' => true, 'samesite' => 'Lax']);
    }
}
