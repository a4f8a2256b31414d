<?php
/**
 * Login Sessions (issue 4): a temporary ban ends the user's sessions, refuses every way back in (form, two-factor
 * code, remember-me) with a message saying when it ends, expires by itself, and can be lifted early — each step
 * recorded in the Login Log with who did it.
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class SessionsBanTest extends SessionsTestCase
{
    public function testABanSignsTheUserOutAndSaysWhenItEnds(): void
    {
        $user = $this->staffBrowser('user', 'staff', true);

        $alert = $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 2, 'minutes' => 10, 'reason' => 'Investigating <b>odd</b> logins']);

        // Rounded up to the minute, like lockouts (issue 9): nobody is told to come back while still refused.
        $until = date('Y-m-d H:i', (int) ceil((int) self::row('SELECT until FROM ' . self::table('login_security_bans') . ' WHERE user_id = 2')['until'] / 60) * 60);
        $this->assertStringContainsString('banned until ' . $until, $alert);
        $this->assertSignedOutWith($user, 'Your account is suspended until ' . $until);
        $this->assertSame(0, self::autologinRows(2, true));
        $logout = self::events("event = 'logout' AND user_id = 2")[0];
        $this->assertSame(['banned', 'Ada Admin'], [$logout['end_reason'], $logout['actor_name']]);
        $this->assertStringContainsString('Investigating <b>odd</b> logins', $logout['details']);

        $page = $this->admin()->get(self::SESSIONS_URI)->body;
        $this->assertStringContainsString('Investigating &lt;b&gt;odd&lt;/b&gt; logins', $page, 'the bans list escapes the reason');
        $this->assertStringContainsString('Sam Staff', $page);
    }

    public function testABannedUserCannotSignInWithTheirPassword(): void
    {
        $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 2, 'minutes' => 10, 'reason' => '']);
        $user = $this->browser('user');

        $response = $user->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertStringContainsString('Your account is suspended until', implode(' ', self::alerts($user->get('admin/authentication')->body)));
        $this->assertRedirectsTo('admin/authentication', $user->get('admin/'));
        $this->assertSame([], self::openSessions('staff', 2));
        $refusal = self::events("event = 'logout' AND user_id = 2")[0];
        $this->assertSame(['banned', 'staff@example.com', 'form', 0], [$refusal['end_reason'], $refusal['identifier'], $refusal['method'], (int) $refusal['duration']]);
        $this->assertSame([], self::events("event = 'login' AND user_id = 2"), 'never recorded as a login');
    }

    public function testABanRefusesTheTwoFactorStep(): void
    {
        $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 5, 'minutes' => 10, 'reason' => '']);
        $user = $this->browser('user');
        $user->loginStaff(self::staff('twofa')['email'], self::staff('twofa')['password']);
        $code = self::row('SELECT two_factor_auth_code FROM ' . self::table('staff') . ' WHERE staffid = 5')['two_factor_auth_code'];

        $this->assertRedirectsTo('admin/authentication', $user->twoFactor($code));

        $this->assertRedirectsTo('admin/authentication', $user->get('admin/'));
        $this->assertSame('two_factor', self::events("event = 'logout' AND user_id = 5")[0]['method']);
    }

    public function testABanRefusesARememberMeLogin(): void
    {
        $user   = $this->staffBrowser('user', 'staff', true);
        $cookie = (string) $user->cookie('autologin');
        // A ban stored while the remember-me row survived (e.g. set by another tool): the cookie still gets nowhere.
        self::db()->execute_query('INSERT INTO ' . self::table('login_security_bans') . " (user_type, user_id, until, reason, created_by, created_at) VALUES ('staff', 2, ?, '', '', ?)",
            [time() + 600, time()]);
        $again = $this->browser('again');
        $again->setCookie('autologin', $cookie);

        $this->assertSignedOutWith($again, 'Your account is suspended until');

        $this->assertSame(0, self::autologinRows(2, true), 'the refused remember-me row is gone');
        $this->assertSame('banned', self::events("event = 'logout' AND user_id = 2")[0]['end_reason']);
    }

    public function testABanEndsByItself(): void
    {
        $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 2, 'minutes' => 10, 'reason' => '']);
        self::db()->query('UPDATE ' . self::table('login_security_bans') . ' SET until = ' . (time() - 1));

        $this->staffBrowser('user');

        $this->assertStringContainsString('Nobody is banned', $this->admin()->get(self::SESSIONS_URI)->body);
    }

    public function testAnAdminCanLiftABanEarly(): void
    {
        $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 2, 'minutes' => 10, 'reason' => '']);

        $alert = $this->adminAction('lift_ban', ['user_type' => 'staff', 'user_id' => 2]);

        $this->assertStringContainsString('The ban was lifted', $alert);
        $this->staffBrowser('user');
        $lifted = self::events("event = 'reenabled' AND user_id = 2")[0];
        $this->assertSame('Ada Admin', $lifted['actor_name']);
        $this->assertStringContainsString('not banned', $this->adminAction('lift_ban', ['user_type' => 'staff', 'user_id' => 2]));
    }

    public function testAContactBanRefusesTheCustomersLogin(): void
    {
        $client = $this->contactBrowser('client');

        $this->adminAction('ban', ['user_type' => 'contact', 'user_id' => 1, 'minutes' => 30, 'reason' => '']);

        $this->assertSignedOutWith($client, 'Your account is suspended until', 'clients', 'authentication/login');
        $again = $client->loginContact(self::contact('contact')['email'], self::contact('contact')['password']);
        $this->assertRedirectsTo('authentication/login', $again);
    }

    public function testAnAdminCannotBanThemselvesNorForAnInvalidTime(): void
    {
        $this->assertStringContainsString('You cannot ban yourself', $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 1, 'minutes' => 5]));
        foreach (['0', 'abc', '525601', '-5', ''] as $minutes) {
            $alert = $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 2, 'minutes' => $minutes]);
            $this->assertStringContainsString('Ban not saved', $alert, "minutes \"$minutes\"");
        }
        $this->assertStringContainsString('no valid user', $this->adminAction('ban', ['user_type' => 'robot', 'user_id' => 2, 'minutes' => 5]));
        $this->assertSame(0, (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('login_security_bans'))['n']);
        $this->assertSignedIn($this->admin());
    }
}
