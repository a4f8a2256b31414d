<?php
/**
 * Login Sessions (issue 4): a session starts at every login (form, two-factor code, remember-me) with only the hash
 * of its token stored, one check per request keeps last activity without counting background AJAX, and the logout
 * ends it with ONE Login Log event carrying its duration — contacts included, although Perfex's logout hook passes
 * the customer id.
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class SessionsTrackingTest extends SessionsTestCase
{
    public function testALoginStartsOneSessionAndStoresOnlyTheHashOfItsToken(): void
    {
        $user = $this->staffBrowser('user');

        $rows  = self::openSessions('staff', 2);
        $token = self::tokenOf($user);
        $this->assertCount(1, $rows);
        $this->assertSame(['form', '127.0.0.1'], [$rows[0]['method'], inet_ntop($rows[0]['ip'])]);
        $this->assertMatchesRegularExpression('/^[0-9a-f]{64}$/', (string) $token);
        $this->assertSame(hash('sha256', (string) $token, true), $rows[0]['token_hash']);
        foreach (['login_security_sessions', 'login_security_events'] as $table) {
            $dump = json_encode(self::db()->query('SELECT * FROM ' . self::table($table))->fetch_all(), JSON_INVALID_UTF8_SUBSTITUTE);
            $this->assertStringNotContainsString((string) $token, (string) $dump, "no raw token in $table");
            $this->assertStringNotContainsString((string) $user->sessionId(), (string) $dump, "no session id in $table");
        }
    }

    public function testBackgroundPollingNeverCountsAsActivity(): void
    {
        $user = $this->staffBrowser('user');
        self::db()->query('UPDATE ' . self::table('login_security_sessions') . ' SET last_seen = last_seen - 600');
        $before = (int) self::openSessions('staff', 2)[0]['last_seen'];

        $this->assertSame(200, $user->ajax('GET', 'admin/misc/notifications_check')->status);
        $this->assertSame($before, (int) self::openSessions('staff', 2)[0]['last_seen']);

        $this->assertSignedIn($user);
        $this->assertGreaterThanOrEqual(time() - 5, (int) self::openSessions('staff', 2)[0]['last_seen']);
    }

    public function testLastActivityIsWrittenAtMostOnceAMinute(): void
    {
        $user = $this->staffBrowser('user');
        $seen = time() - 30;
        self::db()->query('UPDATE ' . self::table('login_security_sessions') . " SET last_seen = $seen");

        $this->assertSignedIn($user);

        $this->assertSame($seen, (int) self::openSessions('staff', 2)[0]['last_seen']);
    }

    public function testALogoutEndsTheSessionWithOneEventCarryingItsDuration(): void
    {
        $user = $this->staffBrowser('user');
        self::db()->query('UPDATE ' . self::table('login_security_sessions') . ' SET created_at = created_at - 120');

        $this->assertRedirectsTo('admin/authentication', $user->logout());

        $this->assertSame([], self::openSessions('staff', 2));
        $this->assertSame('logout', self::sessions()[0]['end_reason']);
        $logouts = self::events("event = 'logout'");
        $this->assertCount(1, $logouts);
        $this->assertSame(['logout', 'staff', 2], [$logouts[0]['end_reason'], $logouts[0]['user_type'], (int) $logouts[0]['user_id']]);
        $this->assertGreaterThanOrEqual(120, (int) $logouts[0]['duration'], 'the duration of our session');
        $this->assertSame('', self::notice($user->get('admin/authentication')->body), 'no notice after a normal logout');
    }

    public function testAContactsLogoutEndsTheContactsSessionDespiteTheCustomerIdArgument(): void
    {
        $client = $this->contactBrowser('client');

        $this->assertRedirectsTo('authentication/login', $client->logoutContact());

        $this->assertSame([], self::openSessions('contact', 1));
        $this->assertSame('logout', self::sessions('user_type = ?', ['contact'])[0]['end_reason']);
        $logouts = self::events("event = 'logout'");
        $this->assertCount(1, $logouts);
        $this->assertSame(['contact', 1], [$logouts[0]['user_type'], (int) $logouts[0]['user_id']], 'the contact, not customer 7');
        $this->assertNotNull($logouts[0]['duration']);
    }

    public function testARememberMeLoginStartsASessionOfItsOwn(): void
    {
        $first = $this->staffBrowser('first', 'staff', true);
        $again = $this->browser('again');
        $again->setCookie('autologin', (string) $first->cookie('autologin'));

        $this->assertSignedIn($again);
        $this->assertSignedIn($again);

        $methods = array_column(self::openSessions('staff', 2), 'method');
        sort($methods);
        $this->assertSame(['form', 'remember_me'], $methods);
        $this->assertCount(2, self::events("event = 'login' AND user_id = 2"));
    }

    public function testASessionUnknownToTheModuleIsTakenOverWithoutALogin(): void
    {
        $user = $this->staffBrowser('user');
        self::db()->query('DELETE FROM ' . self::table('login_security_sessions'));

        $this->assertSignedIn($user);

        $rows = self::openSessions('staff', 2);
        $this->assertCount(1, $rows);
        $this->assertSame('', $rows[0]['method']);
        $this->assertCount(1, self::events("event = 'login'"), 'no second login event');
    }

    public function testAContactLoginDroppedByTheAdminAreaEndsItsSession(): void
    {
        $browser = $this->contactBrowser('both');
        $browser->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);

        $this->assertSignedIn($browser); // Perfex's admin area unsets the contact's keys, without a logout hook
        $this->assertSignedIn($browser);

        $this->assertSame([], self::openSessions('contact', 1));
        $this->assertCount(1, self::openSessions('staff', 2));
    }

    public function testATwoFactorLoginStartsItsSessionAfterTheCode(): void
    {
        $user = $this->browser('user');
        $user->loginStaff(self::staff('twofa')['email'], self::staff('twofa')['password']);
        $this->assertSame([], self::openSessions('staff', 5));

        $code = self::row('SELECT two_factor_auth_code FROM ' . self::table('staff') . ' WHERE staffid = 5')['two_factor_auth_code'];
        $this->assertRedirectsTo('admin/', $user->twoFactor($code));

        $this->assertSame(['two_factor'], array_column(self::openSessions('staff', 5), 'method'));
    }

    public function testAnIdleSessionIsSignedOutWhenTheInactivityLimitApplies(): void
    {
        $user = $this->staffBrowser('user');
        self::setOptions(['inactivity_enabled' => '1', 'inactivity_staff' => '1', 'inactivity_timeout_minutes' => '15']);
        self::db()->query('UPDATE ' . self::table('login_security_sessions') . ' SET last_seen = last_seen - 3600, created_at = created_at - 3600');

        $response = $user->get('admin/');

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertSame('idle', self::sessions()[0]['end_reason']);
        $logouts = self::events("event = 'logout'");
        $this->assertCount(1, $logouts);
        $this->assertSame('idle', $logouts[0]['end_reason']);
        $this->assertGreaterThanOrEqual(3600, (int) $logouts[0]['duration']);
    }

    public function testCronEndsSessionsWhosePerfexSessionHasExpired(): void
    {
        $this->staffBrowser('stale');
        $this->staffBrowser('fresh', 'viewer');
        $staleId = (int) self::staff('staff')['id'];
        self::db()->execute_query('UPDATE ' . self::table('login_security_sessions') . ' SET last_seen = last_seen - 28801 WHERE user_type = ? AND user_id = ?', ['staff', $staleId]);

        $this->runCron();

        $this->assertSame('expired', self::sessions('user_id = ?', [$staleId])[0]['end_reason']);
        $this->assertSame('', self::sessions('user_id <> ?', [$staleId])[0]['end_reason'], 'an active session stays');
        $logged = self::events("event = 'logout' AND end_reason = 'expired'");
        $this->assertSame([$staleId], array_map('intval', array_column($logged, 'user_id')), 'the end is in the Login Log');
    }
}
