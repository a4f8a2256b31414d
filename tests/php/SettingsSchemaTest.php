<?php
use PHPUnit\Framework\TestCase;

/**
 * The extension defines the settings (LoginSecurity\settings_schema); the module keeps a copy of their defaults and
 * ranges only to work while the extension is missing. The two must agree, key by key.
 */
final class SettingsSchemaTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        defined('BASEPATH') or define('BASEPATH', __DIR__);
        require_once dirname(__DIR__, 2) . '/php-module/login_security/libraries/Login_security_options.php';
    }

    public function testTheModulesDefaultsAreTheExtensionsForEverySetting(): void
    {
        $defaults = array_column(LoginSecurity\settings_schema(), 'default', 'key');
        $module   = Login_security_options::SETTINGS;
        ksort($defaults);
        ksort($module);
        $this->assertSame($defaults, $module);
    }

    public function testTheModulesFallbackRangesAreTheExtensions(): void
    {
        $ranges = [];
        foreach (LoginSecurity\settings_schema() as $row) {
            if ($row['kind'] === 'int') {
                $ranges[$row['key']] = [$row['min'], $row['max']];
            }
        }
        ksort($ranges);
        $fallback = Login_security_options::fallbackRanges();
        ksort($fallback);
        $this->assertSame($ranges, $fallback);
    }

    public function testEverySettingHasAKindAndIntegersARangeAndAUnit(): void
    {
        foreach (LoginSecurity\settings_schema() as $row) {
            $this->assertContains($row['kind'], ['int', 'bool', 'ip_list', 'text'], $row['key']);
            if ($row['kind'] === 'int') {
                $this->assertLessThan($row['max'], $row['min'], $row['key']);
                $this->assertMatchesRegularExpression('/^[a-z_]+$/', (string) $row['unit'], $row['key']);
            }
        }
    }
}
