<?php
/**
 * $CI->security: CSRF double-submit as in Perfex (perfex-facts.md §3 L104-107). It runs before the session and before
 * any module init file, like CodeIgniter's input class; only config/csrf_exclude_uris.php files of modules and the
 * csrf_exclude_uris filter can exempt a URI.
 * - A non-POST request (re)sets the cookie csrf_cookie_name (3660 s, HttpOnly, SameSite Lax); the hash is kept when
 *   the browser already holds a well-formed one, so it is not regenerated.
 * - A POST must carry the field csrf_token_name equal to that cookie: else 419 for XHR, 403 otherwise. The field is
 *   removed from $_POST once checked.
 */

declare(strict_types=1);

namespace Standin;

final class Security
{
    /** URIs Perfex itself exempts (its config.php list). */
    private const CORE_EXCLUDED = ['forms/wtl/[0-9a-z]+', 'forms/ticket', 'forms/quote/[0-9a-z]+',
        'admin/tasks/timer_tracking', 'api\/.+', 'razorpay/success\/.+'];

    private string $hash;

    public function __construct()
    {
        $cookie = $_COOKIE[Config::CSRF_COOKIE_NAME] ?? null;
        $this->hash = is_string($cookie) && preg_match('/^[0-9a-f]{32}$/', $cookie) ? $cookie : bin2hex(random_bytes(16));
    }

    public function get_csrf_token_name(): string
    {
        return Config::CSRF_TOKEN_NAME;
    }

    public function get_csrf_hash(): string
    {
        return $this->hash;
    }

    /** Checks the request; on a mismatch answers it (419 / 403) and exits. */
    public function verify(string $uriString, bool $isAjax): void
    {
        if (strtoupper($_SERVER['REQUEST_METHOD'] ?? 'GET') !== 'POST') {
            $this->setCookie();
            return;
        }
        foreach (hooks()->apply_filters('csrf_exclude_uris', self::CORE_EXCLUDED) as $excluded) {
            if (preg_match('#^' . $excluded . '$#iu', $uriString)) {
                return;
            }
        }
        $posted = $_POST[Config::CSRF_TOKEN_NAME] ?? null;
        $cookie = $_COOKIE[Config::CSRF_COOKIE_NAME] ?? null;
        $valid = is_string($posted) && is_string($cookie) && hash_equals($posted, $cookie);
        unset($_POST[Config::CSRF_TOKEN_NAME]);
        $this->setCookie();
        if ($valid) {
            return;
        }
        if ($isAjax) {
            http_response_code(419);
            exit;
        }
        show_error('Sorry, the page has expired, return to previous page and refresh to continue.', 403, '419 Page Expired!');
    }

    /** What csrf_jquery_token() hands to JavaScript as csrfData. */
    public function forAjax(): array
    {
        return [
            'formatted' => [Config::CSRF_TOKEN_NAME => $this->hash],
            'token_name' => Config::CSRF_TOKEN_NAME,
            'hash' => $this->hash,
        ];
    }

    private function setCookie(): void
    {
        setcookie(Config::CSRF_COOKIE_NAME, $this->hash, [
            'expires' => time() + Config::CSRF_EXPIRE,
            'path' => '/',
            'httponly' => true,
            'samesite' => APP_SESSION_COOKIE_SAME_SITE,
        ]);
    }
}
