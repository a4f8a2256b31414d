<?php
/**
 * Sign-outs, bans and password changes that stick on every path (issue 9): ending ONE session revokes exactly its
 * own "remember me" token; single login and the no-JS inactivity end are exact at the smallest setting (1 minute);
 * a password changed by anyone — the contact in the customers area (Perfex fires no hook there), an administrator
 * editing a staff member or a contact — ends every other session of the user on its next request, remember-me
 * included, while the session that made the change goes on.
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class SessionsStickTest extends SessionsTestCase
{
    private const CLIENT_URI        = 'login_security/client_sessions';
    private const PASSWORD_CHANGED  = 'Your session was ended because your password was changed.';
    private const REVOKED           = 'Your automatic login (“remember me”) is no longer valid';
    private const REJECTED          = 'You are already signed in on another device or browser';

    protected function setUp(): void
    {
        parent::setUp();
        // Each test may change a password: every test starts from the demo ones.
        self::db()->execute_query('UPDATE ' . self::table('staff') . ' SET password = ?, last_password_change = NULL WHERE staffid = 2',
            [password_hash(self::staff('staff')['password'], PASSWORD_BCRYPT)]);
        self::db()->execute_query('UPDATE ' . self::table('contacts') . ' SET password = ?, last_password_change = NULL WHERE id = 1',
            [password_hash(self::contact('contact')['password'], PASSWORD_BCRYPT)]);
    }

    public function testARememberMeCookieNoLongerLogsInAfterAnAdminSignedOutItsOneSession(): void
    {
        $user  = $this->staffBrowser('user', 'staff', true);
        $other = $this->staffBrowser('other', 'staff', true);
        $this->assertSame(2, self::autologinRows(2, true));

        $this->adminAction('end', ['id' => self::publicIdOf($user), 'user_type' => 'staff', 'user_id' => 2]);

        $this->assertSame(1, self::autologinRows(2, true), 'exactly its own remember-me row is gone');
        // The session cookie deleted (or expired after 8 h): only the autologin cookie comes back.
        $replay = $this->browser('replay');
        $replay->setCookie('autologin', (string) $user->cookie('autologin'));
        $this->assertSignedOutWith($replay, self::REVOKED);
        $this->assertRedirectsTo('admin/authentication', $replay->get('admin/'));
        $refused = self::events("event = 'failed' AND user_id = 2");
        $this->assertCount(1, $refused, 'the refused arrival is recorded, once');
        $this->assertSame(['staff', 'remember_me', 'revoked'], [$refused[0]['user_type'], $refused[0]['method'], $refused[0]['reason']]);
        $this->assertSignedIn($other);
        $kept = $this->browser('kept');
        $kept->setCookie('autologin', (string) $other->cookie('autologin'));
        $this->assertSignedIn($kept, 'admin/');
    }

    public function testARememberMeCookieNoLongerLogsInAfterAContactSignedOutThatSessionFromMySessions(): void
    {
        $mine   = $this->contactBrowser('mine', true);
        $theirs = $this->contactBrowser('theirs', true);

        $this->assertRedirectsTo(self::CLIENT_URI, $mine->post(self::CLIENT_URI . '/end', ['id' => self::publicIdOf($theirs, 'contact')]));

        $this->assertSame(1, self::autologinRows(1, false), 'exactly its own remember-me row is gone');
        $replay = $this->browser('replay');
        $replay->setCookie('autologin', (string) $theirs->cookie('autologin'));
        $this->assertRedirectsTo('authentication/login', $replay->get('clients'));
        $this->assertSame('revoked', self::events("event = 'failed' AND user_type = 'contact'")[0]['reason'] ?? null);
        $this->assertSame(200, $mine->get('clients')->status);
        $this->assertCount(1, self::openSessions('contact', 1), 'this browser keeps its session');
    }

    public function testAtAOneMinuteIdleExpiryASessionActiveWithinTheMinuteBlocksASecondLogin(): void
    {
        self::setOptions(['session_single_staff' => '1', 'session_idle_minutes' => '1']);
        $first = $this->staffBrowser('first');
        self::shiftSessions(-50);                   // signed in 50 s ago …
        $this->assertSignedIn($first);              // … and opens a page now
        self::shiftSessions(-12);                   // 12 s later (62 s after the login) a second login comes

        $response = $this->browser('second')->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertStringContainsString(self::REJECTED, implode(' ', self::alerts($this->browser('second')->get('admin/authentication')->body)));
        self::shiftSessions(-49);                   // the first one idle for 61 s: released
        $this->assertRedirectsTo('admin/', $this->browser('second')->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']));
    }

    public function testAtAOneMinuteTimeoutWithoutJavaScriptASessionIsEndedOnlyAfterTimeoutPlusGrace(): void
    {
        self::setOptions(['inactivity_enabled' => '1', 'inactivity_staff' => '1', 'inactivity_timeout_minutes' => '1',
            'inactivity_warning_seconds' => '30']);
        $user = $this->staffBrowser('user');
        self::shiftSessions(-59);
        $this->assertSignedIn($user);               // a page 59 s after the login
        self::shiftSessions(-65);                   // then 65 s without activity: within 60 s + 60 s grace

        $this->assertSignedIn($user);

        self::shiftSessions(-125);                  // 125 s without activity: past it
        $this->assertSignedOutWith($user, 'inactivity');
        $this->assertSame('idle', self::sessions("user_id = 2")[0]['end_reason']);
    }

    public function testAContactsOwnPasswordChangeEndsTheirOtherSessionsRememberMeIncluded(): void
    {
        $mine   = $this->contactBrowser('mine');
        $theirs = $this->contactBrowser('theirs', true);
        $replay = $this->browser('replay');
        $replay->setCookie('autologin', (string) $theirs->cookie('autologin'));
        self::shiftSessions(-5); // the logins were a few seconds ago (times are in whole seconds)

        $response = $mine->post('clients/profile', ['change_password' => '1', 'oldpassword' => self::contact('contact')['password'],
            'newpassword' => 'New-contact-1', 'newpasswordr' => 'New-contact-1']);

        $this->assertRedirectsTo('clients', $response);
        $this->assertSame(200, $mine->get('clients')->status, 'the session that changed it goes on');
        $this->assertSignedOutWith($replay, self::REVOKED, 'clients', 'authentication/login');
        $this->assertSignedOutWith($theirs, self::PASSWORD_CHANGED, 'clients', 'authentication/login');
        $this->assertSame(200, $mine->get('clients')->status);
        $this->assertEndedAndRefused('contact', 1);
    }

    public function testAPasswordAnAdministratorSetsForAStaffMemberEndsTheirSessionsRememberMeIncluded(): void
    {
        $user   = $this->staffBrowser('user', 'staff', true);
        $replay = $this->browser('replay');
        $replay->setCookie('autologin', (string) $user->cookie('autologin'));
        self::shiftSessions(-5);

        $this->assertRedirectsTo('admin/staff/member/2', $this->admin()->post('admin/staff/member/2', ['password' => 'New-staff-1']));

        $this->assertSignedOutWith($replay, self::REVOKED);
        $this->assertSignedOutWith($user, self::PASSWORD_CHANGED);
        $this->assertSignedIn($this->admin());
        $this->assertEndedAndRefused('staff', 2);
    }

    public function testAPasswordStaffSetForAContactEndsTheContactsSessionsRememberMeIncluded(): void
    {
        $contact = $this->contactBrowser('contact', true);
        $replay  = $this->browser('replay');
        $replay->setCookie('autologin', (string) $contact->cookie('autologin'));
        self::shiftSessions(-5);

        $response = $this->admin()->ajax('POST', 'admin/clients/form_contact/7/1', ['password' => 'New-contact-2']);

        $this->assertSame(200, $response->status);
        $this->assertSignedOutWith($replay, self::REVOKED, 'clients', 'authentication/login');
        $this->assertSignedOutWith($contact, self::PASSWORD_CHANGED, 'clients', 'authentication/login');
        $this->assertEndedAndRefused('contact', 1);
    }

    public function testAnAdministratorSettingTheirOwnPasswordStaysSignedIn(): void
    {
        $this->admin();
        self::shiftSessions(-5);
        $this->assertRedirectsTo('admin/staff/member/1', $this->admin()->post('admin/staff/member/1', ['password' => 'Admin-demo-1']));

        $this->assertSignedIn($this->admin());
        $this->assertCount(1, self::openSessions('staff', 1));
    }

    public function testWithTheSettingOffAPasswordSetByAnAdministratorEndsNothing(): void
    {
        self::setOptions(['session_end_on_password_change' => '0']);
        $user   = $this->staffBrowser('user', 'staff', true);
        $replay = $this->browser('replay');
        $replay->setCookie('autologin', (string) $user->cookie('autologin'));
        self::shiftSessions(-5);

        $this->admin()->post('admin/staff/member/2', ['password' => 'New-staff-2']);

        $this->assertSignedIn($user);
        $this->assertSignedIn($replay);
    }

    /** The session ended as "password_changed" and the replayed remember-me token was refused, both recorded. */
    private function assertEndedAndRefused(string $userType, int $userId): void
    {
        $events = self::userEvents($userType, $userId);
        $ends   = array_values(array_filter($events, static fn ($e) => $e['event'] === 'logout' && $e['end_reason'] === 'password_changed'));
        $this->assertCount(1, $ends, 'one end, recorded once');
        $refused = array_values(array_filter($events, static fn ($e) => $e['event'] === 'failed'));
        $this->assertCount(1, $refused);
        $this->assertSame(['remember_me', 'revoked'], [$refused[0]['method'], $refused[0]['reason']]);
        $this->assertSame(0, self::autologinRows($userId, $userType === 'staff'), 'no remember-me row left from before the change');
    }

    /** Moves every session's login and last activity by $seconds (negative: into the past). */
    private static function shiftSessions(int $seconds): void
    {
        self::db()->query('UPDATE ' . self::table('login_security_sessions') . " SET created_at = created_at + ($seconds), last_seen = last_seen + ($seconds)");
    }
}
