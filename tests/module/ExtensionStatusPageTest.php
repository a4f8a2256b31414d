<?php
/**
 * Extension status page (issue 10): admin/login_security/extension_status over HTTP in the stand-in, with the
 * extension loaded and without it; the dashboard notice and the menu link to it; administrators only.
 */

declare(strict_types=1);

final class ExtensionStatusPageTest extends ModuleTestCase
{
    private const URI = 'admin/login_security/extension_status';

    private static function tag(): string
    {
        return 'php' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION . '-x86_64-linux-glibc-nts';
    }

    public function testWithTheExtensionItSaysLoadedAndMatchingAndShowsThisPhp(): void
    {
        $this->loginAdmin();
        $page = $this->get(self::URI);

        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('data-state="ok"', $page->body);
        preg_match('/^version = "(.*)"/m', (string) file_get_contents(dirname(__DIR__, 2) . '/Cargo.toml'), $crate);
        $this->assertStringContainsString("The login_security extension {$crate[1]} is loaded and matches this module.", $page->body);
        foreach ([PHP_VERSION, 'cli-server', 'not thread-safe (NTS)', self::h((string) ini_get('extension_dir')), self::tag()] as $fact) {
            $this->assertStringContainsString("<code>$fact</code>", $page->body);
        }
        $this->assertStringNotContainsString('login-security-ext-steps', $page->body, 'nothing to do');
    }

    public function testWithoutTheExtensionItNamesTheFileAndTheCommandsForThisServer(): void
    {
        $server  = self::startServer(['LS_EXTENSION' => '']);
        $browser = $this->browser('no-extension', $server);
        $admin   = self::staff('admin');
        $browser->loginStaff($admin['email'], $admin['password']);

        $page  = $browser->get(self::URI);
        $minor = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        $file  = 'login_security-' . self::tag() . '.so';

        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('data-state="missing"', $page->body);
        $this->assertStringContainsString("The file for this server is $file in the release bundle", $page->body);
        $this->assertStringContainsString('sudo ./install-extension', $page->body);
        $this->assertStringContainsString("sudo cp extensions/$file " . rtrim((string) ini_get('extension_dir'), '/') . '/login_security.so', $page->body);
        if (is_dir("/etc/php/$minor/mods-available")) {
            $this->assertStringContainsString("echo &#039;extension=login_security.so&#039; | sudo tee /etc/php/$minor/mods-available/login_security.ini", $page->body);
            $this->assertStringContainsString("sudo phpenmod -v $minor login_security", $page->body);
        }
        $this->assertStringContainsString('<code>' . self::h('# restart the PHP process that serves Perfex (cli-server)') . '</code>', $page->body);

        $dashboard = $browser->get('admin/');
        $this->assertStringContainsString('href="' . self::h($server->url(self::URI)) . '">Extension status: how to install it</a>', $dashboard->body);
    }

    public function testEveryValueShownIsEscaped(): void
    {
        // An empty first entry keeps PHP's own scan directory; the second is a directory name with markup.
        $server  = self::startServer(['PHP_INI_SCAN_DIR' => ':/tmp/<b>"ls"</b>']);
        $browser = $this->browser('markup', $server);
        $admin   = self::staff('admin');
        $browser->loginStaff($admin['email'], $admin['password']);

        $page = $browser->get(self::URI);

        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('/tmp/&lt;b&gt;&quot;ls&quot;&lt;/b&gt;', $page->body);
        $this->assertStringNotContainsString('<b>"ls"</b>', $page->body);
    }

    public function testAdminsSeeTheMenuLinkAndTheModuleRowLink(): void
    {
        $this->loginAdmin();
        $this->assertStringContainsString('href="' . self::h(self::$server->url(self::URI)) . '"', $this->get('admin/')->body);
    }

    public function testStaffWhoAreNotAdministratorsAreRefusedEvenWithTheViewCapability(): void
    {
        $viewer = self::staff('viewer');
        $this->loginStaff($viewer['email'], $viewer['password']);

        $page = $this->get(self::URI);

        $this->assertSame(403, $page->status);
        $this->assertStringNotContainsString((string) ini_get('extension_dir'), $page->body);
        $this->assertStringNotContainsString('href="' . self::h(self::$server->url(self::URI)) . '"', $this->get('admin/')->body, 'no menu link');
    }

    private static function h(string $text): string
    {
        return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
    }

    private function loginAdmin(): void
    {
        $admin = self::staff('admin');
        $this->loginStaff($admin['email'], $admin['password']);
    }
}
