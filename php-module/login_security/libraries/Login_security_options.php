<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * The module's Perfex options, each named "login_security_<key>". The settings among them are the extension's schema
 * (LoginSecurity\settings_schema()): the module keeps no copy, so a new setting needs no PHP. Self-contained (no
 * constant of the init file) because uninstall.php loads it with the module inactive.
 */
final class Login_security_options
{
    public const PREFIX = 'login_security_';

    /** Settings → Login Security tab id (admin/settings?group=login_security). */
    public const SETTINGS_TAB = 'login_security';

    /** Seconds the server waits beyond the inactivity timeout before it ends a session (the heartbeat is once a minute). */
    public const INACTIVITY_GRACE_SECONDS = 60;

    /**
     * Not settings: options the module keeps for itself, never accepted from a settings form — the "<extension
     * version>/<schema version>" whose migrate() last succeeded (hooks/maintenance.php), the time of the last block
     * (hooks/lockout_notify.php; what was told is in the extension's tables), the secret that signs the cookie naming
     * a browser's login session (Login_security_session_notice::mark()).
     */
    public const MIGRATED_VERSION   = 'migrated_version';
    public const LOCKOUT_LAST_BLOCK = 'lockout_last_block';
    public const SESSION_MARKER_KEY = 'session_marker_key';
    public const INTERNAL           = [self::MIGRATED_VERSION => '', self::LOCKOUT_LAST_BLOCK => '', self::SESSION_MARKER_KEY => ''];

    /** Options earlier versions kept (block notices, now in the extension's tables). */
    private const RETIRED = ['lockout_blocks', 'lockout_notified'];

    /** "log_retention_days" → "login_security_log_retention_days". */
    public static function name(string $key): string
    {
        return self::PREFIX . $key;
    }

    /** @return array<string, array<string, mixed>> LoginSecurity\settings_schema() by key; [] without the extension */
    public static function schema(): array
    {
        static $schema = null;

        return $schema ??= array_column(Login_security_gateway::instance()->settingsSchema(), null, 'key');
    }

    /**
     * Adds every option with its default; existing values are kept (add_option is a no-op then), the retired ones
     * deleted (activation, and an upgrade's first admin page). Without the extension only the internal options: the
     * settings follow on the first admin page once it is installed (hooks/maintenance.php).
     */
    public static function addDefaults(): void
    {
        foreach (array_column(self::schema(), 'default', 'key') + self::INTERNAL as $key => $default) {
            add_option(self::name($key), (string) $default, 1);
        }
        array_map('delete_option', array_map([self::class, 'name'], self::RETIRED));
    }

    /** Uninstall: every login_security_* option, also those of no schema (an older extension's, or none installed). */
    public static function deleteAll(): void
    {
        get_instance()->db->query('DELETE FROM ' . db_prefix() . "options WHERE name LIKE 'login\\_security\\_%'");
    }

    /**
     * The stored value; a missing or empty option of a setting that cannot be empty (a number, a yes/no) reads as
     * the schema's default. Asks the extension for the schema only then: this runs on every request.
     */
    public static function get(string $key): string
    {
        $value = get_option(self::name($key));
        if (is_scalar($value) && (string) $value !== '') {
            return (string) $value;
        }
        $row = self::schema()[$key] ?? null;

        return $row !== null && in_array($row['kind'], ['int', 'bool'], true) ? (string) $row['default'] : '';
    }

    public static function set(string $key, string $value): void
    {
        update_option(self::name($key), $value);
    }

    /** A yes/no setting. */
    public static function on(string $key): bool
    {
        return self::get($key) === '1';
    }

    /** A whole-number setting: the stored value when a positive number, else the schema's default, else 1. */
    public static function number(string $key): int
    {
        $raw = self::get($key);

        return preg_match('/^[1-9][0-9]{0,8}$/', $raw) === 1 ? (int) $raw : max(1, (int) (self::schema()[$key]['default'] ?? 1));
    }

    public static function anonymizeIp(): bool
    {
        return self::on('anonymize_ip');
    }

    public static function trustedProxies(): string
    {
        return self::get('trusted_proxies');
    }

    /** Single login for "staff" or "contact": a new login is refused while another session of the user is live. */
    public static function singleLogin(string $userType): bool
    {
        return self::on($userType === 'staff' ? 'session_single_staff' : 'session_single_customers');
    }

    /** Seconds without activity after which a session no longer counts for single login. */
    public static function sessionIdleSeconds(): int
    {
        return self::number('session_idle_minutes') * 60;
    }

    public static function endSessionsOnPasswordChange(): bool
    {
        return self::on('session_end_on_password_change');
    }

    /** Seconds of inactivity after which a session of $userType ends: the timeout plus the grace; null when off. */
    public static function idleLimitSeconds(string $userType): ?int
    {
        return self::inactivityAppliesTo($userType) ? self::number('inactivity_timeout_minutes') * 60 + self::INACTIVITY_GRACE_SECONDS : null;
    }

    /** Inactivity Logout is on for "staff" or "contact" (the global switch and the user type's own). */
    public static function inactivityAppliesTo(string $userType): bool
    {
        $key = ['staff' => 'inactivity_staff', 'contact' => 'inactivity_customers'][$userType] ?? null;

        return $key !== null && self::on('inactivity_enabled') && self::on($key);
    }
}
