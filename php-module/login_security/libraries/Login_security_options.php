<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * The module's Perfex options: names, defaults and typed reads. Every option is named "login_security_<key>";
 * <key> is also the key LoginSecurity\validate_settings() knows it by.
 *
 * Self-contained (no constant of the init file) because uninstall.php loads it with the module inactive.
 */
final class Login_security_options
{
    public const PREFIX = 'login_security_';

    /** Settings → Login Security tab id (admin/settings?group=login_security). */
    public const SETTINGS_TAB = 'login_security';

    public const LOG_RETENTION_DAYS = 'log_retention_days';
    public const ANONYMIZE_IP       = 'anonymize_ip';
    public const TRUSTED_PROXIES    = 'trusted_proxies';

    /** Login sessions (tab "Login Session"). */
    public const SESSION_SINGLE_STAFF           = 'session_single_staff';
    public const SESSION_SINGLE_CUSTOMERS       = 'session_single_customers';
    public const SESSION_IDLE_MINUTES           = 'session_idle_minutes';
    public const SESSION_END_ON_PASSWORD_CHANGE = 'session_end_on_password_change';

    /** Inactivity Logout (tab "Inactivity Logout"). */
    public const INACTIVITY_ENABLED         = 'inactivity_enabled';
    public const INACTIVITY_STAFF           = 'inactivity_staff';
    public const INACTIVITY_CUSTOMERS       = 'inactivity_customers';
    public const INACTIVITY_TIMEOUT_MINUTES = 'inactivity_timeout_minutes';
    public const INACTIVITY_WARNING_SECONDS = 'inactivity_warning_seconds';
    public const INACTIVITY_MESSAGE         = 'inactivity_message';

    /** Seconds the server waits beyond the inactivity timeout before it ends a session (the heartbeat is once a minute). */
    public const INACTIVITY_GRACE_SECONDS = 60;

    /** Login attempts (tab "Login Attempt"); LoginSecurity\Store::claimLogin() reads every lockout_* setting. */
    public const LOCKOUT_STAFF_ENABLED     = 'lockout_staff_enabled';
    public const LOCKOUT_CUSTOMERS_ENABLED = 'lockout_customers_enabled';
    public const LOCKOUT_RETRIES           = 'lockout_retries';
    public const LOCKOUT_MINUTES           = 'lockout_minutes';
    public const LOCKOUT_MAX_LOCKOUTS      = 'lockout_max_lockouts';
    public const LOCKOUT_RESET_HOURS       = 'lockout_reset_hours';
    public const LOCKOUT_IP_LIMIT          = 'lockout_ip_limit';
    public const LOCKOUT_ALLOWLIST         = 'lockout_allowlist';

    /** Not a setting: "<extension version>/<schema version>" whose migrate() last succeeded (see hooks/maintenance.php). */
    public const MIGRATED_VERSION = 'migrated_version';

    /** Not a setting: the time of the last block (hooks/lockout_notify.php; what was told is in the extension's tables). */
    public const LOCKOUT_LAST_BLOCK = 'lockout_last_block';

    /** Not a setting: the secret that signs the cookie naming a browser's login session (Login_security_session_marker). */
    public const SESSION_MARKER_KEY = 'session_marker_key';

    /** Settings edited on the settings tabs, with their defaults (option values are strings). */
    public const SETTINGS = [
        self::LOG_RETENTION_DAYS => '90',
        self::ANONYMIZE_IP       => '0',
        self::TRUSTED_PROXIES    => '',
        self::SESSION_SINGLE_STAFF           => '0',
        self::SESSION_SINGLE_CUSTOMERS       => '0',
        self::SESSION_IDLE_MINUTES           => '30',
        self::SESSION_END_ON_PASSWORD_CHANGE => '1',
        self::INACTIVITY_ENABLED             => '0',
        self::INACTIVITY_STAFF               => '1',
        self::INACTIVITY_CUSTOMERS           => '1',
        self::INACTIVITY_TIMEOUT_MINUTES     => '15',
        self::INACTIVITY_WARNING_SECONDS     => '60',
        self::INACTIVITY_MESSAGE             => '',
        self::LOCKOUT_STAFF_ENABLED          => '1',
        self::LOCKOUT_CUSTOMERS_ENABLED      => '1',
        self::LOCKOUT_RETRIES                => '3',
        self::LOCKOUT_MINUTES                => '3',
        self::LOCKOUT_MAX_LOCKOUTS           => '3',
        self::LOCKOUT_RESET_HOURS            => '24',
        self::LOCKOUT_IP_LIMIT               => '20',
        self::LOCKOUT_ALLOWLIST              => '',
    ];

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

    /** The setting key of a posted option name, or null when the name is not one of the module's settings. */
    public static function settingKey(string $optionName): ?string
    {
        if (strpos($optionName, self::PREFIX) !== 0) {
            return null;
        }
        $key = substr($optionName, strlen(self::PREFIX));

        return array_key_exists($key, self::SETTINGS) ? $key : null;
    }

    /** True for any option name in the module's namespace (settings, internal or unknown). */
    public static function isModuleOption(string $optionName): bool
    {
        return strpos($optionName, self::PREFIX) === 0;
    }

    /**
     * The range of each whole-number setting, for the forms: the extension's schema (LoginSecurity\settings_schema)
     * decides; this copy serves only while the extension is missing (tests/php checks the two agree).
     */
    private const RANGES = [
        self::LOG_RETENTION_DAYS         => [1, 3650],
        self::LOCKOUT_RETRIES            => [1, 100],
        self::LOCKOUT_MINUTES            => [1, 1440],
        self::LOCKOUT_MAX_LOCKOUTS       => [1, 100],
        self::LOCKOUT_RESET_HOURS        => [1, 720],
        self::LOCKOUT_IP_LIMIT           => [1, 10000],
        self::SESSION_IDLE_MINUTES       => [1, 1440],
        self::INACTIVITY_TIMEOUT_MINUTES => [1, 1440],
        self::INACTIVITY_WARNING_SECONDS => [5, 3600],
    ];

    /** @return array{min: int, max: int} the allowed range of a whole-number setting */
    public static function range(string $key): array
    {
        static $schema = null;
        if ($schema === null) {
            $schema = [];
            foreach (Login_security_gateway::instance()->settingsSchema() as $row) {
                if (is_array($row) && ($row['kind'] ?? '') === 'int' && is_string($row['key'] ?? null)) {
                    $schema[$row['key']] = [(int) $row['min'], (int) $row['max']];
                }
            }
        }
        [$min, $max] = $schema[$key] ?? self::RANGES[$key] ?? [1, PHP_INT_MAX];

        return ['min' => $min, 'max' => $max];
    }

    /** @return array<string, array{0: int, 1: int}> the built-in ranges (for the test that compares them with the extension's) */
    public static function fallbackRanges(): array
    {
        return self::RANGES;
    }

    /** Options earlier versions kept (block notices, now in the extension's tables). */
    private const RETIRED = ['lockout_blocks', 'lockout_notified'];

    /** Adds every option with its default; existing values are kept (add_option is a no-op then). */
    public static function addDefaults(): void
    {
        foreach (self::SETTINGS + self::INTERNAL as $key => $default) {
            add_option(self::name($key), $default, 1);
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

    /** Deletes every option of the module (uninstall). */
    public static function deleteAll(): void
    {
        foreach (array_merge(array_keys(self::SETTINGS + self::INTERNAL), self::RETIRED) as $key) {
            delete_option(self::name($key));
        }
    }

    public static function get(string $key): string
    {
        $value = get_option(self::name($key));

        if (is_scalar($value)) {
            return (string) $value;
        }

        return self::SETTINGS[$key] ?? self::INTERNAL[$key] ?? '';
    }

    public static function set(string $key, string $value): void
    {
        update_option(self::name($key), $value);
    }

    public static function retentionDays(): int
    {
        $days = (int) self::get(self::LOG_RETENTION_DAYS);

        return $days > 0 ? $days : (int) self::SETTINGS[self::LOG_RETENTION_DAYS];
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
        $minutes = (int) self::get(self::SESSION_IDLE_MINUTES);

        return ($minutes > 0 ? $minutes : (int) self::SETTINGS[self::SESSION_IDLE_MINUTES]) * 60;
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

    /** Minutes without activity before the sign-out (1-1440; anything else reads as the default). */
    public static function inactivityTimeoutMinutes(): int
    {
        return self::intSetting(self::INACTIVITY_TIMEOUT_MINUTES, 1, 1440);
    }

    /** Seconds of warning before the sign-out: 5-3600, and shorter than the timeout. */
    public static function inactivityWarningSeconds(): int
    {
        $warning = self::intSetting(self::INACTIVITY_WARNING_SECONDS, 5, 3600);

        return min($warning, self::inactivityTimeoutMinutes() * 60 - 1);
    }

    /** The admin's warning message, or '' for the default of the language file. */
    public static function inactivityMessage(): string
    {
        return self::get(self::INACTIVITY_MESSAGE);
    }

    private static function intSetting(string $key, int $min, int $max): int
    {
        $raw = self::get($key);
        if (preg_match('/^[0-9]+$/', $raw) === 1 && (int) $raw >= $min && (int) $raw <= $max) {
            return (int) $raw;
        }

        return (int) self::SETTINGS[$key];
    }
}
