<?php
/**
 * Login Sessions (issue 4), single login: with it on for a user type, a user who already has a live session is
 * refused a new one (form or remember-me) with a clear message while the first keeps working; a session idle for
 * the expiry (30 minutes by default) no longer counts, and a logout releases the login at once.
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class SessionsSingleLoginTest extends SessionsTestCase
{
    private const REJECTED = 'You are already signed in on another device or browser';

    public function testASecondLoginIsRefusedWhileTheFirstSessionIsLive(): void
    {
        self::setOptions(['session_single_staff' => '1']);
        $first  = $this->staffBrowser('first');
        $second = $this->browser('second');

        $response = $second->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertStringContainsString(self::REJECTED, implode(' ', self::alerts($second->get('admin/authentication')->body)));
        $this->assertRedirectsTo('admin/authentication', $second->get('admin/'));
        $this->assertSignedIn($first);
        $this->assertCount(1, self::openSessions('staff', 2));
        $refusal = self::events("event = 'logout' AND user_id = 2")[0];
        $this->assertSame(['rejected', 'staff@example.com', 0], [$refusal['end_reason'], $refusal['identifier'], (int) $refusal['duration']]);
        $this->assertCount(1, self::events("event = 'login' AND user_id = 2"));
    }

    public function testASessionIdleForTheExpiryNoLongerCounts(): void
    {
        self::setOptions(['session_single_staff' => '1']);
        $this->staffBrowser('first');
        $second = $this->browser('second');

        self::db()->query('UPDATE ' . self::table('login_security_sessions') . ' SET last_seen = ' . (time() - 29 * 60));
        $this->assertRedirectsTo('admin/authentication', $second->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']));

        self::db()->query('UPDATE ' . self::table('login_security_sessions') . ' SET last_seen = ' . (time() - 30 * 60 - 1));
        $this->assertRedirectsTo('admin/', $second->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']));
    }

    public function testTheIdleExpiryIsASetting(): void
    {
        self::setOptions(['session_single_staff' => '1', 'session_idle_minutes' => '5']);
        $this->staffBrowser('first');
        self::db()->query('UPDATE ' . self::table('login_security_sessions') . ' SET last_seen = ' . (time() - 6 * 60));

        $this->staffBrowser('second');

        $this->assertCount(2, self::openSessions('staff', 2));
    }

    public function testALogoutReleasesTheLoginAtOnce(): void
    {
        self::setOptions(['session_single_staff' => '1']);
        $first = $this->staffBrowser('first');
        $first->logout();

        $this->staffBrowser('second');

        $this->assertCount(1, self::openSessions('staff', 2));
    }

    public function testARememberMeLoginIsRefusedToo(): void
    {
        self::setOptions(['session_single_staff' => '1']);
        $first = $this->staffBrowser('first', 'staff', true);
        $again = $this->browser('again');
        $again->setCookie('autologin', (string) $first->cookie('autologin'));

        $this->assertSignedOutWith($again, self::REJECTED);

        $this->assertSignedIn($first);
        $this->assertSame('rejected', self::events("event = 'logout' AND user_id = 2")[0]['end_reason']);
    }

    public function testSingleLoginIsSetPerUserType(): void
    {
        self::setOptions(['session_single_staff' => '1']);
        $this->contactBrowser('client-1');
        $this->contactBrowser('client-2');
        $this->assertCount(2, self::openSessions('contact', 1), 'contacts are not limited');

        self::setOptions(['session_single_staff' => '0', 'session_single_customers' => '1']);
        $third    = $this->browser('client-3');
        $response = $third->loginContact(self::contact('contact')['email'], self::contact('contact')['password']);
        $this->assertRedirectsTo('authentication/login', $response);
        $this->assertStringContainsString(self::REJECTED, implode(' ', self::alerts($third->get('authentication/login')->body)));
        $this->staffBrowser('staff-1');
        $this->staffBrowser('staff-2');
    }

    public function testSingleLoginIsOffByDefault(): void
    {
        $this->staffBrowser('first');
        $this->staffBrowser('second');

        $this->assertCount(2, self::openSessions('staff', 2));
    }
}
