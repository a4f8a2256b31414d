<?php
/**
 * The extension names what is wrong with a setting by a code and its values (src/settings.rs); the module says it
 * through its language file. Every code and every unit the extension can give has its text there.
 */

declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class SettingsLanguageTest extends TestCase
{
    public function testEveryErrorCodeAndUnitOfTheExtensionHasItsTextInTheLanguageFile(): void
    {
        $root = dirname(__DIR__, 2);
        $rust = (string) file_get_contents("$root/src/settings.rs");
        preg_match_all('/^\s*"([a-z_]+)" => write!/m', $rust, $codes);
        preg_match_all('/unit: "([a-z ]+)"/', $rust, $units);
        $this->assertGreaterThanOrEqual(8, count($codes[1]), 'the codes were found in src/settings.rs');
        $this->assertGreaterThanOrEqual(5, count(array_unique($units[1])));

        $lang = [];
        defined('BASEPATH') or define('BASEPATH', __DIR__);
        include "$root/php-module/login_security/language/english/login_security_lang.php";
        foreach ($codes[1] as $code) {
            $this->assertArrayHasKey("login_security_setting_error_$code", $lang, $code);
        }
        foreach (array_unique($units[1]) as $unit) {
            $this->assertArrayHasKey('login_security_unit_' . str_replace(' ', '_', $unit), $lang, $unit);
        }
    }
}
