<?php
/**
 * Inactivity Logout endpoints over HTTP (issue 5): the heartbeat (login, CSRF, POST, JSON 401 when signed out; staff
 * and contacts), the configuration JSON, and the browser's expiry call.
 */

declare(strict_types=1);

require_once __DIR__ . '/InactivityTestCase.php';

final class InactivityEndpointsTest extends InactivityTestCase
{
    private const HEARTBEAT = 'admin/login_security/inactivity/heartbeat';
    private const EXPIRE = 'admin/login_security/inactivity/expire/staff';

    public function testTheHeartbeatRecordsActivityOfTheSignedInStaffMember(): void
    {
        $this->signInAdmin();
        self::idleFor('staff', 1, 100);

        $response = $this->ajax('POST', self::HEARTBEAT);

        $this->assertSame(200, $response->status);
        $this->assertSame(['signed_in' => true, 'recorded' => true], $response->json());
        $this->assertEqualsWithDelta(time(), self::lastSeen('staff', 1), 2);
    }

    public function testTheHeartbeatAnswersJson401WhenSignedOut(): void
    {
        $response = $this->ajax('POST', self::HEARTBEAT);

        $this->assertSame(401, $response->status);
        $this->assertSame(['signed_in' => false], $response->json());
        $this->assertSame(401, $this->ajax('POST', 'login_security/inactivity/heartbeat')->status, 'the customers-area URL too');
    }

    public function testTheHeartbeatNeedsTheCsrfFieldAndAPost(): void
    {
        $this->signInAdmin();
        self::idleFor('staff', 1, 100);

        $this->assertSame(419, $this->post(self::HEARTBEAT, [], ['X-Requested-With' => 'XMLHttpRequest'], false)->status);
        $get = $this->ajax('GET', self::HEARTBEAT);
        $this->assertSame(405, $get->status);
        $this->assertSame('POST', $get->header('Allow'));
        $this->assertEqualsWithDelta(time() - 100, self::lastSeen('staff', 1), 2, 'nothing recorded');
    }

    public function testAContactsHeartbeatGoesThroughTheCustomersArea(): void
    {
        $this->loginContact('contact@example.com', 'Contact-demo-1');
        $this->get('clients');
        self::idleFor('contact', 1, 100);

        $this->assertSame(['signed_in' => true, 'recorded' => true], $this->ajax('POST', 'login_security/inactivity/heartbeat')->json());
        $this->assertEqualsWithDelta(time(), self::lastSeen('contact', 1), 2);
    }

    public function testTheConfigurationReflectsTheSavedSettings(): void
    {
        $this->signInAdmin();
        $expected = ['signed_in' => true, 'enabled' => true, 'timeout_seconds' => 120, 'warning_seconds' => 30,
            'message' => 'You have not been active for a while. For your security you will be signed out soon.'];
        $this->assertSame($expected, $this->ajax('GET', 'admin/login_security/inactivity/config/staff')->json());

        self::setOptions(['inactivity_timeout_minutes' => '45', 'inactivity_warning_seconds' => '90', 'inactivity_message' => 'Bye <b>now</b>']);
        $expected = array_replace($expected, ['timeout_seconds' => 2700, 'warning_seconds' => 90, 'message' => 'Bye <b>now</b>']);
        $this->assertSame($expected, $this->ajax('GET', 'admin/login_security/inactivity/config/staff')->json());

        self::setOptions(['inactivity_staff' => '0']);
        $this->assertFalse($this->ajax('GET', 'admin/login_security/inactivity/config/staff')->json()['enabled']);
        $this->assertSame(401, $this->ajax('GET', 'admin/login_security/inactivity/config/contact')->status, 'not signed in as a contact');
        $this->logout();
        $this->assertSame(401, $this->ajax('GET', 'admin/login_security/inactivity/config/staff')->status);
    }

    public function testTheBrowsersExpiryEndsTheSessionAsIdleAndTheLoginPageSaysWhy(): void
    {
        $this->signInAdmin();

        $response = $this->ajax('POST', self::EXPIRE, ['idle_seconds' => '120']);

        $this->assertSame(['signed_in' => true, 'expired' => true], $response->json());
        $this->assertSame('idle', self::session('staff', 1)['end_reason']);
        $logout = $this->logout(); // what the script does next: Perfex's logout
        $this->assertRedirectsTo('admin/authentication', $logout);
        $this->assertSame(self::SIGNED_OUT, self::notice($this->browser()->follow($logout)->body));
        $this->assertRedirectsTo('admin/authentication', $this->get('admin'));
        $events = self::events("event = 'logout'");
        $this->assertCount(1, $events, 'one logout event');
        $this->assertSame('idle', $events[0]['end_reason']);
        $this->assertSame(405, $this->ajax('GET', self::EXPIRE)->status);
    }

    public function testAnExpiryIsRefusedWithTheCurrentRuleWhenTheSettingsChanged(): void
    {
        $this->signInAdmin();

        self::setOptions(['inactivity_timeout_minutes' => '10']);
        $refused = $this->ajax('POST', self::EXPIRE, ['idle_seconds' => '120'])->json();
        $this->assertSame([false, 600], [$refused['expired'], $refused['timeout_seconds']], 'not idle for the new timeout yet');
        self::setOptions(['inactivity_timeout_minutes' => '2', 'inactivity_staff' => '0']);
        $off = $this->ajax('POST', self::EXPIRE, ['idle_seconds' => '999'])->json();
        $this->assertSame([false, false], [$off['expired'], $off['enabled']], 'switched off for staff');
        self::setOptions(['inactivity_staff' => '1']);
        $this->assertFalse($this->ajax('POST', self::EXPIRE, ['idle_seconds' => '-5'])->json()['expired'], 'a malformed idle time');
        $this->assertFalse($this->ajax('POST', self::EXPIRE)->json()['expired']);

        $this->assertNull(self::session('staff', 1)['ended_at'], 'the session goes on');
        $this->assertSame(200, $this->get('admin')->status);
        $this->assertSame(401, $this->ajax('POST', 'admin/login_security/inactivity/expire/contact', ['idle_seconds' => '999'])->status);
    }
}
