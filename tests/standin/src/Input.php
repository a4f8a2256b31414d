<?php
/**
 * $CI->input. Unlike Perfex (global_xss_filtering), values are returned raw: CodeIgniter's xss_clean is not
 * reproduced, so a module must escape on output and must not rely on input being pre-cleaned.
 */

declare(strict_types=1);

namespace Standin;

final class Input
{
    private ?string $ip = null;

    public function post($key = null, $xss_clean = null)
    {
        return $key === null ? $_POST : ($_POST[$key] ?? null);
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
