<?php
/**
 * The stand-in's configuration: Perfex's app-config constants (perfex-facts.md §2 L56-57, §3 L113) filled from the
 * environment, plus the stand-in's own knobs. Every value can be changed by an environment variable so that tests can
 * start servers with different settings.
 */

declare(strict_types=1);

namespace Standin;

final class Config
{
    /** Session cookie, lifetime and regeneration as in Perfex's config.php (facts §2 L58-61). */
    public const SESSION_COOKIE = 'sp_session';
    public const SESSION_EXPIRATION = 28800;
    /** CSRF double-submit names and cookie lifetime (facts §3 L104-107). */
    public const CSRF_TOKEN_NAME = 'csrf_token_name';
    public const CSRF_COOKIE_NAME = 'csrf_cookie_name';
    public const CSRF_EXPIRE = 3660;
    /** Remember-me cookie lifetime: 2 months of 31 days (facts §1 L41-42). */
    public const AUTOLOGIN_COOKIE = 'autologin';
    public const AUTOLOGIN_EXPIRE = 60 * 60 * 24 * 31 * 2;

    /** Defines Perfex's constants once. $requestHost is the Host header, used when STANDIN_BASE_URL is unset. */
    public static function defineConstants(?string $requestHost): void
    {
        if (defined('APP_BASE_URL')) {
            return;
        }
        $base = self::env('STANDIN_BASE_URL', 'http://' . ($requestHost ?: '127.0.0.1') . '/');
        define('APP_BASE_URL', rtrim($base, '/') . '/');
        define('APP_DB_HOSTNAME', self::env('LS_DB_HOST', '127.0.0.1'));
        define('APP_DB_USERNAME', self::env('LS_DB_USER', 'perfex'));
        define('APP_DB_PASSWORD', self::env('LS_DB_PASSWORD', ''));
        define('APP_DB_NAME', self::env('LS_DB_NAME', 'perfex'));
        define('APP_DB_PREFIX', self::env('STANDIN_DB_PREFIX', 'tbl'));
        define('SESS_DRIVER', 'database');
        define('SESS_SAVE_PATH', 'sessions');
        define('APP_SESSION_COOKIE_SAME_SITE', 'Lax');
        define('APP_CSRF_PROTECTION', true);
        define('ADMIN_URI', 'admin');
        define('BASEPATH', self::root() . '/');
        define('APP_MODULES_PATH', self::modulesDir() . '/');
    }

    /** tests/standin */
    public static function root(): string
    {
        return dirname(__DIR__);
    }

    /** Where modules live: STANDIN_MODULES_DIR, else the repository's php-module/. */
    public static function modulesDir(): string
    {
        $dir = self::env('STANDIN_MODULES_DIR', dirname(self::root(), 2) . '/php-module');
        return rtrim((string) (realpath($dir) ?: $dir), '/');
    }

    /** Seconds between session id regenerations (Perfex: 300). Tests lower it to force a regeneration. */
    public static function sessionTimeToUpdate(): int
    {
        return (int) self::env('STANDIN_SESS_TIME_TO_UPDATE', '300');
    }

    /** The MySQL port: PHP's mysqli.default_port, which bin/serve sets from LS_DB_PORT. */
    public static function dbPort(): int
    {
        return (int) (ini_get('mysqli.default_port') ?: 3306);
    }

    /**
     * For the command-line tools and the tests: takes the LS_* variables from the project's scripts/env.sh (the one
     * place that defines the database settings) when the environment does not already have them.
     */
    public static function importProjectEnv(): void
    {
        if (getenv('LS_DB_USER') !== false) {
            return;
        }
        $script = dirname(self::root(), 2) . '/scripts/env.sh';
        $lines = [];
        exec('bash -c ' . escapeshellarg('. ' . escapeshellarg($script) . ' && env'), $lines);
        foreach ($lines as $line) {
            if (preg_match('/^(LS_[A-Z_]+)=(.*)$/', $line, $m) && getenv($m[1]) === false) {
                putenv("$m[1]=$m[2]");
            }
        }
    }

    public static function env(string $name, string $default): string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? $default : $value;
    }
}
