<?php
/**
 * Login attempts (issue 3): the "Login Attempt" settings tab — every setting shown and validated server-side (nothing
 * saved when one value is wrong), the client IP hint for the allow-list, the defaults of install.php and the
 * settings taking effect on the next login.
 */

declare(strict_types=1);

require_once __DIR__ . '/LockoutTestCase.php';

final class LockoutSettingsTest extends LockoutTestCase
{
    private const TAB_URI = 'admin/settings?group=login_security_lockout';

    private const KEYS = ['lockout_staff_enabled', 'lockout_customers_enabled', 'lockout_retries', 'lockout_minutes',
        'lockout_max_lockouts', 'lockout_reset_hours', 'lockout_ip_limit', 'lockout_allowlist'];

    public function testActivationAddedEverySettingWithItsDefault(): void
    {
        foreach (self::KEYS as $key) {
            $this->assertSame(self::DEFAULTS[$key], self::option($key), $key);
        }
    }

    public function testTheTabShowsEverySettingAndTheDetectedClientIp(): void
    {
        $this->loginAdmin();

        $page = $this->browser('admin')->get(self::TAB_URI);

        $this->assertSame(200, $page->status);
        $xpath = self::xpath($page->body);
        foreach (self::KEYS as $key) {
            $this->assertSame(1, $xpath->query("//*[@name='settings[login_security_$key]']")->length > 0 ? 1 : 0, $key);
        }
        $this->assertSame('3', $xpath->query("//input[@name='settings[login_security_lockout_retries]']")->item(0)->getAttribute('value'));
        $hint = trim(preg_replace('/\s+/', ' ', $xpath->query('//*[@id="login-security-allowlist-hint"]')->item(0)->textContent));
        $this->assertSame('Tip: add your own IP address (127.0.0.1) to this list, so that an attacker can never lock you out of Perfex.', $hint);
        $this->assertStringContainsString('Login Attempt', $page->body);
    }

    public function testValidSettingsAreSavedAndTakeEffect(): void
    {
        $this->loginAdmin();

        $page = $this->saveSettings(['lockout_retries' => ' 2 ', 'lockout_minutes' => '10', 'lockout_max_lockouts' => '5',
            'lockout_reset_hours' => '48', 'lockout_ip_limit' => '50', 'lockout_allowlist' => '10.0.0.0/8, 192.0.2.7']);

        $this->assertSame(['success' => 'Settings saved.'], $page);
        $this->assertSame(['2', '10', '5', '48', '50', "10.0.0.0/8\n192.0.2.7"], array_map([self::class, 'option'],
            ['lockout_retries', 'lockout_minutes', 'lockout_max_lockouts', 'lockout_reset_hours', 'lockout_ip_limit', 'lockout_allowlist']));
        $this->failStaff('staff@example.com', 2);
        $row = self::attempts('staff', 'staff@example.com');
        $this->assertSame(1, $row['lockouts'], 'locked after 2 failures');
        $this->assertEqualsWithDelta(time() + 600, $row['locked_until'], 5, '10 minutes');
    }

    /** @dataProvider invalidSettings */
    public function testInvalidSettingsAreRefusedAndNothingIsSaved(array $posted, string $message): void
    {
        $this->loginAdmin();

        $page = $this->saveSettings($posted + ['lockout_minutes' => '7']);

        $this->assertSame(['danger'], array_keys($page));
        $this->assertStringStartsWith('Login Security settings not saved:', $page['danger']);
        $this->assertStringContainsString($message, $page['danger']);
        $this->assertSame('3', self::option('lockout_minutes'), 'the valid value was not saved either');
    }

    public function invalidSettings(): array
    {
        return [
            'zero retries'          => [['lockout_retries' => '0'], '0 is out of range'],
            'negative minutes'      => [['lockout_minutes' => '-3'], '-3 is out of range'],
            'absurd max lockouts'   => [['lockout_max_lockouts' => '1000'], '1000 is out of range'],
            'non-numeric window'    => [['lockout_reset_hours' => 'a day'], '"a day" is not a number'],
            'ip limit too large'    => [['lockout_ip_limit' => '10001'], '10001 is out of range'],
            'toggle not yes or no'  => [['lockout_staff_enabled' => 'maybe'], 'maybe'],
            'allow-list not an IP'  => [['lockout_allowlist' => "10.0.0.0/8\nnot-an-ip"], 'not-an-ip'],
        ];
    }

    public function testTheModuleRowLinksToTheSettings(): void
    {
        $this->loginAdmin();

        $page = $this->browser('admin')->get('admin/modules');

        $this->assertStringContainsString('admin/settings?group=login_security"', $page->body);
    }

    private function loginAdmin(): void
    {
        $admin = self::staff('admin');
        $this->browser('admin')->loginStaff($admin['email'], $admin['password']);
    }

    /**
     * Posts the tab's fields and returns the alerts of the page it redirects to.
     *
     * @param array<string, string> $settings keys without the prefix
     * @return array<string, string>
     */
    private function saveSettings(array $settings): array
    {
        $fields = [];
        foreach ($settings as $key => $value) {
            $fields["settings[login_security_$key]"] = $value;
        }
        return $this->alertsAfter($this->browser('admin')->post(self::TAB_URI, $fields), 'admin');
    }

    private static function option(string $key): ?string
    {
        return self::row('SELECT value FROM ' . self::table('options') . ' WHERE name = ?', ["login_security_$key"])['value'] ?? null;
    }
}
