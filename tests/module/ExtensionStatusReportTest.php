<?php
/**
 * Extension status (issue 10): what the page says for servers this machine is not — PHP 8.1, ZTS, arm64, musl,
 * another extension version, a non-Debian layout — from Login_security_extension_status::report() on their facts.
 */

declare(strict_types=1);

use PHPUnit\Framework\TestCase;

defined('BASEPATH') or define('BASEPATH', __DIR__);
require_once dirname(__DIR__, 2) . '/php-module/login_security/libraries/Login_security_extension_status.php';

final class ExtensionStatusReportTest extends TestCase
{
    /** A Debian 12 server with PHP 8.2 NTS under php-fpm and no extension loaded. */
    private static function facts(array $changes = []): array
    {
        return $changes + [
            'php_version' => '8.2.36', 'php_minor' => '8.2', 'php_binary' => '/usr/sbin/php-fpm8.2', 'sapi' => 'fpm-fcgi',
            'zts' => false, 'machine' => 'x86_64', 'int_size' => 8, 'musl' => false, 'extension_dir' => '/usr/lib/php/20220829',
            'ini_loaded' => '/etc/php/8.2/fpm/php.ini', 'ini_scan_dirs' => ['/etc/php/8.2/fpm/conf.d'], 'ini_scanned' => [],
            'debian' => true, 'loaded' => false, 'extension_version' => null, 'module_version' => '1.0.0',
        ];
    }

    /** @return list<string> the commands of the steps */
    private static function commands(array $report): array
    {
        return array_column($report['steps'], 2);
    }

    public function testDebianFpmWithoutTheExtensionGetsTheFileAndDebianCommands(): void
    {
        $report = Login_security_extension_status::report(self::facts());

        $this->assertSame('missing', $report['state']);
        $this->assertSame('login_security-php8.2-x86_64-linux-glibc-nts.so', $report['file']);
        $this->assertSame(['login_security_ext_missing', ['login_security-php8.2-x86_64-linux-glibc-nts.so']], $report['message']);
        $this->assertSame([
            "unzip login_security-1.0.0.zip\ncd login_security-1.0.0\nsudo ./install-extension --php /usr/bin/php8.2",
            'sudo cp extensions/login_security-php8.2-x86_64-linux-glibc-nts.so /usr/lib/php/20220829/login_security.so',
            "echo 'extension=login_security.so' | sudo tee /etc/php/8.2/mods-available/login_security.ini\nsudo phpenmod -v 8.2 login_security",
            'sudo systemctl restart php8.2-fpm',
        ], self::commands($report));
    }

    public function testAnotherLayoutGetsItsScanDirectoryAndApacheRestart(): void
    {
        $report = Login_security_extension_status::report(self::facts([
            'php_minor' => '8.4', 'sapi' => 'apache2handler', 'debian' => false, 'extension_dir' => '/opt/cpanel/ea-php84/root/usr/lib64/php/modules/',
            'ini_scan_dirs' => ['/opt/cpanel/ea-php84/root/etc/php.d'],
        ]));

        $this->assertSame([
            "unzip login_security-1.0.0.zip\ncd login_security-1.0.0\nsudo ./install-extension",
            'sudo cp extensions/login_security-php8.4-x86_64-linux-glibc-nts.so /opt/cpanel/ea-php84/root/usr/lib64/php/modules/login_security.so',
            "echo 'extension=login_security.so' | sudo tee /opt/cpanel/ea-php84/root/etc/php.d/20-login_security.ini",
            'sudo systemctl restart httpd',
        ], self::commands($report));
    }

    public function testWithoutAScanDirectoryTheLineGoesIntoPhpIni(): void
    {
        $report = Login_security_extension_status::report(self::facts(['debian' => false, 'ini_scan_dirs' => [], 'ini_loaded' => '/usr/local/lib/php.ini']));

        $this->assertContains(['login_security_ext_step_ini_php', ['/usr/local/lib/php.ini'], 'extension=login_security.so'], $report['steps']);
    }

    public function testPhp81HasNoBuildAndIsToldWhichVersionsHave(): void
    {
        $report = Login_security_extension_status::report(self::facts(['php_minor' => '8.1', 'php_version' => '8.1.31']));

        $this->assertSame('unsupported', $report['state']);
        $this->assertNull($report['file']);
        $this->assertSame(['login_security_ext_no_build_version', ['8.1', '8.2, 8.4, 8.5']], $report['message']);
        $this->assertSame(['scripts/setup && scripts/install-extension'], self::commands($report));
    }

    public function testThreadSafePhpHasNoBuild(): void
    {
        $report = Login_security_extension_status::report(self::facts(['zts' => true]));

        $this->assertSame('php8.2-x86_64-linux-glibc-zts', $report['tag']);
        $this->assertSame(['login_security_ext_no_build_zts', ['8.2, 8.4, 8.5']], $report['message']);
    }

    public function testArmAndMuslHaveNoBuild(): void
    {
        $this->assertSame(['login_security_ext_no_build_platform', ['php8.2-arm64-linux-glibc-nts', '8.2, 8.4, 8.5']],
            Login_security_extension_status::report(self::facts(['machine' => 'aarch64']))['message']);
        $this->assertSame(['login_security_ext_no_build_platform', ['php8.2-x86_64-linux-musl-nts', '8.2, 8.4, 8.5']],
            Login_security_extension_status::report(self::facts(['musl' => true]))['message']);
    }

    public function testAnotherExtensionVersionIsAMismatchWithTheSameSteps(): void
    {
        $report = Login_security_extension_status::report(self::facts(['loaded' => true, 'extension_version' => '0.9.0']));

        $this->assertSame('mismatch', $report['state']);
        $this->assertSame(['login_security_ext_mismatch', ['0.9.0', '1.0.0']], $report['message']);
        $this->assertCount(4, $report['steps']);
    }

    public function testTheLoadedExtensionOfTheModulesVersionIsOk(): void
    {
        $report = Login_security_extension_status::report(self::facts(['loaded' => true, 'extension_version' => '1.0.0']));

        $this->assertSame(['ok', [], ['login_security_ext_ok', ['1.0.0']]], [$report['state'], $report['steps'], $report['message']]);
    }

    public function testThePageListsExactlyTheVersionsScriptsBuildExtensionsBuilds(): void
    {
        $script = (string) file_get_contents(dirname(__DIR__, 2) . '/scripts/build-extensions');
        $this->assertSame(1, preg_match('/^BUILT_FOR=\(([^)]*)\)/m', $script, $m));
        $this->assertSame(Login_security_extension_status::BUILT_FOR, preg_split('/\s+/', trim($m[1])));
    }
}
