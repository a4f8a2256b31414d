<?php
/**
 * Session id regeneration with Perfex's sess_regenerate_destroy = false (facts §2 L58-61, L68-71), forced every
 * second here with STANDIN_SESS_TIME_TO_UPDATE=1 (Perfex: 300 s).
 */

declare(strict_types=1);

final class SessionRegenerationTest extends StandinTestCase
{
    protected static function serverEnv(): array
    {
        return ['STANDIN_SESS_TIME_TO_UPDATE' => '1'];
    }

    public function testARegeneratedSessionKeepsTheOldIdValid(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
        $old = $this->browser()->sessionId();
        usleep(2_100_000);

        $this->assertSame(200, $this->get('admin/')->status);

        $new = $this->browser()->sessionId();
        $this->assertNotSame($old, $new);
        $sessions = 'SELECT data FROM ' . self::table('sessions') . ' WHERE id = ?';
        $this->assertStringContainsString('staff_logged_in|b:1;', self::row($sessions, [$new])['data']);
        $this->assertStringContainsString('staff_logged_in|b:1;', self::row($sessions, [$old])['data']);
        $stale = $this->browser('stale');
        $stale->setCookie('sp_session', $old);
        $this->assertSame(200, $stale->get('admin/')->status, 'the old id still opens the admin area');
    }

    public function testAjaxRequestsNeverRegenerate(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
        $id = $this->browser()->sessionId();
        usleep(2_100_000);

        $this->assertSame(200, $this->ajax('GET', 'admin/misc/notifications_check')->status);

        $this->assertSame($id, $this->browser()->sessionId());
    }

    public function testAnUnknownSessionIdIsReplaced(): void
    {
        $this->browser()->setCookie('sp_session', str_repeat('0', 40));

        $this->get('admin/authentication');

        $this->assertNotSame(str_repeat('0', 40), $this->browser()->sessionId());
    }
}
