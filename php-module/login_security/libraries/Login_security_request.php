<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * What this request says about the client, kept as it was when the module loaded: Perfex's ip_address() copies
 * a client-supplied X-Sucuri-ClientIP header into REMOTE_ADDR when it is first called, so REMOTE_ADDR is read
 * before that can happen (login_security.php calls capture() first thing).
 */
final class Login_security_request
{
    /** The $_SERVER keys of the forwarded headers LoginSecurity\client_ip() may believe (from trusted proxies). */
    private const FORWARDED_HEADERS = ['HTTP_X_FORWARDED_FOR', 'HTTP_X_REAL_IP', 'HTTP_CF_CONNECTING_IP'];

    /** @var array{remote_addr: string, headers: array<string, string>}|null */
    private static ?array $captured = null;

    /**
     * Keeps REMOTE_ADDR and the forwarded headers; later calls change nothing.
     *
     * @param array<string, mixed> $server $_SERVER
     */
    public static function capture(array $server): void
    {
        self::$captured ??= [
            'remote_addr' => self::text($server['REMOTE_ADDR'] ?? ''),
            'headers'     => array_filter(array_intersect_key($server, array_flip(self::FORWARDED_HEADERS)), 'is_string'),
        ];
    }

    /** REMOTE_ADDR as captured ("" without one, e.g. on the command line). */
    public static function remoteAddr(): string
    {
        self::capture($_SERVER);

        return self::$captured['remote_addr'];
    }

    /** @return array<string, string> $_SERVER key => value of the forwarded headers present */
    public static function forwardedHeaders(): array
    {
        self::capture($_SERVER);

        return self::$captured['headers'];
    }

    /** The raw User-Agent header (the extension cuts and cleans it). */
    public static function userAgent(): string
    {
        return self::text($_SERVER['HTTP_USER_AGENT'] ?? '');
    }

    /**
     * A hook argument's text: scalars as text, anything else (a list posted where text belongs) as "".
     *
     * @param mixed $value
     */
    public static function text($value): string
    {
        return is_scalar($value) ? (string) $value : '';
    }
}
