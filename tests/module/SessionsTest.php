<?php
/**
 * Login Sessions (issue 4): force logout from the admin list sticks — the user's next request, on any app server,
 * lands on the login page with a message, and neither remember-me nor a copied session id brings them back. Every
 * action is POST + CSRF + capability manage, and recorded in the Login Log with who did it.
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class SessionsTest extends SessionsTestCase
{
    private const SIGNED_OUT_BY_ADMIN = 'You were signed out by an administrator.';

    public function testTheListShowsWhoIsSignedInWithDeviceAndMethod(): void
    {
        $this->staffBrowser('user');
        $this->contactBrowser('client');

        $page = $this->admin()->get(self::SESSIONS_URI);
        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('Sam Staff', $page->body);
        $this->assertStringContainsString('contact@example.com', $page->body);
        $this->assertStringContainsString('Firefox 128.0', $page->body);
        $this->assertStringContainsString('data-rows-url=', $page->body);

        $contacts = $this->admin()->ajax('GET', self::SESSIONS_URI . '/rows?type=contact');
        $this->assertSame(200, $contacts->status);
        $this->assertStringContainsString('Cleo Contact', $contacts->body);
        $this->assertStringNotContainsString('Sam Staff', $contacts->body);
        $search = $this->admin()->ajax('GET', self::SESSIONS_URI . '/rows?q=SAM%40example');
        $this->assertStringNotContainsString('Sam Staff', $search->body, 'no e-mail contains "sam@example"');
        $this->assertStringContainsString('Sam Staff', $this->admin()->ajax('GET', self::SESSIONS_URI . '/rows?q=staff%40EXAMPLE')->body);
    }

    public function testForceLogoutOfOneSessionSignsOnlyThatBrowserOutWithAMessage(): void
    {
        $user  = $this->staffBrowser('user');
        $other = $this->staffBrowser('other');

        $alert = $this->adminAction('end', ['id' => self::publicIdOf($user), 'user_type' => 'staff', 'user_id' => 2]);

        $this->assertStringContainsString('The session was ended', $alert);
        $this->assertSignedOutWith($user, self::SIGNED_OUT_BY_ADMIN);
        $this->assertSignedIn($other);
        $logouts = self::events("event = 'logout' AND user_id = 2");
        $this->assertCount(1, $logouts, 'one end, recorded once (not again when the user comes back)');
        $this->assertSame(['forced', 'Ada Admin', 1], [$logouts[0]['end_reason'], $logouts[0]['actor_name'], (int) $logouts[0]['actor_id']]);
        $this->assertNotNull($logouts[0]['duration']);
    }

    public function testForceLogoutOfAUserRemovesTheirPerfexSessionsAndRememberMeRows(): void
    {
        $user   = $this->staffBrowser('user', 'staff', true);
        $cookie = (string) $user->cookie('autologin');
        $this->assertSame(1, self::autologinRows(2, true));
        $this->assertGreaterThan(0, self::phpSessionRows('staff', 2));

        $alert = $this->adminAction('end_user', ['user_type' => 'staff', 'user_id' => 2]);

        $this->assertStringContainsString('One session ended', $alert);
        $this->assertSame(0, self::phpSessionRows('staff', 2));
        $this->assertSame(0, self::autologinRows(2, true));
        $this->assertSignedOutWith($user, self::SIGNED_OUT_BY_ADMIN);

        // The two-month remember-me cookie, kept by an attacker or a second tab, no longer logs anyone in.
        $copy = $this->browser('copy');
        $copy->setCookie('autologin', $cookie);
        $this->assertRedirectsTo('admin/authentication', $copy->get('admin/'));
        $this->assertSame([], self::openSessions('staff', 2));
    }

    public function testASessionRowWrittenAgainByAnInFlightRequestStillSignsOut(): void
    {
        $user = $this->staffBrowser('user');
        $data = self::row('SELECT data FROM ' . self::table('sessions') . ' WHERE id = ?', [$user->sessionId()])['data'];

        $this->adminAction('end_user', ['user_type' => 'staff', 'user_id' => 2]);
        // The user's request that was running during the action regenerates its id and writes the full session.
        $ghostId = bin2hex(random_bytes(20));
        self::db()->execute_query('INSERT INTO ' . self::table('sessions') . ' (id, ip_address, timestamp, data) VALUES (?, ?, ?, ?)',
            [$ghostId, '127.0.0.1', time(), $data]);

        $ghost = $this->browser('ghost');
        $ghost->setCookie('sp_session', $ghostId);
        $this->assertSignedOutWith($ghost, self::SIGNED_OUT_BY_ADMIN);
    }

    public function testAContactIsSignedOutToTheCustomersLoginPage(): void
    {
        $client = $this->contactBrowser('client');

        $this->adminAction('end_user', ['user_type' => 'contact', 'user_id' => 1]);

        $this->assertSignedOutWith($client, self::SIGNED_OUT_BY_ADMIN, 'clients', 'authentication/login');
        $this->assertSame(0, self::phpSessionRows('contact', 1));
    }

    public function testAnActionOnOneAppServerTakesEffectOnTheOthersNextRequest(): void
    {
        $second = self::startServer();
        $user   = $this->staffBrowser('user', 'staff', false, $second);
        $this->assertSignedIn($user, $second->url('admin/'));

        $this->adminAction('end_user', ['user_type' => 'staff', 'user_id' => 2]);

        $this->assertSignedOutWith($user, self::SIGNED_OUT_BY_ADMIN, $second->url('admin/'));
        $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 2, 'minutes' => 5, 'reason' => '']);
        $refused = $user->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);
        $this->assertStringContainsString('admin/authentication', (string) $refused->location(), 'the ban holds on the other server');
    }

    public function testStaffWithoutTheCapabilityGetA403AndNothingEnds(): void
    {
        $staff = $this->staffBrowser('user');
        $this->admin();

        $this->assertSame(403, $staff->get(self::SESSIONS_URI)->status);
        $this->assertSame(403, $staff->ajax('GET', self::SESSIONS_URI . '/rows')->status);
        $this->assertSame(403, $staff->post(self::SESSIONS_URI . '/end_user', ['user_type' => 'staff', 'user_id' => 1])->status);

        $viewer = $this->staffBrowser('viewer', 'viewer');
        $this->assertSame(200, $viewer->get(self::SESSIONS_URI)->status, 'view is enough to see the list');
        $this->assertStringNotContainsString('/sessions/end_user', $viewer->get(self::SESSIONS_URI)->body, 'no action buttons');
        $this->assertSame(403, $viewer->post(self::SESSIONS_URI . '/ban', ['user_type' => 'staff', 'user_id' => 1, 'minutes' => 5])->status);
        $this->assertSignedIn($this->admin());
        $this->assertSame([], self::bansOf('staff', 1));
    }

    public function testAnActionWithoutTheCsrfTokenIsRefused(): void
    {
        $user = $this->staffBrowser('user');

        $response = $this->admin()->post(self::SESSIONS_URI . '/end_user', ['user_type' => 'staff', 'user_id' => 2], [], false);

        $this->assertSame(403, $response->status);
        $this->assertSignedIn($user);
        $this->assertCount(1, self::openSessions('staff', 2));
    }

    public function testActionsAcceptOnlyPost(): void
    {
        $user = $this->staffBrowser('user');

        $this->assertSame(405, $this->admin()->get(self::SESSIONS_URI . '/end_user?user_type=staff&user_id=2')->status);
        $this->assertSignedIn($user);
    }

    public function testOnlyAnAdministratorMaySignOutAnAdministrator(): void
    {
        $this->admin();
        self::db()->query('INSERT INTO ' . self::table('staff_permissions') . " (staff_id, feature, capability) VALUES (3, 'login_security', 'manage')");
        try {
            $manager  = $this->staffBrowser('manager', 'viewer');
            $response = $manager->post(self::SESSIONS_URI . '/end_user', ['user_type' => 'staff', 'user_id' => 1]);
            $this->assertRedirectsTo(self::SESSIONS_URI, $response);
            $this->assertStringContainsString('Only an administrator', implode(' ', self::alerts($manager->get(self::SESSIONS_URI)->body)));
            $this->assertSignedIn($this->admin());
        } finally {
            self::db()->query('DELETE FROM ' . self::table('staff_permissions') . " WHERE staff_id = 3 AND capability = 'manage'");
        }
    }

    /** Bans in force of a user, straight from the table. */
    private static function bansOf(string $userType, int $userId): array
    {
        return self::db()->execute_query('SELECT * FROM ' . self::table('login_security_bans') . ' WHERE user_type = ? AND user_id = ? AND until > ?',
            [$userType, $userId, time()])->fetch_all(MYSQLI_ASSOC);
    }
}
