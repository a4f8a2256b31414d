<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * A signed cookie naming the browser's login session: user type, user id, the session's public id and its start.
 *
 * Signing a user out everywhere (admin, ban, password change) deletes every Perfex session row of the user, so
 * their next request arrives with no session at all and our per-request check never sees the ended session. This
 * cookie lets that request still learn why: a ban in force, or how its session ended (the sessions table keeps
 * it). It carries no token or session id and is HMAC-signed with a secret of the module's (an option), so nobody
 * can ask about another user. Normal logouts delete it; it never changes who is logged in.
 */
final class Login_security_session_marker
{
    public const COOKIE = 'login_security_session';

    /** As long as Perfex's session cookie (sess_expiration). */
    private const LIFETIME = 28800;

    /** Sends the cookie for a session that starts now. */
    public static function issue(string $userType, int $userId, string $publicId): void
    {
        $payload = $userType . ':' . $userId . ':' . $publicId . ':' . time();
        self::send($payload . ':' . self::sign($payload), time() + self::LIFETIME);
    }

    /**
     * Drops the cookie when it names a session of $userType: that login ended in this browser (Perfex dropped it),
     * so nothing is left to explain about it.
     */
    public static function clearFor(string $userType): void
    {
        if ((self::read()[0] ?? null) === $userType) {
            self::clear();
        }
    }

    public static function clear(): void
    {
        if (isset($_COOKIE[self::COOKIE])) {
            self::send('', 1);
            unset($_COOKIE[self::COOKIE]);
        }
    }

    /**
     * For a request with no logged-in user: why this browser's session was ended from elsewhere, as a notice code
     * and the end of a ban, or null (no cookie, a forged one, a session still live or one that simply expired) —
     * the extension reads it from the session's own row. Consumes the cookie.
     *
     * @return array{0: string, 1: int|null}|null
     */
    public static function explain(): ?array
    {
        $marker = self::read();
        if ($marker === null) {
            return null;
        }
        self::clear();
        $why = Login_security_gateway::instance()->sessionEndedWhy($marker[0], $marker[1], $marker[2]);

        return $why === null ? null : [$why['reason'], $why['until']];
    }

    /** @return array{0: string, 1: int, 2: string, 3: int}|null */
    private static function read(): ?array
    {
        $raw = $_COOKIE[self::COOKIE] ?? null;
        if (!is_string($raw) || !preg_match('/^(staff|contact):(\d{1,10}):([0-9a-f]{32}):(\d{1,12}):([0-9a-f]{64})$/', $raw, $m)) {
            return null;
        }
        $payload = $m[1] . ':' . $m[2] . ':' . $m[3] . ':' . $m[4];

        return hash_equals(self::sign($payload), $m[5]) ? [$m[1], (int) $m[2], $m[3], (int) $m[4]] : null;
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

    private static function send(string $value, int $expires): void
    {
        if (headers_sent()) {
            return;
        }
        $https = !empty($_SERVER['HTTPS']) && strtolower((string) $_SERVER['HTTPS']) !== 'off';
        setcookie(self::COOKIE, $value, ['expires' => $expires, 'path' => '/', 'secure' => $https, 'httponly' => true, 'samesite' => 'Lax']);
    }
}
