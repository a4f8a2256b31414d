<?php
/**
 * $CI->session: CodeIgniter's session API over $_SESSION, started with the database driver.
 * Cookie sp_session (HttpOnly, SameSite Lax, path /, 28800 s). The id is regenerated every
 * STANDIN_SESS_TIME_TO_UPDATE seconds (Perfex: 300) on non-AJAX requests only, and the old id is NOT destroyed
 * (perfex-facts.md §2 L58-61, L68-71). Logging in does not regenerate. Flash data (set_alert) lives one request.
 */

declare(strict_types=1);

namespace Standin;

final class Session
{
    /** Starts the session for a web request. In the CLI the session is a plain array that is never stored. */
    public function start(Database $db, bool $isAjax): void
    {
        if (PHP_SAPI === 'cli') {
            $_SESSION = [];
            return;
        }
        ini_set('session.use_strict_mode', '1');
        ini_set('session.use_cookies', '1');
        ini_set('session.use_only_cookies', '1');
        ini_set('session.use_trans_sid', '0');
        ini_set('session.gc_maxlifetime', (string) Config::SESSION_EXPIRATION);
        session_name(Config::SESSION_COOKIE);
        session_set_cookie_params([
            'lifetime' => Config::SESSION_EXPIRATION,
            'path' => '/',
            'domain' => '',
            'secure' => false,
            'httponly' => true,
            'samesite' => APP_SESSION_COOKIE_SAME_SITE,
        ]);
        session_set_save_handler(new SessionHandler($db), true);
        session_start();

        $every = Config::sessionTimeToUpdate();
        if (!$isAjax && $every > 0) {
            if (!isset($_SESSION['__ci_last_regenerate'])) {
                $_SESSION['__ci_last_regenerate'] = time();
            } elseif ($_SESSION['__ci_last_regenerate'] < time() - $every) {
                $this->sess_regenerate(false);
            }
        }
        $this->ageFlashData();
    }

    public function userdata($key = null)
    {
        if ($key === null) {
            return $_SESSION ?? [];
        }
        return $_SESSION[$key] ?? null;
    }

    /** set_userdata('key', value) or set_userdata(['key' => value, ...]). */
    public function set_userdata($data, $value = null): void
    {
        foreach (is_array($data) ? $data : [$data => $value] as $key => $val) {
            $_SESSION[$key] = $val;
        }
    }

    public function unset_userdata($key): void
    {
        foreach ((array) $key as $k) {
            unset($_SESSION[$k]);
        }
    }

    public function has_userdata(string $key): bool
    {
        return isset($_SESSION[$key]);
    }

    public function set_flashdata($data, $value = null): void
    {
        foreach (is_array($data) ? $data : [$data => $value] as $key => $val) {
            $_SESSION[$key] = $val;
            $_SESSION['__ci_vars'][$key] = 'new';
        }
    }

    public function flashdata(?string $key = null)
    {
        if ($key !== null) {
            return isset($_SESSION['__ci_vars'][$key]) ? ($_SESSION[$key] ?? null) : null;
        }
        $flash = [];
        foreach (array_keys($_SESSION['__ci_vars'] ?? []) as $k) {
            $flash[$k] = $_SESSION[$k] ?? null;
        }
        return $flash;
    }

    /** Regenerates the id; with $destroy false (Perfex's setting) the old row stays valid. */
    public function sess_regenerate(bool $destroy = false): void
    {
        $_SESSION['__ci_last_regenerate'] = time();
        if (session_status() === PHP_SESSION_ACTIVE) {
            session_regenerate_id($destroy);
        }
    }

    /**
     * Deletes the session row and the cookie. As in CodeIgniter, $_SESSION keeps its values for the rest of the
     * request, but nothing written to it any more is stored (an alert set after a logout is lost).
     */
    public function sess_destroy(): void
    {
        if (session_status() === PHP_SESSION_ACTIVE) {
            session_destroy();
            setcookie(Config::SESSION_COOKIE, '', ['expires' => 1, 'path' => '/', 'httponly' => true,
                'samesite' => APP_SESSION_COOKIE_SAME_SITE]);
        }
    }

    /** Flash data set by the previous request is readable now and removed at the end of this one. */
    private function ageFlashData(): void
    {
        foreach ($_SESSION['__ci_vars'] ?? [] as $key => $state) {
            if ($state === 'new') {
                $_SESSION['__ci_vars'][$key] = 'old';
            } else {
                unset($_SESSION[$key], $_SESSION['__ci_vars'][$key]);
            }
        }
        if (empty($_SESSION['__ci_vars'])) {
            unset($_SESSION['__ci_vars']);
        }
    }
}
