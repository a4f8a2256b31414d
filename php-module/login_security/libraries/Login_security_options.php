<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * The module's Perfex options: names and typed reads. Every option is named "login_security_<key>"; the settings
 * among them (their keys, kinds, ranges, defaults and places on the tabs) are the extension's schema,
 * LoginSecurity\settings_schema(): the module keeps no copy, so a new setting needs no PHP. A number or yes/no whose
 * option is missing or empty reads as the schema's default; without the extension there is no schema (and no
 * protection): the settings tabs then show the missing-extension notice instead of their fields.
 *
 * Self-contained (no constant of the init file) because uninstall.php loads it with the module inactive.
 */
final class Login_security_options
{
    public const PREFIX = 'login_security_';

    /** Settings → Login Security tab id (admin/settings?group=login_security). */
    public const SETTINGS_TAB = 'login_security';

    /** The settings the module's own code reads (hooks and pages act on them); the schema defines them all. */
    public const LOG_RETENTION_DAYS             = 'log_retention_days';
    public const ANONYMIZE_IP                   = 'anonymize_ip';
    public const TRUSTED_PROXIES                = 'trusted_proxies';
    public const SESSION_SINGLE_STAFF           = 'session_single_staff';
    public const SESSION_SINGLE_CUSTOMERS       = 'session_single_customers';
    public const SESSION_IDLE_MINUTES           = 'session_idle_minutes';
    public const SESSION_END_ON_PASSWORD_CHANGE = 'session_end_on_password_change';
    public const INACTIVITY_ENABLED             = 'inactivity_enabled';
    public const INACTIVITY_STAFF               = 'inactivity_staff';
    public const INACTIVITY_CUSTOMERS           = 'inactivity_customers';
    public const INACTIVITY_TIMEOUT_MINUTES     = 'inactivity_timeout_minutes';
    public const INACTIVITY_WARNING_SECONDS     = 'inactivity_warning_seconds';
    public const INACTIVITY_MESSAGE             = 'inactivity_message';

    /** Seconds the server waits beyond the inactivity timeout before it ends a session (the heartbeat is once a minute). */
    public const INACTIVITY_GRACE_SECONDS = 60;

    /** Not a setting: "<extension version>/<schema version>" whose migrate() last succeeded (see hooks/maintenance.php). */
    public const MIGRATED_VERSION = 'migrated_version';

    /** Not a setting: the time of the last block (hooks/lockout_notify.php; what was told is in the extension's tables). */
    public const LOCKOUT_LAST_BLOCK = 'lockout_last_block';

    /** Not a setting: the secret that signs the cookie naming a browser's login session (Login_security_session_marker). */
    public const SESSION_MARKER_KEY = 'session_marker_key';

    /** Options the module keeps for itself; never accepted from a settings form. */
    public const INTERNAL = [
        self::MIGRATED_VERSION    => '',
        self::LOCKOUT_LAST_BLOCK  => '',
        self::SESSION_MARKER_KEY  => '',
    ];

    /** "log_retention_days" → "login_security_log_retention_days". */
    public static function name(string $key): string
    {
        return self::PREFIX . $key;
    }

    /**
     * The settings as the extension defines them, by key, in the order the tabs show them; [] without the extension.
     *
     * @return array<string, array{key: string, kind: string, default: string, min: int|null, max: int|null, unit: string|null, lines: int|null, tab: string, section: int}>
     */
    public static function schema(): array
    {
        static $schema = null;
        if ($schema === null) {
            $schema = [];
            foreach (Login_security_gateway::instance()->settingsSchema() as $row) {
                if (is_array($row) && is_string($row['key'] ?? null)) {
                    $schema[$row['key']] = $row;
                }
            }
        }

        return $schema;
    }

    /** The setting key of a posted option name, or null when the name is not one of the schema's settings. */
    public static function settingKey(string $optionName): ?string
    {
        if (strpos($optionName, self::PREFIX) !== 0) {
            return null;
        }
        $key = substr($optionName, strlen(self::PREFIX));

        return array_key_exists($key, self::schema()) ? $key : null;
    }

    /** True for any option name in the module's namespace (settings, internal or unknown). */
    public static function isModuleOption(string $optionName): bool
    {
        return strpos($optionName, self::PREFIX) === 0;
    }

    /** Options earlier versions kept (block notices, now in the extension's tables). */
    private const RETIRED = ['lockout_blocks', 'lockout_notified'];

    /**
     * Adds every option with its default; existing values are kept (add_option is a no-op then). Without the
     * extension only the internal options: the settings follow on the first admin page once it is installed
     * (hooks/maintenance.php), and read as their defaults until then.
     */
    public static function addDefaults(): void
    {
        foreach (array_column(self::schema(), 'default', 'key') + self::INTERNAL as $key => $default) {
            add_option(self::name($key), (string) $default, 1);
        }
        self::deleteRetired();
    }

    /** Deletes the options earlier versions kept (activation, and an upgrade's first admin page). */
    public static function deleteRetired(): void
    {
        foreach (self::RETIRED as $key) {
            delete_option(self::name($key));
        }
    }

    /**
     * Deletes every option of the module (uninstall): all login_security_* options, so also a setting an older
     * extension had and the settings of an install whose extension is gone (there is no schema to list them then).
     */
    public static function deleteAll(): void
    {
        $CI = &get_instance();
        $CI->db->query('DELETE FROM ' . db_prefix() . "options WHERE name LIKE 'login\\_security\\_%'");
    }

    /**
     * The stored value; a missing or empty option of a setting that cannot be empty (a number, a yes/no) reads as
     * the schema's default. Asks the extension for the schema only then: this runs on every request.
     */
    public static function get(string $key): string
    {
        $value = get_option(self::name($key));
        $value = is_scalar($value) ? (string) $value : '';
        if ($value !== '') {
            return $value;
        }
        $row = self::schema()[$key] ?? null;

        return $row !== null && in_array($row['kind'], ['int', 'bool'], true) ? (string) $row['default'] : '';
    }

    public static function set(string $key, string $value): void
    {
        update_option(self::name($key), $value);
    }

    public static function retentionDays(): int
    {
        return self::intSetting(self::LOG_RETENTION_DAYS);
    }

    public static function anonymizeIp(): bool
    {
        return self::get(self::ANONYMIZE_IP) === '1';
    }

    public static function trustedProxies(): string
    {
        return self::get(self::TRUSTED_PROXIES);
    }

    /** Single login for "staff" or "contact": a new login is refused while another session of the user is live. */
    public static function singleLogin(string $userType): bool
    {
        return self::get($userType === 'staff' ? self::SESSION_SINGLE_STAFF : self::SESSION_SINGLE_CUSTOMERS) === '1';
    }

    /** Seconds without activity after which a session no longer counts for single login. */
    public static function sessionIdleSeconds(): int
    {
        return self::intSetting(self::SESSION_IDLE_MINUTES) * 60;
    }

    public static function endSessionsOnPasswordChange(): bool
    {
        return self::get(self::SESSION_END_ON_PASSWORD_CHANGE) === '1';
    }

    /**
     * Seconds of inactivity after which the per-request check ends a session of $userType ("staff" or "contact"):
     * the inactivity timeout plus a grace for the once-a-minute heartbeat; null (no limit) when Inactivity Logout
     * is off for that user type.
     */
    public static function idleLimitSeconds(string $userType): ?int
    {
        if (!self::inactivityAppliesTo($userType)) {
            return null;
        }

        return self::inactivityTimeoutMinutes() * 60 + self::INACTIVITY_GRACE_SECONDS;
    }

    /** Inactivity Logout is on for "staff" or "contact" (the global switch and the user type's own). */
    public static function inactivityAppliesTo(string $userType): bool
    {
        if (self::get(self::INACTIVITY_ENABLED) !== '1') {
            return false;
        }
        $key = ['staff' => self::INACTIVITY_STAFF, 'contact' => self::INACTIVITY_CUSTOMERS][$userType] ?? null;

        return $key !== null && self::get($key) === '1';
    }

    /** Minutes without activity before the sign-out. */
    public static function inactivityTimeoutMinutes(): int
    {
        return self::intSetting(self::INACTIVITY_TIMEOUT_MINUTES);
    }

    /** Seconds of warning before the sign-out, shorter than the timeout. */
    public static function inactivityWarningSeconds(): int
    {
        return min(self::intSetting(self::INACTIVITY_WARNING_SECONDS), self::inactivityTimeoutMinutes() * 60 - 1);
    }

    /** The admin's warning message, or '' for the default of the language file. */
    public static function inactivityMessage(): string
    {
        return self::get(self::INACTIVITY_MESSAGE);
    }

    /**
     * A whole-number setting: the stored value when it is a positive number (the extension validated it when it
     * was saved), else the schema's default; 1 when there is neither (no extension, no option).
     */
    private static function intSetting(string $key): int
    {
        $raw = self::get($key);
        if (preg_match('/^[1-9][0-9]{0,8}$/', $raw) === 1) {
            return (int) $raw;
        }

        return max(1, (int) (self::schema()[$key]['default'] ?? 1));
    }
}
