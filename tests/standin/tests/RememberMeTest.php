<?php
/** Remember me: the autologin cookie logs in on any request with NO login hook; app_init sees the user (facts §1 L41-43). */

declare(strict_types=1);

final class RememberMeTest extends HookRecorderTestCase
{
    public function testStaffRememberMeSetsTheCookieAndAHashedRow(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password'], true);

        $cookie = unserialize($this->browser()->cookie('autologin'));
        $this->assertSame('1', $cookie['user_id']);
        $row = self::row('SELECT user_id, staff, user_agent FROM ' . self::table('user_auto_login') . ' WHERE key_id = ?', [md5($cookie['key'])]);
        $this->assertSame(['user_id' => 1, 'staff' => 1, 'user_agent' => StandinBrowser::USER_AGENT], $row);
    }

    public function testTheAutologinCookieAloneLogsStaffInWithoutALoginHook(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password'], true);
        $returning = $this->browser('returning');
        $returning->setCookie('autologin', $this->browser()->cookie('autologin'));
        $logins = 'SELECT COUNT(*) AS n FROM ' . self::table('activity_log') . " WHERE description LIKE 'User Successfully Logged In%'";
        $before = self::row($logins)['n'];
        $this->forgetHooks();

        $this->assertSame(200, $returning->get('admin/')->status);

        $this->assertSame([], $this->hookNames(['before_staff_login', 'after_staff_login', 'before_client_login']));
        $this->assertSame('1', $this->hook('app_init')['staff_user_id']);
        $this->assertSame($before + 1, self::row($logins)['n'], 'Perfex logs the autologin as a login');
    }

    public function testAContactIsLoggedInByTheCookieToo(): void
    {
        $this->loginContact(self::contact('contact')['email'], self::contact('contact')['password'], true);
        $returning = $this->browser('returning');
        $returning->setCookie('autologin', $this->browser()->cookie('autologin'));
        $this->forgetHooks();

        $this->assertSame(200, $returning->get('')->status);

        $this->assertSame([], $this->hookNames(['before_client_login', 'after_contact_login']));
        $app = $this->hook('app_init');
        $this->assertSame(['1', '7'], [$app['contact_user_id'], $app['client_user_id']]);
    }

    public function testLogoutDeletesOnlyThisBrowsersRowAndTheCookie(): void
    {
        $admin = self::staff('admin');
        $this->browser('laptop')->loginStaff($admin['email'], $admin['password'], true);
        $this->loginStaff($admin['email'], $admin['password'], true);
        $rows = 'SELECT COUNT(*) AS n FROM ' . self::table('user_auto_login') . ' WHERE user_id = 1 AND staff = 1';
        $before = self::row($rows)['n'];

        $this->logout();

        $this->assertNull($this->browser()->cookie('autologin'));
        $this->assertSame($before - 1, self::row($rows)['n']);
        $this->assertSame(200, $this->browser('laptop')->get('admin/')->status);
    }

    public function testADeletedRowNoLongerLogsIn(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password'], true);
        $returning = $this->browser('returning');
        $returning->setCookie('autologin', $this->browser()->cookie('autologin'));
        self::db()->query('DELETE FROM ' . self::table('user_auto_login'));

        $this->assertSame(307, $returning->get('admin/')->status);
    }
}
