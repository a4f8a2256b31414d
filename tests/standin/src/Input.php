<?php
/**
 * $CI->input. Like Perfex (global_xss_filtering), post() cleans values unless asked not to — but only the part of
 * CodeIgniter's xss_clean that changes login input is reproduced (invisible characters, %-decoding), not its HTML
 * filtering: a module must escape on output and must not rely on input being pre-cleaned.
 */

declare(strict_types=1);

namespace Standin;

final class Input
{
    private ?string $ip = null;

    /**
     * CodeIgniter's input class cleans $_POST when it is built (_clean_input_data): invalid UTF-8 dropped and raw
     * control characters but tab, LF and CR removed — before any validation, so Perfex never sees them.
     */
    public function __construct()
    {
        $_POST = self::cleanInput($_POST);
    }

    /**
     * @param mixed $value
     * @return mixed
     */
    private static function cleanInput($value)
    {
        if (is_array($value)) {
            return array_map([self::class, 'cleanInput'], $value);
        }
        if (!is_string($value)) {
            return $value;
        }
        $value = (string) @iconv('UTF-8', 'UTF-8//IGNORE', $value);
        return (string) preg_replace('/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]+/S', '', $value);
    }

    /** Perfex turns global_xss_filtering on: values go through xss_clean unless the caller passes false. */
    public function post($key = null, $xss_clean = null)
    {
        $value = $key === null ? $_POST : ($_POST[$key] ?? null);
        return $xss_clean === false ? $value : self::xssClean($value);
    }

    /**
     * The part of CodeIgniter's xss_clean that changes what a login form posts: invisible characters removed (raw
     * and %-encoded), then %-sequences decoded until none is left, then invisible characters removed again. So a
     * password "%01" reads as "" through post('password') — Perfex reads passwords with post('password', false).
     * (The rest of xss_clean — entities, tags, attributes — is not reproduced: see the class comment.)
     *
     * @param mixed $value
     * @return mixed
     */
    public static function xssClean($value)
    {
        if (is_array($value)) {
            return array_map([self::class, 'xssClean'], $value);
        }
        if (!is_string($value)) {
            return $value;
        }
        $value = self::removeInvisible($value);
        do {
            $before = $value;
            $value = rawurldecode($value);
        } while ($before !== $value);
        return self::removeInvisible($value);
    }

    /** CodeIgniter's remove_invisible_characters($str, TRUE): control characters but tab, LF, CR, raw and %-encoded. */
    private static function removeInvisible(string $str): string
    {
        $patterns = ['/%0[0-8bcef]/i', '/%1[0-9a-f]/i', '/%7f/i', '/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]+/S'];
        do {
            $str = (string) preg_replace($patterns, '', $str, -1, $count);
        } while ($count > 0);
        return $str;
    }

    public function get($key = null, $xss_clean = null)
    {
        return $key === null ? $_GET : ($_GET[$key] ?? null);
    }

    public function post_get($key, $xss_clean = null)
    {
        return $_POST[$key] ?? ($_GET[$key] ?? null);
    }

    public function cookie($key = null, $xss_clean = null)
    {
        return $key === null ? $_COOKIE : ($_COOKIE[$key] ?? null);
    }

    public function server($key, $xss_clean = null)
    {
        return $_SERVER[$key] ?? null;
    }

    /** The request method, lower-case unless $upper. */
    public function method(bool $upper = false): string
    {
        $method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
        return $upper ? strtoupper($method) : strtolower($method);
    }

    public function is_ajax_request(): bool
    {
        return strtolower($_SERVER['HTTP_X_REQUESTED_WITH'] ?? '') === 'xmlhttprequest';
    }

    public function user_agent($xss_clean = null): ?string
    {
        return isset($_SERVER['HTTP_USER_AGENT']) ? trim($_SERVER['HTTP_USER_AGENT']) : null;
    }

    public function get_request_header(string $name, $xss_clean = false): ?string
    {
        $key = 'HTTP_' . strtoupper(str_replace('-', '_', $name));
        return $_SERVER[$key] ?? null;
    }

    /**
     * Perfex's ip_address() with its flaw (perfex-facts.md §5 L131-133): an X-Sucuri-ClientIP request header from
     * anyone is copied into $_SERVER['REMOTE_ADDR'], then REMOTE_ADDR is validated (no trusted proxies). The answer is
     * cached for the request; an invalid address gives '0.0.0.0'.
     */
    public function ip_address(): string
    {
        if (isset($_SERVER['HTTP_X_SUCURI_CLIENTIP'])) {
            $_SERVER['REMOTE_ADDR'] = $_SERVER['HTTP_X_SUCURI_CLIENTIP'];
        }
        if ($this->ip === null) {
            $ip = (string) ($_SERVER['REMOTE_ADDR'] ?? '');
            $this->ip = filter_var($ip, FILTER_VALIDATE_IP) !== false ? $ip : '0.0.0.0';
        }
        return $this->ip;
    }

    public function valid_ip(string $ip, string $which = ''): bool
    {
        $flag = ['ipv4' => FILTER_FLAG_IPV4, 'ipv6' => FILTER_FLAG_IPV6][strtolower($which)] ?? 0;
        return filter_var($ip, FILTER_VALIDATE_IP, $flag) !== false;
    }
}
