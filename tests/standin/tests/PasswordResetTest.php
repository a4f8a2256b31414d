<?php
/** Staff "forgot password" and the reset hooks (facts §1 L20-21). */

declare(strict_types=1);

final class PasswordResetTest extends HookRecorderTestCase
{
    public function testAResetFiresBeforeAndAfterUserResetPasswordAndChangesThePassword(): void
    {
        $forgot = $this->post('admin/authentication/forgot_password', ['email' => 'staff@example.com']);
        $this->assertRedirectsTo('admin/authentication', $forgot);
        $this->assertSame('2', $this->hook('forgot_password_email_sent')['args'][0]['user']['staffid']);
        $key = self::row('SELECT new_pass_key FROM ' . self::table('staff') . ' WHERE staffid = 2')['new_pass_key'];
        $this->forgetHooks();

        $reset = $this->post("admin/authentication/reset_password/1/2/$key", ['password' => 'New-pass-1', 'passwordr' => 'New-pass-1']);

        $this->assertRedirectsTo('admin/authentication', $reset);
        $this->assertSame([['staff' => '1', 'userid' => '2']], $this->hook('before_user_reset_password')['args']);
        $this->assertSame(['before_user_reset_password', 'after_user_reset_password'],
            $this->hookNames(['before_user_reset_password', 'after_user_reset_password']));
        $this->assertRedirectsTo('admin/', $this->browser('new')->loginStaff('staff@example.com', 'New-pass-1'));
        $this->assertNull(self::row('SELECT new_pass_key FROM ' . self::table('staff') . ' WHERE staffid = 2')['new_pass_key']);
    }

    public function testAnUnknownKeyIsRefusedWithoutHooks(): void
    {
        $this->assertRedirectsTo('admin/authentication', $this->get('admin/authentication/reset_password/1/2/' . str_repeat('f', 32)));
        $this->assertSame([], $this->hookNames(['before_user_reset_password', 'after_user_reset_password']));
    }
}
