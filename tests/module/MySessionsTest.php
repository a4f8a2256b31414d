<?php
/**
 * Login Sessions (issue 4), for every user: "My sessions" lists a staff member's or contact's own live sessions
 * and signs out everywhere else (keeping this browser, its remember-me login included); a password reset ends
 * every session of the user, a password change every other one (setting, on by default).
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class MySessionsTest extends SessionsTestCase
{
    private const MY_URI = 'admin/login_security/my_sessions';
    private const CLIENT_URI = 'login_security/client_sessions';
    private const ENDED = 'Your session was ended';

    public function testStaffSeeTheirOwnSessionsWithThisOneMarked(): void
    {
        $mine = $this->staffBrowser('mine');
        $this->staffBrowser('other');
        $this->admin();

        $page = $mine->get(self::MY_URI);

        $this->assertSame(200, $page->status);
        $this->assertSame(2, substr_count($page->body, '<tr data-session='));
        $this->assertSame(1, substr_count($page->body, 'This session'));
        $this->assertStringContainsString('data-session="' . self::publicIdOf($mine) . '" class="login-security-current-session"', $page->body);
        $this->assertStringContainsString('admin/login_security/my_sessions', $mine->get('admin/')->body, 'a menu entry for every staff member');
    }

    public function testSignOutEverywhereElseKeepsOnlyThisBrowser(): void
    {
        $mine  = $this->staffBrowser('mine', 'staff', true);
        $other = $this->staffBrowser('other', 'staff', true);
        $this->assertSame(2, self::autologinRows(2, true));

        $response = $mine->post(self::MY_URI . '/end_others');

        $this->assertRedirectsTo(self::MY_URI, $response);
        $this->assertStringContainsString('Signed out of 1 other session.', implode(' ', self::alerts($mine->get(self::MY_URI)->body)));
        $this->assertSignedIn($mine);
        $this->assertSame(1, self::autologinRows(2, true), 'this browser keeps its remember-me login');
        $this->assertSignedOutWith($other, self::ENDED);
        $this->assertCount(1, self::openSessions('staff', 2));
        $this->assertSame('Sam Staff', self::events("event = 'logout' AND user_id = 2")[0]['actor_name']);
    }

    public function testOneOtherSessionCanBeEndedButNeverSomeoneElses(): void
    {
        $mine  = $this->staffBrowser('mine');
        $other = $this->staffBrowser('other');
        $admin = $this->admin();

        $this->assertRedirectsTo(self::MY_URI, $mine->post(self::MY_URI . '/end', ['id' => self::publicIdOf($admin)]));
        $this->assertStringContainsString('No active session to end', implode(' ', self::alerts($mine->get(self::MY_URI)->body)));
        $this->assertSignedIn($admin);

        $mine->post(self::MY_URI . '/end', ['id' => self::publicIdOf($other)]);
        $this->assertSignedOutWith($other, self::ENDED);
        $this->assertSignedIn($mine);
    }

    public function testActionsAcceptOnlyPostWithTheCsrfToken(): void
    {
        $mine  = $this->staffBrowser('mine');
        $other = $this->staffBrowser('other');

        $this->assertSame(405, $mine->get(self::MY_URI . '/end_others')->status);
        $this->assertSame(403, $mine->post(self::MY_URI . '/end_others', [], [], false)->status);
        $this->assertSignedIn($other);
    }

    public function testContactsHaveTheirOwnPageInTheCustomersArea(): void
    {
        $mine  = $this->contactBrowser('mine');
        $other = $this->contactBrowser('other');

        $home = $mine->get('clients');
        $this->assertStringContainsString(self::CLIENT_URI, $home->body, 'a customers-area menu entry');
        $page = $mine->get(self::CLIENT_URI);
        $this->assertSame(200, $page->status);
        $this->assertSame(2, substr_count($page->body, '<tr data-session='));

        $this->assertRedirectsTo(self::CLIENT_URI, $mine->post(self::CLIENT_URI . '/end_others'));
        $this->assertSignedOutWith($other, self::ENDED, 'clients', 'authentication/login');
        $this->assertSame(200, $mine->get(self::CLIENT_URI)->status);
        $this->assertRedirectsTo('authentication/login', $this->browser('visitor')->get(self::CLIENT_URI));
    }

    public function testAPasswordResetEndsEverySessionOfTheUser(): void
    {
        $user = $this->staffBrowser('user', 'staff', true);

        $this->resetPassword('New-password-1');

        $this->assertSame(0, self::autologinRows(2, true));
        $this->assertSignedOutWith($user, self::ENDED);
        $this->assertSame('Password changed', self::events("event = 'logout' AND user_id = 2")[0]['details']);
    }

    public function testWithTheSettingOffAPasswordResetKeepsTheSessions(): void
    {
        self::setOptions(['session_end_on_password_change' => '0']);
        $user = $this->staffBrowser('user');

        $this->resetPassword('New-password-2');

        $this->assertSignedIn($user);
    }

    public function testChangingOnesPasswordEndsTheOtherSessionsAtTheNextRequest(): void
    {
        $mine  = $this->staffBrowser('mine', 'staff', true);
        $other = $this->staffBrowser('other', 'staff', true);

        $response = $mine->post('admin/staff/change_password_profile', ['oldpassword' => self::staff('staff')['password'],
            'newpassword' => 'New-password-3', 'newpasswordr' => 'New-password-3']);
        self::db()->execute_query('UPDATE ' . self::table('staff') . ' SET password = ? WHERE staffid = 2', [password_hash(self::staff('staff')['password'], PASSWORD_BCRYPT)]);

        $this->assertRedirectsTo('admin/', $response);
        $this->assertSignedIn($mine);
        $this->assertSignedOutWith($other, self::ENDED);
        $this->assertSame(1, self::autologinRows(2, true), 'only this browser keeps its remember-me login');
        $this->assertSame('Password changed', self::events("event = 'logout' AND user_id = 2")[0]['details']);
    }

    public function testAFailedPasswordChangeEndsNothing(): void
    {
        $mine  = $this->staffBrowser('mine');
        $other = $this->staffBrowser('other');

        $mine->post('admin/staff/change_password_profile', ['oldpassword' => 'wrong', 'newpassword' => 'x-1', 'newpasswordr' => 'x-1']);

        $this->assertSignedIn($mine);
        $this->assertSignedIn($other);
        $this->assertCount(2, self::openSessions('staff', 2));
    }

    /** Staff "forgot password": the e-mailed link (its key read from the table), then the new password. */
    private function resetPassword(string $password): void
    {
        $visitor = $this->browser('visitor');
        $visitor->get('admin/authentication/forgot_password');
        $visitor->post('admin/authentication/forgot_password', ['email' => self::staff('staff')['email']]);
        $key = self::row('SELECT new_pass_key FROM ' . self::table('staff') . ' WHERE staffid = 2')['new_pass_key'];
        $this->assertNotEmpty($key);
        $response = $visitor->post("admin/authentication/reset_password/1/2/$key", ['password' => $password, 'passwordr' => $password]);
        $this->assertRedirectsTo('admin/authentication', $response);
        self::db()->execute_query('UPDATE ' . self::table('staff') . ' SET password = ? WHERE staffid = 2', [password_hash(self::staff('staff')['password'], PASSWORD_BCRYPT)]);
    }
}
