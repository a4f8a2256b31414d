<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Why a user was signed out, carried to the login page by two HttpOnly cookies of the module's own:
 * - the notice: Perfex destroys the session at logout (an alert set then is lost), so the reason travels as a code,
 *   never user data, shown once and deleted; at worst a user forges their own notice;
 * - the marker (user type, user id, public id, start of this browser's session): signing a user out everywhere
 *   deletes their Perfex session rows, so their next request has no session to check; the marker still lets it ask
 *   the extension why. No token or session id in it, and HMAC-signed with the module's secret: nobody can ask about
 *   another user. Normal logouts delete it; it never changes who is logged in.
 */
final class Login_security_session_notice
{
    public const COOKIE = 'login_security_notice';

    public const MARKER = 'login_security_session';

    /** Notice codes (the end reasons a user can meet): language key login_security_sessions_notice_<code> ("ended" for logout). */
    private const CODES = ['forced', 'banned', 'idle', 'rejected', 'expired', 'logout', 'password_changed', 'revoked'];

    private const LIFETIME        = 600;
    private const MARKER_LIFETIME = 28800; // as Perfex's session cookie (sess_expiration)

    /** Sends the notice: $code is an end reason; $until the end of a ban. */
    public static function set(string $code, ?int $until): void
    {
        $code  = in_array($code, self::CODES, true) ? $code : 'logout';
        $value = $code . ($until !== null && $until > 0 ? ':' . $until : '');
        self::send(self::COOKIE, $value, time() + self::LIFETIME);
        $_COOKIE[self::COOKIE] = $value; // a login page rendered by this very request shows it too
    }

    /** The message of the notice this request brought (and deletes it), or null. */
    public static function take(): ?string
    {
        $raw = $_COOKIE[self::COOKIE] ?? null;
        if (!is_string($raw) || !preg_match('/^([a-z_]+)(?::(\d{1,12}))?$/', $raw, $m) || !in_array($m[1], self::CODES, true)) {
            return null;
        }
        self::clear();

        return self::message($m[1], isset($m[2]) ? (int) $m[2] : null);
    }

    /** Drops a notice not shown yet (the user signed in meanwhile). */
    public static function clear(): void
    {
        self::drop(self::COOKIE);
    }

    /** The text shown for a notice code (an end reason). */
    public static function message(string $code, ?int $until): string
    {
        $key = 'login_security_sessions_notice_' . (in_array($code, self::CODES, true) && $code !== 'logout' ? $code : 'ended');
        if ($code === 'idle' && function_exists('login_security_inactivity_signed_out_message')) {
            return login_security_inactivity_signed_out_message();
        }
        if ($code === 'rejected') {
            return self::plural($key, intdiv(Login_security_options::sessionIdleSeconds(), 60));
        }

        return $code === 'banned' ? _l($key, self::untilMinute($until ?? time())) : _l($key);
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

    /** Sends the marker of a session that starts now. */
    public static function mark(string $userType, int $userId, string $publicId): void
    {
        $payload = $userType . ':' . $userId . ':' . $publicId . ':' . time();
        self::send(self::MARKER, $payload . ':' . self::sign($payload), time() + self::MARKER_LIFETIME);
    }

    /** Drops the marker; with $userType only when it names a session of that type (ended here: nothing to explain). */
    public static function unmark(?string $userType = null): void
    {
        if ($userType === null || (self::marker()[0] ?? null) === $userType) {
            self::drop(self::MARKER);
        }
    }

    /**
     * Why the marked session was ended from elsewhere (Sessions::endedWhy: a notice code and the end of a ban), or
     * null (no marker, a forged one, …). Consumes the marker.
     *
     * @return array{reason: string, until: int|null}|null
     */
    public static function explain(): ?array
    {
        $marker = self::marker();
        if ($marker === null) {
            return null;
        }
        self::unmark();

        return Login_security_gateway::instance()->sessionEndedWhy(...$marker);
    }

    /** @return array{0: string, 1: int, 2: string}|null the marker, when its signature holds */
    private static function marker(): ?array
    {
        $raw = $_COOKIE[self::MARKER] ?? null;
        if (!is_string($raw) || !preg_match('/^((staff|contact):(\d{1,10}):([0-9a-f]{32}):\d{1,12}):([0-9a-f]{64})$/', $raw, $m)) {
            return null;
        }

        return hash_equals(self::sign($m[1]), $m[5]) ? [$m[2], (int) $m[3], $m[4]] : null;
    }

    private static function sign(string $payload): string
    {
        static $key = null;
        if ($key === null) {
            $key = Login_security_options::get(Login_security_options::SESSION_MARKER_KEY);
            if (strlen($key) < 32) {
                $key = bin2hex(random_bytes(32));
                Login_security_options::set(Login_security_options::SESSION_MARKER_KEY, $key);
            }
        }

        return hash_hmac('sha256', $payload, $key);
    }

    private static function drop(string $cookie): void
    {
        if (isset($_COOKIE[$cookie])) {
            self::send($cookie, '', 1);
            unset($_COOKIE[$cookie]);
        }
    }

    private static function send(string $cookie, string $value, int $expires): void
    {
        if (!headers_sent()) {
            $https = !empty($_SERVER['HTTPS']) && strtolower((string) $_SERVER['HTTPS']) !== 'off';
            setcookie($cookie, $value, ['expires' => $expires, 'path' => '/', 'secure' => $https, 'httponly' => true, 'samesite' => 'Lax']);
        }
    }
}
