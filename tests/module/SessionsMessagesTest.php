<?php
/**
 * What signed-out, refused and degraded users read (issue 9): ban ends are rounded up to the minute like lockouts,
 * counts use the language file's singular, and without the extension admins read that every protection is off with
 * a link to the Extension status page, while contacts read it on their My sessions page.
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class SessionsMessagesTest extends SessionsTestCase
{
    public function testABanIsShownUntilTheMinuteItEndsRoundedUp(): void
    {
        $user = $this->staffBrowser('user');
        if (time() % 60 === 0) {
            sleep(1); // a ban ending on a whole minute would read the same either way
        }

        $alert = $this->adminAction('ban', ['user_type' => 'staff', 'user_id' => 2, 'minutes' => '1']);

        $until    = (int) self::row('SELECT until FROM ' . self::table('login_security_bans') . ' WHERE user_id = 2')['until'];
        $expected = date('Y-m-d H:i', (int) ceil($until / 60) * 60);
        $this->assertStringContainsString("banned until $expected", $alert);
        $this->assertSignedOutWith($user, "Your account is suspended until $expected.");
    }

    public function testASingleLoginRefusalAtOneMinuteSaysMinuteInTheSingular(): void
    {
        self::setOptions(['session_single_staff' => '1', 'session_idle_minutes' => '1']);
        $this->staffBrowser('first');
        $second = $this->browser('second');

        $second->loginStaff(self::staff('staff')['email'], self::staff('staff')['password']);

        $alerts = implode(' ', self::alerts($second->get('admin/authentication')->body));
        $this->assertStringContainsString('once that session has been inactive for 1 minute.', $alerts);
        $this->assertStringNotContainsString('1 minutes', $alerts);
    }

    public function testWithoutTheExtensionAdminsReadThatEveryProtectionIsOffAndWhereToLook(): void
    {
        $server  = self::startServer(['LS_EXTENSION' => '']);
        $browser = $this->browser('no-extension', $server);
        $browser->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        foreach (['admin/login_security', self::SESSIONS_URI, 'admin/settings?group=login_security'] as $page) {
            $body = $browser->get($page)->body;
            $this->assertMatchesRegularExpression('#login-security-notice">[^<]*every protection of Login Security is off[^<]*lockouts[^<]*bans#', $body, $page);
            $this->assertStringContainsString('href="' . $server->url('admin/login_security/extension_status') . '"', $body, $page);
            $this->assertStringNotContainsString('scripts/install-extension', $body, $page);
            $this->assertStringNotContainsString('README', $body, $page);
        }
    }

    public function testWithoutTheExtensionContactsReadOnMySessionsThatProtectionIsOff(): void
    {
        $server  = self::startServer(['LS_EXTENSION' => '']);
        $browser = $this->browser('no-extension', $server);
        $browser->loginContact(self::contact('contact')['email'], self::contact('contact')['password']);

        $page = $browser->get('login_security/client_sessions');

        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('Login protection is off on this site right now', $page->body);
        $this->assertStringNotContainsString('extension_status', $page->body, 'no link to an admin page');
    }
}
