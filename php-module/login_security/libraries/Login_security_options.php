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

    /** Not a setting: the extension version whose migrate() last succeeded (see hooks/maintenance.php). */
    public const MIGRATED_VERSION = 'migrated_version';

    /** Settings edited on the settings tabs, with their defaults (option values are strings). */
    public const SETTINGS = [
        self::LOG_RETENTION_DAYS => '90',
        self::ANONYMIZE_IP       => '0',
        self::TRUSTED_PROXIES    => '',
    ];

    /** Options the module keeps for itself; never accepted from a settings form. */
    public const INTERNAL = [
        self::MIGRATED_VERSION => '',
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

    /** Adds every option with its default; existing values are kept (add_option is a no-op then). */
    public static function addDefaults(): void
    {
        foreach (self::SETTINGS + self::INTERNAL as $key => $default) {
            add_option(self::name($key), $default, 1);
        }
    }

    /** Deletes every option of the module (uninstall). */
    public static function deleteAll(): void
    {
        foreach (array_keys(self::SETTINGS + self::INTERNAL) as $key) {
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
}
