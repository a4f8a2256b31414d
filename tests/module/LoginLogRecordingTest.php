<?php
/**
 * Login Log (issue 2): every login, logout and failed attempt of staff and contacts is recorded over real HTTP with
 * the right user, identifier, method or reason, IP and parsed user agent.
 */

declare(strict_types=1);

require_once __DIR__ . '/LoginLogTestCase.php';

final class LoginLogRecordingTest extends LoginLogTestCase
{
    private const FIREFOX = ['device' => 'desktop', 'browser' => 'Firefox', 'browser_version' => '128.0', 'os' => 'Linux'];

    public function testAStaffLoginIsRecordedWithUserIpAndParsedAgent(): void
    {
        $this->loginAdmin();

        $event = self::lastEvent();
        $expected = ['event' => 'login', 'user_type' => 'staff', 'user_id' => 1, 'identifier' => 'admin@example.com',
            'method' => 'form', 'reason' => '', 'ip_text' => '127.0.0.1', 'user_agent' => StandinBrowser::USER_AGENT];
        $this->assertEquals($expected, array_intersect_key($event, $expected));
        $this->assertSame(1, $event['user_id']);
        $this->assertEquals(self::FIREFOX, array_intersect_key($event, self::FIREFOX));
        $this->assertEqualsWithDelta(time(), $event['created_at'], 5);
        $this->assertCount(1, self::events(), 'one login, one event');
    }

    public function testAWrongPasswordIsAFailedLoginOfThatAccount(): void
    {
        $this->loginStaff('admin@example.com', 'not-the-password');

        $this->assertFailure('wrong_password', 'staff', 1, 'admin@example.com');
    }

    public function testAnUnknownAccountIsAFailedLoginWithoutUser(): void
    {
        $this->loginStaff('nobody@example.com', 'whatever');

        $this->assertFailure('unknown_account', 'staff', null, 'nobody@example.com');
    }

    public function testAnInactiveAccountIsAFailedLoginOfThatAccount(): void
    {
        $inactive = self::staff('inactive');
        $this->loginStaff($inactive['email'], $inactive['password']);

        $this->assertFailure('inactive_account', 'staff', 4, 'inactive@example.com');
    }

    public function testContactFailuresAreRecordedAsContacts(): void
    {
        $this->loginContact('contact@example.com', 'wrong');
        $this->assertFailure('wrong_password', 'contact', 1, 'contact@example.com');

        $inactive = self::contact('inactive');
        $this->browser('other')->loginContact($inactive['email'], $inactive['password']);
        $this->assertFailure('inactive_account', 'contact', 2, $inactive['email']);

        $this->browser('third')->loginContact('ghost@example.com', 'x');
        $this->assertFailure('unknown_account', 'contact', null, 'ghost@example.com');
    }

    public function testAContactLoginIsRecordedWithTheContactIdNotTheCustomerId(): void
    {
        $contact = self::contact('contact');
        $this->assertRedirectsTo('', $this->loginContact($contact['email'], $contact['password']));

        $event = self::lastEvent();
        $this->assertSame(['login', 'contact', 1, 'contact@example.com', 'form', '127.0.0.1'],
            [$event['event'], $event['user_type'], $event['user_id'], $event['identifier'], $event['method'], $event['ip_text']]);
    }

    public function testARememberMeLoginIsMarkedAsSuch(): void
    {
        $admin = self::staff('admin');
        $this->loginStaff($admin['email'], $admin['password'], true);
        $this->browser()->deleteCookie('sp_session');
        self::db()->query('DELETE FROM ' . self::table('login_security_events'));

        $this->assertSame(200, $this->get('admin/')->status, 'the autologin cookie logs the admin in');
        $this->assertSame(200, $this->get('admin/')->status);

        $logins = self::events("event = 'login'");
        $this->assertCount(1, $logins, 'one remember-me login, not one per request');
        $this->assertSame(['staff', 1, 'remember_me', '127.0.0.1', 'Firefox'],
            [$logins[0]['user_type'], $logins[0]['user_id'], $logins[0]['method'], $logins[0]['ip_text'], $logins[0]['browser']]);
    }

    public function testAContactRememberMeLoginIsMarkedAsSuch(): void
    {
        $contact = self::contact('contact');
        $this->loginContact($contact['email'], $contact['password'], true);
        $this->browser()->deleteCookie('sp_session');

        $this->assertSame(200, $this->get('clients')->status);

        $event = self::lastEvent('login');
        $this->assertSame(['contact', 1, 'remember_me'], [$event['user_type'], $event['user_id'], $event['method']]);
    }

    public function testATwoFactorLoginIsRecordedOnceAfterTheCode(): void
    {
        $twofa = self::staff('twofa');
        $this->assertRedirectsTo('admin/authentication/two_factor', $this->loginStaff($twofa['email'], $twofa['password']));
        $this->assertSame([], self::events("event = 'login'"), 'no login before the code');

        $code = self::row('SELECT two_factor_auth_code FROM ' . self::table('staff') . ' WHERE staffid = 5')['two_factor_auth_code'];
        $this->assertRedirectsTo('admin/', $this->browser()->twoFactor((string) $code));

        $logins = self::events("event = 'login'");
        $this->assertCount(1, $logins);
        $this->assertSame(['staff', 5, 'two_factor', '2fa@example.com'],
            [$logins[0]['user_type'], $logins[0]['user_id'], $logins[0]['method'], $logins[0]['identifier']]);
    }

    public function testAStaffLogoutIsRecordedWithTheSessionDuration(): void
    {
        $this->loginAdmin();
        sleep(1);

        $this->assertRedirectsTo('admin/authentication', $this->logout());

        $event = self::lastEvent();
        $this->assertSame(['logout', 'staff', 1, 'logout', 'admin@example.com'],
            [$event['event'], $event['user_type'], $event['user_id'], $event['end_reason'], $event['identifier']]);
        $this->assertGreaterThanOrEqual(1, $event['duration']);
        $this->assertLessThan(30, $event['duration']);
    }

    public function testAContactLogoutIsRecordedForTheContactDespiteTheCustomerIdArgument(): void
    {
        $contact = self::contact('contact');
        $this->loginContact($contact['email'], $contact['password']);

        $this->logoutContact();

        $event = self::lastEvent();
        $this->assertSame(['logout', 'contact', 1, 'logout'], [$event['event'], $event['user_type'], $event['user_id'], $event['end_reason']]);
        $this->assertNotNull($event['duration']);
        $this->assertSame([], self::events("user_type = 'contact' AND user_id = 7"), 'never the customer id 7');
    }

    public function testADeepLinkLoginIsStillRecorded(): void
    {
        $this->assertRedirectsTo('admin/authentication', $this->get('admin/settings?group=general'));

        $admin = self::staff('admin');
        $this->assertRedirectsTo('admin/settings?group=general', $this->loginStaff($admin['email'], $admin['password']));

        $event = self::lastEvent('login');
        $this->assertSame(['staff', 1, 'form'], [$event['user_type'], $event['user_id'], $event['method']]);
    }

    private function assertFailure(string $reason, string $userType, ?int $userId, string $identifier): void
    {
        $event = self::lastEvent();
        $this->assertSame(['failed', $reason, $userType, $userId, $identifier, '127.0.0.1', 'Firefox'],
            [$event['event'], $event['reason'], $event['user_type'], $event['user_id'], $event['identifier'], $event['ip_text'], $event['browser']]);
    }
}
