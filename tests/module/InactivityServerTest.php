<?php
/**
 * Inactivity Logout on the server and the pages (issue 5): a session idle for longer than the timeout plus the grace
 * is ended on its next request with no JavaScript at all and recorded as "idle"; Perfex's background AJAX never
 * counts; the switches are obeyed; the script is on the right pages with escaped configuration; the settings tab
 * saves valid values and refuses invalid ones.
 */

declare(strict_types=1);

require_once __DIR__ . '/InactivityTestCase.php';

final class InactivityServerTest extends InactivityTestCase
{
    private const SETTINGS_URI = 'admin/settings?group=login_security_inactivity';

    public function testTheServerEndsASessionIdleLongerThanTheTimeoutPlusGrace(): void
    {
        $this->signInAdmin();
        self::idleFor('staff', 1, self::LIMIT - 5);
        $this->assertSame(200, $this->get('admin')->status, 'within timeout + grace');

        self::idleFor('staff', 1, self::LIMIT + 5);
        $response = $this->get('admin');

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertSame(self::SIGNED_OUT, self::notice($this->browser()->follow($response)->body));
        $this->assertSame('idle', self::session('staff', 1)['end_reason']);
        $logout = self::events("event = 'logout'");
        $this->assertCount(1, $logout);
        $this->assertSame(['staff', 1, 'idle'], [$logout[0]['user_type'], (int) $logout[0]['user_id'], $logout[0]['end_reason']]);
    }

    public function testRememberMeDoesNotSignAnIdleSessionBackIn(): void
    {
        $this->assertRedirectsTo('admin/', $this->loginStaff('admin@example.com', 'Admin-demo-1', true));
        $this->assertNotNull($this->browser()->cookie('autologin'));
        self::idleFor('staff', 1, self::LIMIT + 5);

        $this->assertRedirectsTo('admin/authentication', $this->get('admin'));

        $this->assertRedirectsTo('admin/authentication', $this->get('admin')); // the autologin cookie no longer works
        $this->assertSame(0, (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('user_auto_login') . ' WHERE user_id = 1 AND staff = 1')['n']);
    }

    public function testAContactIdleTooLongIsSignedOutToTheCustomersLogin(): void
    {
        $this->loginContact('contact@example.com', 'Contact-demo-1');
        self::idleFor('contact', 1, self::LIMIT + 5);

        $response = $this->get('clients');

        $this->assertRedirectsTo('authentication/login', $response);
        $this->assertSame(self::SIGNED_OUT, self::notice($this->browser()->follow($response)->body));
        $this->assertSame('idle', self::session('contact', 1)['end_reason']);
    }

    public function testBackgroundAjaxNeverCountsAsActivity(): void
    {
        $this->signInAdmin();
        self::idleFor('staff', 1, self::LIMIT - 30);

        $this->ajax('GET', 'admin/misc/notifications_check');
        $this->ajax('GET', 'admin/login_security/inactivity/config/staff');

        $this->assertEqualsWithDelta(time() - self::LIMIT + 30, self::lastSeen('staff', 1), 2);
    }

    /** @dataProvider switchedOff */
    public function testNoServerLimitWhereTheFeatureIsOff(array $options, int $staffPages, int $contactPages): void
    {
        self::setOptions($options);
        $this->signInAdmin();
        $contact = $this->browser('contact');
        $contact->loginContact('contact@example.com', 'Contact-demo-1');
        self::idleFor('staff', 1, 3600);
        self::idleFor('contact', 1, 3600);

        $staffPage = $this->get('admin');
        $contactPage = $contact->get('clients');

        $this->assertSame([$staffPages === 0, $contactPages === 0], [$staffPage->status === 200, $contactPage->status === 200],
            'signed out only where the feature is on');
    }

    public function switchedOff(): array
    {
        return [
            'off'            => [['inactivity_enabled' => '0'], 0, 0],
            'staff only'     => [['inactivity_customers' => '0'], 1, 0],
            'customers only' => [['inactivity_staff' => '0'], 0, 1],
        ];
    }

    public function testTheScriptIsOnThePagesOfUsersWhoseFeatureIsOnWithEscapedConfiguration(): void
    {
        self::setOptions(['inactivity_message' => "Bye \"now\" <script>x</script> & 'so'"]);
        $this->signInAdmin();
        $contact = $this->browser('contact');
        $contact->loginContact('contact@example.com', 'Contact-demo-1');

        $staffPage = $this->get('admin')->body;
        $element = self::element($staffPage);
        $this->assertSame("Bye \"now\" <script>x</script> & 'so'", $element->getAttribute('data-message'));
        $this->assertSame(['120', '30'], [$element->getAttribute('data-timeout-seconds'), $element->getAttribute('data-warning-seconds')]);
        $this->assertStringNotContainsString('<script>x', $staffPage);
        $this->assertStringContainsString('assets/js/inactivity_logout.js', $staffPage);
        $this->assertStringContainsString('assets/css/inactivity_logout.css', $staffPage);
        $this->assertStringEndsWith('/admin/login_security/inactivity/heartbeat', $element->getAttribute('data-heartbeat-url'));
        $this->assertSame($this->browser()->csrfToken(), $element->getAttribute('data-csrf-hash'));

        $contactElement = self::element($contact->get('clients')->body);
        $this->assertStringEndsWith('/login_security/inactivity/config/contact', $contactElement->getAttribute('data-config-url'));
        $this->assertStringEndsWith('/authentication/login', $contactElement->getAttribute('data-login-url'));

        self::setOptions(['inactivity_enabled' => '0']);
        $this->assertStringNotContainsString('inactivity_logout', $this->get('admin')->body);
        $this->assertStringNotContainsString('inactivity_logout', $this->get('admin/authentication')->body);
    }

    public function testTheSettingsTabSavesValidValues(): void
    {
        $this->signInAdmin();
        $tab = $this->get(self::SETTINGS_URI)->body;
        $this->assertStringContainsString('placeholder="You have not been active for a while.', $tab);

        $page = $this->saveSettings(['inactivity_enabled' => '1', 'inactivity_staff' => '0', 'inactivity_customers' => '1',
            'inactivity_timeout_minutes' => ' 20 ', 'inactivity_warning_seconds' => '120', 'inactivity_message' => "Still here?\r\nSay so."]);

        $this->assertStringContainsString('Settings saved.', $page);
        $this->assertSame(['1', '0', '1', '20', '120', "Still here?\nSay so."], array_map([self::class, 'option'],
            ['inactivity_enabled', 'inactivity_staff', 'inactivity_customers', 'inactivity_timeout_minutes', 'inactivity_warning_seconds', 'inactivity_message']));
    }

    /** @dataProvider invalidSettings */
    public function testTheSettingsTabRefusesInvalidValuesAndSavesNothing(array $settings, string $message): void
    {
        $this->signInAdmin();

        $page = $this->saveSettings($settings + ['inactivity_enabled' => '1', 'inactivity_timeout_minutes' => '20',
            'inactivity_warning_seconds' => '60', 'inactivity_message' => 'Changed']);

        $this->assertStringContainsString('Login Security settings not saved: ' . htmlspecialchars($message, ENT_QUOTES), $page);
        $this->assertSame(['2', '30', ''], [self::option('inactivity_timeout_minutes'), self::option('inactivity_warning_seconds'), self::option('inactivity_message')]);
    }

    public function invalidSettings(): array
    {
        return [
            'zero timeout'         => [['inactivity_timeout_minutes' => '0'], '0 is out of range; enter a whole number of minutes from 1 to 1440'],
            'huge timeout'         => [['inactivity_timeout_minutes' => '1441'], '1441 is out of range'],
            'non-numeric warning'  => [['inactivity_warning_seconds' => 'soon'], '"soon" is not a number'],
            'warning too short'    => [['inactivity_warning_seconds' => '4'], '4 is out of range; enter a whole number of seconds from 5 to 3600'],
            'warning over timeout' => [['inactivity_timeout_minutes' => '1', 'inactivity_warning_seconds' => '60'], 'the warning (60 s) must be shorter than the timeout (1 min)'],
            'long message'         => [['inactivity_message' => str_repeat('x', 501)], 'the text is longer than 500 characters'],
        ];
    }

    private static function option(string $key): ?string
    {
        return self::row('SELECT value FROM ' . self::table('options') . ' WHERE name = ?', ["login_security_$key"])['value'] ?? null;
    }

    /** Posts the Inactivity Logout tab (keys without the prefix) and returns the page it redirects to. */
    private function saveSettings(array $settings): string
    {
        $fields = [];
        foreach ($settings as $key => $value) {
            $fields["login_security_$key"] = $value;
        }
        $response = $this->post(self::SETTINGS_URI, ['settings' => $fields]);
        $this->assertRedirectsTo(self::SETTINGS_URI, $response);

        return $this->browser()->follow($response)->body;
    }
}
