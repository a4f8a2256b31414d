<?php
/** The staff login form, its hooks and their arguments (perfex-facts.md §1 L10-21, L29-40). */

declare(strict_types=1);

final class StaffLoginTest extends HookRecorderTestCase
{
    private const LOGIN_HOOKS = ['app_init', 'admin_auth_init', 'failed_login_attempt', 'non_existent_user_login_attempt',
        'inactive_user_login_attempt', 'before_staff_login', 'after_staff_login'];

    public function testCorrectPasswordLogsInAndFiresBeforeThenAfterStaffLogin(): void
    {
        $admin = self::staff('admin');
        $this->browser()->get('admin/authentication');
        $this->forgetHooks();

        $response = $this->post('admin/authentication', ['email' => $admin['email'], 'password' => $admin['password']]);

        $this->assertSame(303, $response->status);
        $this->assertRedirectsTo('admin/', $response);
        $this->assertSame(['app_init', 'admin_auth_init', 'before_staff_login', 'after_staff_login'], $this->hookNames(self::LOGIN_HOOKS));
        $this->assertSame([['email' => 'admin@example.com', 'userid' => '1']], $this->hook('before_staff_login')['args']);
        $this->assertFalse($this->hook('before_staff_login')['staff_user_id'], 'fires before the session keys are set');
        $this->assertSame('1', $this->hook('after_staff_login')['staff_user_id']);
        $this->assertStringContainsString('Signed in as Ada Admin', $this->get('admin/')->body);
    }

    public function testTheAccountIsFoundUnderEverySpellingTheCollationFoldsAndExtraFieldsAreIgnored(): void
    {
        $admin = self::staff('admin');
        // CodeIgniter's valid_email takes IDN domains through php-intl; the lookup is SQL equality under
        // utf8mb4_unicode_ci (perfex-facts.md §7): case, accents, width and ignorable characters fold.
        foreach (['ADMIN@Example.COM', ' admin@exämple.com ', 'admin@ｅｘａｍｐｌｅ.com', "admin@exa\u{200B}mple.com"] as $i => $spelling) {
            $this->browser("b$i")->get('admin/authentication');
            $response = $this->browser("b$i")->post('admin/authentication', ['email' => $spelling, 'password' => $admin['password'], 'passwordr' => 'x', 'unknown' => ['a']]);
            $this->assertRedirectsTo('admin/', $response);
            $this->assertStringContainsString('Signed in as Ada Admin', $this->browser("b$i")->get('admin/')->body, $spelling);
        }
        $this->assertTrue(extension_loaded('intl'), 'php-intl is part of the set-up (scripts/setup)');
    }

    public function testTheRouterReportsTheDispatchedControllerAndMethodInAnySpelling(): void
    {
        $this->browser()->get('admin/authentication');
        $this->forgetHooks();
        $response = $this->post('admin/authentication/ADMIN', ['email' => 'admin@example.com', 'password' => 'wrong']);

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertSame(['authentication', 'ADMIN', 'admin/'], $this->hook('admin_auth_init')['router']);
        $this->assertCount(1, $this->hookNames(['failed_login_attempt']), 'PHP methods are not case-sensitive: the login ran');
    }

    public function testTheSessionHoldsPerfexKeysAndLoginKeepsTheSessionId(): void
    {
        $this->browser()->get('admin/authentication');
        $before = $this->browser()->sessionId();
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        $this->assertSame($before, $this->browser()->sessionId());
        $data = self::row('SELECT data FROM ' . self::table('sessions') . ' WHERE id = ?', [$before])['data'];
        $this->assertStringContainsString('staff_user_id|s:1:"1";staff_logged_in|b:1;', $data);
        $this->assertStringStartsWith('__ci_last_regenerate|i:', $data);
        $staff = self::row('SELECT last_ip, last_login FROM ' . self::table('staff') . ' WHERE staffid = 1');
        $this->assertSame('127.0.0.1', $staff['last_ip']);
        $this->assertNotNull($staff['last_login']);
    }

    public function testWrongPasswordFiresFailedLoginAttemptWithTheUserRow(): void
    {
        $response = $this->loginStaff('admin@example.com', 'not-the-password');

        $this->assertRedirectsTo('admin/authentication', $response);
        $args = $this->hook('failed_login_attempt')['args'][0];
        $this->assertSame('1', $args['user']['staffid']);
        $this->assertSame('admin@example.com', $args['user']['email']);
        $this->assertTrue($args['is_staff_member']);
        $this->assertSame(['app_init', 'admin_auth_init', 'app_init', 'admin_auth_init', 'failed_login_attempt'], $this->hookNames(self::LOGIN_HOOKS));
        $page = $this->browser()->follow($response);
        $this->assertStringContainsString('<div class="alert alert-danger" role="alert">', $page->body);
        $this->assertStringNotContainsString('role="alert"', $this->get('admin/authentication')->body, 'an alert shows once');
    }

    public function testUnknownEmailFiresNonExistentUserLoginAttempt(): void
    {
        $this->loginStaff('nobody@example.com', 'whatever');

        $this->assertSame([['email' => 'nobody@example.com', 'is_staff_member' => true]],
            $this->hook('non_existent_user_login_attempt')['args']);
        $this->assertNotContains('failed_login_attempt', $this->hookNames());
    }

    public function testInactiveStaffWithTheRightPasswordFiresInactiveUserLoginAttempt(): void
    {
        $inactive = self::staff('inactive');
        $response = $this->loginStaff($inactive['email'], $inactive['password']);

        $this->assertRedirectsTo('admin/authentication', $response);
        $args = $this->hook('inactive_user_login_attempt')['args'][0];
        $this->assertSame('4', $args['user']['staffid']);
        $this->assertTrue($args['is_staff_member']);
        $this->assertNotContains('before_staff_login', $this->hookNames());
        $this->assertSame(307, $this->get('admin/')->status);
    }

    public function testTheEmailIsTrimmedAndAnInvalidOneNeverReachesTheModel(): void
    {
        $this->loginStaff('  admin@example.com ', self::staff('admin')['password']);
        $this->assertSame('admin@example.com', $this->hook('before_staff_login')['args'][0]['email']);

        $this->forgetHooks();
        $response = $this->browser('other')->loginStaff('not an e-mail', 'x');
        $this->assertSame(200, $response->status);
        $this->assertStringContainsString('alert-validation', $response->body);
        $this->assertSame(['app_init', 'admin_auth_init', 'app_init', 'admin_auth_init'], $this->hookNames(self::LOGIN_HOOKS));
    }

    public function testTwoFactorLoginFiresBeforeStaffLoginOnlyAfterTheCode(): void
    {
        $twofa = self::staff('twofa');
        $response = $this->loginStaff($twofa['email'], $twofa['password']);
        $this->assertRedirectsTo('admin/authentication/two_factor', $response);
        $this->assertNotContains('before_staff_login', $this->hookNames());
        $session = self::row('SELECT data FROM ' . self::table('sessions') . ' WHERE id = ?', [$this->browser()->sessionId()])['data'];
        $this->assertStringContainsString('tfa_staffid|s:1:"5";', $session);
        $this->assertStringNotContainsString('staff_logged_in', $session, 'not logged in before the code');

        $wrong = $this->browser()->twoFactor('000000');
        $this->assertRedirectsTo('admin/authentication/two_factor/email', $wrong);
        $this->assertNotContains('before_staff_login', $this->hookNames(), 'a wrong code fires no hook');

        $code = self::row('SELECT two_factor_auth_code FROM ' . self::table('staff') . ' WHERE staffid = 5')['two_factor_auth_code'];
        $this->assertRedirectsTo('admin/', $this->browser()->twoFactor($code));
        $this->assertSame([['email' => '2fa@example.com', 'userid' => '5']], $this->hook('before_staff_login')['args']);
        $this->assertSame(['before_staff_login', 'after_staff_login'], $this->hookNames(['before_staff_login', 'after_staff_login']));
        $this->assertSame(200, $this->get('admin/')->status);
    }

    public function testTwoFactorPageIsNotFoundWithoutAPasswordStep(): void
    {
        $this->assertSame(404, $this->get('admin/authentication/two_factor')->status);
    }

    public function testLogoutFiresBeforeStaffLogoutWithTheStaffIdAndDestroysTheSession(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
        $sessionId = $this->browser()->sessionId();
        $this->forgetHooks();

        $this->assertRedirectsTo('admin/authentication', $this->logout());

        $this->assertSame(['1'], $this->hook('before_staff_logout')['args']);
        $this->assertSame(['before_staff_logout', 'after_user_logout'], $this->hookNames(['before_staff_logout', 'after_user_logout', 'before_contact_logout']));
        $this->assertFalse($this->hook('after_user_logout')['staff_user_id'], 'the session is gone');
        $this->assertNull(self::row('SELECT id FROM ' . self::table('sessions') . ' WHERE id = ?', [$sessionId]));
        $this->assertSame(307, $this->get('admin/')->status);
    }

    public function testLoggedInStaffOpeningTheLoginPageIsSentToTheDashboard(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
        $this->assertRedirectsTo('admin/', $this->get('admin/authentication'));
    }
}
