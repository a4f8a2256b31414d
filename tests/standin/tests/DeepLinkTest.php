<?php
/** red_url: a page opened while logged out is reopened after login, and after_staff_login is then skipped (facts §1 L16-17). */

declare(strict_types=1);

final class DeepLinkTest extends HookRecorderTestCase
{
    public function testStaffDeepLinkRedirectsThereAndSkipsAfterStaffLogin(): void
    {
        $this->assertRedirectsTo('admin/authentication', $this->get('admin/settings?group=general'));
        $this->forgetHooks();

        $response = $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        $this->assertRedirectsTo('admin/settings?group=general', $response);
        $this->assertContains('before_staff_login', $this->hookNames());
        $this->assertNotContains('after_staff_login', $this->hookNames());
    }

    public function testBackgroundPollingIsNotRememberedAsADeepLink(): void
    {
        $this->assertSame(307, $this->ajax('GET', 'admin/misc/notifications_check')->status);

        $this->assertRedirectsTo('admin/', $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']));
        $this->assertContains('after_staff_login', $this->hookNames());
    }

    public function testContactDeepLinkFiresAfterContactLoginBeforeRedirecting(): void
    {
        $this->assertRedirectsTo('authentication/login', $this->get('clients'));
        $this->forgetHooks();

        $response = $this->loginContact(self::contact('contact')['email'], self::contact('contact')['password']);

        $this->assertRedirectsTo('clients', $response);
        $this->assertContains('after_contact_login', $this->hookNames());
    }
}
