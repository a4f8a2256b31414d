<?php
/** What every admin request does (facts §1 L46-53, §3 L97-98, L108-110), and module controllers' routing. */

declare(strict_types=1);

final class AdminRequestTest extends HookRecorderTestCase
{
    public function testAdminRequestsFireAppInitThenPreAdminInitThenAdminInit(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
        $this->forgetHooks();

        $this->get('admin/');

        $this->assertSame(['modules_loaded', 'app_init', 'pre_admin_init', 'admin_init'], $this->hookNames());
    }

    public function testBackgroundPollingUpdatesLastActivityAndTheSessionTimestamp(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
        self::db()->query('UPDATE ' . self::table('staff') . " SET last_activity = '2020-01-01 00:00:00' WHERE staffid = 1");
        self::db()->query('UPDATE ' . self::table('sessions') . ' SET timestamp = 1');

        $response = $this->ajax('GET', 'admin/misc/notifications_check');

        $this->assertSame(['html' => '', 'notificationsIds' => []], $response->json());
        $this->assertNotSame('2020-01-01 00:00:00', self::row('SELECT last_activity FROM ' . self::table('staff') . ' WHERE staffid = 1')['last_activity']);
        $this->assertGreaterThan(time() - 60, self::row('SELECT timestamp FROM ' . self::table('sessions') . ' WHERE id = ?',
            [$this->browser()->sessionId()])['timestamp']);
    }

    public function testStaffDeactivatedWhileLoggedInIsLoggedOutOnTheNextRequest(): void
    {
        $staff = self::staff('staff');
        $this->loginStaff($staff['email'], $staff['password']);
        self::db()->query('UPDATE ' . self::table('staff') . ' SET active = 0 WHERE staffid = 2');
        $this->forgetHooks();

        $this->assertRedirectsTo('admin/authentication', $this->get('admin/'));

        $this->assertSame(['2'], $this->hook('before_staff_logout')['args']);
        $this->assertNotContains('admin_init', $this->hookNames());
        self::db()->query('UPDATE ' . self::table('staff') . ' SET active = 1 WHERE staffid = 2');
    }

    public function testAModuleControllerAnswersUnderAdminAndAtTheModuleRoot(): void
    {
        $this->assertRedirectsTo('admin/authentication', $this->get('hook_recorder'));
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        $admin = $this->get('admin/hook_recorder');
        $root = $this->get('hook_recorder');

        $this->assertStringContainsString('<h1 id="recorder-title">Recorder page for Ada Admin</h1>', $admin->body);
        $this->assertSame($admin->body, $root->body);
        $this->assertSame(404, $this->get('admin/hook_recorder/_private')->status);
        $this->assertSame(404, $this->get('admin/hook_recorder/missing')->status);
    }

    /** @dataProvider capabilityCases */
    public function testStaffCanFollowsTblstaffPermissionsAndAdminsCanDoEverything(string $who, array $expected): void
    {
        $this->loginStaff(self::staff($who)['email'], self::staff($who)['password']);

        $this->assertSame($expected, $this->get('admin/hook_recorder/capabilities')->json());
    }

    public function capabilityCases(): array
    {
        return [
            'admin' => ['admin', ['view' => true, 'manage' => true, 'admin' => true]],
            'viewer (login_security:view)' => ['viewer', ['view' => true, 'manage' => false, 'admin' => false]],
            'staff without capabilities' => ['staff', ['view' => false, 'manage' => false, 'admin' => false]],
        ];
    }

    public function testAccessDeniedAnswers403AndLogsTheAttempt(): void
    {
        $this->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);

        $page = $this->get('admin/hook_recorder/denied');
        $ajax = $this->ajax('GET', 'admin/hook_recorder/ajax_denied');

        $this->assertSame(403, $page->status);
        $this->assertStringContainsString('Access denied', $page->body);
        $this->assertSame(403, $ajax->status);
        $this->assertSame(['success' => false, 'message' => 'Access denied'], $ajax->json());
        $this->assertNotNull(self::row('SELECT id FROM ' . self::table('activity_log')
            . " WHERE description = ? AND staffid = 'Sam Staff'", ["Tried to access page where don't have permission [hook_recorder]"]));
    }

    public function testSettingsNeedTheSettingsPermissionAndModulesAnAdmin(): void
    {
        $this->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);

        $this->assertSame(403, $this->get('admin/settings?group=general')->status);
        $this->assertRedirectsTo('admin/', $this->get('admin/modules'));
    }
}
