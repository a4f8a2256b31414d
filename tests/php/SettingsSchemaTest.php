<?php
use PHPUnit\Framework\TestCase;

/**
 * The extension defines the settings (LoginSecurity\settings_schema) and the module has no copy: what the schema
 * cannot carry is a setting's words, in the language file (and the README: tests/module/SettingsSchemaPagesTest,
 * this folder also runs in chroots without it). Every setting must have them, and activation must create every
 * option with the schema's default.
 */
final class SettingsSchemaTest extends TestCase
{
    private const MODULE = __DIR__ . '/../../php-module/login_security';

    /** @var array<string, string> option name => value, as the add_option() below stores them */
    public static array $added = [];

    public static function setUpBeforeClass(): void
    {
        defined('BASEPATH') or define('BASEPATH', __DIR__);
        require_once self::MODULE . '/libraries/Login_security_options.php';
        require_once self::MODULE . '/libraries/Login_security_gateway.php';
        if (!function_exists('add_option')) {
            // Perfex's: creates the option unless it exists.
            function add_option($name, $value = '', $autoload = 1): bool
            {
                if (array_key_exists($name, SettingsSchemaTest::$added)) {
                    return false;
                }
                SettingsSchemaTest::$added[$name] = $value;

                return true;
            }
        }
        if (!function_exists('delete_option')) {
            function delete_option($name): bool
            {
                unset(SettingsSchemaTest::$added[$name]);

                return true;
            }
        }
    }

    public function testEverySettingHasItsLabelAndItsUnitsTheirWordsInTheLanguageFiles(): void
    {
        $lang = [];
        foreach (glob(self::MODULE . '/language/english/*_lang.php') as $file) {
            include $file;
        }
        foreach (LoginSecurity\settings_schema() as $row) {
            $this->assertNotSame('', $lang['login_security_setting_' . $row['key']] ?? '', $row['key']);
            if ($row['kind'] === 'int') {
                $this->assertArrayHasKey('login_security_unit_' . $row['unit'], $lang, $row['key']);
            }
        }
    }

    public function testActivationCreatesEveryOptionWithTheSchemasDefaultAndKeepsExistingValues(): void
    {
        self::$added = ['login_security_lockout_retries' => '7'];

        Login_security_options::addDefaults();

        foreach (LoginSecurity\settings_schema() as $row) {
            $expected = $row['key'] === 'lockout_retries' ? '7' : $row['default'];
            $this->assertSame($expected, self::$added['login_security_' . $row['key']] ?? null, $row['key']);
        }
        foreach (array_keys(Login_security_options::INTERNAL) as $key) {
            $this->assertArrayHasKey('login_security_' . $key, self::$added);
        }
    }

    public function testEveryTabOfTheSchemaHasAViewThatRendersIt(): void
    {
        $views = '';
        foreach (glob(self::MODULE . '/views/settings*.php') as $file) {
            $views .= file_get_contents($file);
        }
        foreach (array_unique(array_column(LoginSecurity\settings_schema(), 'tab')) as $tab) {
            $this->assertStringContainsString("login_security_settings_fields('$tab'", $views, $tab);
        }
    }

    public function testEverySettingHasAKindAndIntegersARangeAndAUnit(): void
    {
        foreach (LoginSecurity\settings_schema() as $row) {
            $this->assertContains($row['kind'], ['int', 'bool', 'ip_list', 'text'], $row['key']);
            $this->assertIsInt($row['section'], $row['key']);
            if ($row['kind'] === 'int') {
                $this->assertLessThan($row['max'], $row['min'], $row['key']);
                $this->assertMatchesRegularExpression('/^[a-z_]+$/', (string) $row['unit'], $row['key']);
            }
            if ($row['kind'] === 'text') {
                $this->assertGreaterThanOrEqual(1, $row['lines'], $row['key']);
            }
        }
    }
}
