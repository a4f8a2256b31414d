<?php
/**
 * Login Sessions (issue 4) with Perfex's session-id regeneration forced every second: the old ids stay valid in
 * Perfex, so a force logout must reach every copy of the session.
 */

declare(strict_types=1);

require_once __DIR__ . '/SessionsTestCase.php';

final class SessionsRegenerationTest extends SessionsTestCase
{
    protected static function serverEnv(): array
    {
        return ['STANDIN_SESS_TIME_TO_UPDATE' => '1'];
    }

    public function testForceLogoutOfAUserRemovesEveryRegeneratedSessionId(): void
    {
        [$user, $oldId] = $this->regeneratedSession();

        $this->adminAction('end_user', ['user_type' => 'staff', 'user_id' => 2]);

        $this->assertSame(0, self::phpSessionRows('staff', 2));
        $old = $this->browser('old');
        $old->setCookie('sp_session', $oldId);
        $this->assertRedirectsTo('admin/authentication', $old->get('admin/'));
        $this->assertSignedOutWith($user, 'You were signed out by an administrator.');
    }

    public function testForceLogoutOfOneSessionAlsoEndsItsOlderIds(): void
    {
        [$user, $oldId] = $this->regeneratedSession();

        $this->adminAction('end', ['id' => self::publicIdOf($user), 'user_type' => 'staff', 'user_id' => 2]);

        // Issue 9: ending one session deletes its own Perfex session rows, every regenerated id of it.
        $this->assertSame(0, self::phpSessionRows('staff', 2));
        $old = $this->browser('old');
        $old->setCookie('sp_session', $oldId);
        $this->assertRedirectsTo('admin/authentication', $old->get('admin/'));
        $this->assertSignedOutWith($user, 'You were signed out by an administrator.');
    }

    /** @return array{0: StandinBrowser, 1: string} a signed-in browser whose session id changed, and its old id */
    private function regeneratedSession(): array
    {
        $user  = $this->staffBrowser('user');
        $oldId = (string) $user->sessionId();
        sleep(2);
        $this->assertSignedIn($user);
        $this->assertNotSame($oldId, $user->sessionId(), 'Perfex regenerated the session id');
        $this->assertGreaterThanOrEqual(2, self::phpSessionRows('staff', 2), 'and kept the old one valid');
        $this->assertCount(1, self::openSessions('staff', 2), 'one login session across regenerations');

        return [$user, $oldId];
    }
}
