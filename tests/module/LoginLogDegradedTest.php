<?php
/**
 * Login Log (issue 2): our failure never becomes Perfex's. Without the extension, without our tables, or after the
 * database dropped our connections, logins and pages keep working, the error goes to the PHP log, admins see what
 * to do, and the next request recovers.
 */

declare(strict_types=1);

require_once __DIR__ . '/LoginLogTestCase.php';

final class LoginLogDegradedTest extends LoginLogTestCase
{
    private const MISSING = 'The login_security PHP extension is not loaded';
    private const DATABASE = 'Login Security could not reach its database tables';

    public function testWithoutTheExtensionLoginsWorkAndAdminsAreTold(): void
    {
        $server  = self::startServer(['LS_EXTENSION' => '']);
        $browser = $this->browser('no-extension', $server);
        $admin   = self::staff('admin');

        $this->assertSame($server->url('admin/'), $browser->loginStaff($admin['email'], $admin['password'])->location());
        $page = $browser->get(self::LOG_URI);
        $this->assertSame(200, $page->status);
        $this->assertStringContainsString(self::MISSING, $page->body);
        $this->assertSame([], self::tableRows($page->body));
        $this->assertStringContainsString(self::MISSING, $browser->get('admin/settings?group=login_security')->body);
        $this->assertSame($server->url('admin/authentication'), $browser->logout()->location());

        $contact = self::contact('contact');
        $this->assertSame($server->url(''), $browser->loginContact($contact['email'], $contact['password'])->location());
        $this->assertSame($server->url('admin/authentication'), $this->browser('wrong', $server)->loginStaff($admin['email'], 'wrong')->location());

        $this->assertSame([], self::events(), 'nothing recorded');
        $this->assertStringContainsString('[login_security] recordEvent skipped: the login_security PHP extension is not loaded', $this->logOf($server));
        $this->assertDoesNotMatchRegularExpression('/PHP (Fatal error|Warning|Notice|Deprecated)/', $this->logOf($server));
    }

    public function testWithoutTheExtensionSettingsAreNotSaved(): void
    {
        $server  = self::startServer(['LS_EXTENSION' => '']);
        $browser = $this->browser('no-extension', $server);
        $browser->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        $page = $browser->follow($browser->post('admin/settings?group=login_security', ['settings' => ['login_security_log_retention_days' => '30']]));

        $this->assertSame(['Login Security settings not saved: the login_security PHP extension is not loaded, so the values cannot be checked. Install it first: see Login Security → Extension status.'],
            self::alertTexts($page->body));
        $this->assertSame('90', self::option('log_retention_days'));
    }

    public function testWithoutTheExtensionReenablingSaysTheExtensionIsMissing(): void
    {
        $server  = self::startServer(['LS_EXTENSION' => '']);
        $browser = $this->browser('no-extension', $server);
        $browser->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        $page = $browser->follow($browser->post('admin/login_security/locked_accounts/reenable', ['key' => 'staff:staff@example.com']));

        $texts = self::alertTexts($page->body);
        $this->assertCount(1, array_filter($texts, static fn ($text) => str_contains($text, self::MISSING)), implode(' | ', $texts));
        $this->assertSame([], array_filter($texts, static fn ($text) => str_contains($text, 'database')));
    }

    public function testWithoutOurTableLoginsAndPagesWorkAndTheNextRequestRecovers(): void
    {
        $this->expectModuleErrors = true;
        $events = self::table('login_security_events');
        self::db()->query("RENAME TABLE $events TO {$events}_away");
        try {
            $this->loginAdmin();
            $this->assertSame(200, $this->get('admin/')->status, 'logged in');
            $this->assertRedirectsTo('admin/authentication', $this->browser('wrong')->loginStaff('admin@example.com', 'wrong'));
            $contact = self::contact('contact');
            $this->assertRedirectsTo('', $this->browser('contact')->loginContact($contact['email'], $contact['password']));

            $page = $this->get(self::LOG_URI);
            $this->assertSame(200, $page->status);
            $this->assertStringContainsString(self::DATABASE, $page->body);
            $export = $this->get(self::LOG_URI . '/export');
            $this->assertRedirectsTo(self::LOG_URI . '?from=' . date('Y-m-d', time() - 29 * 86400) . '&to=' . date('Y-m-d'), $export);
            $this->assertContains('The export failed: see the PHP error log.', self::alertTexts($this->browser()->follow($export)->body));
            $this->assertContains('The Login Log could not be cleared: see the PHP error log.',
                self::alertTexts($this->browser()->follow($this->post(self::LOG_URI . '/clear'))->body));
            $this->assertSame(['staff:1'], array_column($this->ajax('GET', self::LOG_URI . '/users?q=ada')->json()['users'], 'key'), 'staff and contacts are not ours');
            $this->assertSame(200, $this->runCron()->status);
            // the wrong password and the login were not recorded (the calls that record them), and the log says why
            foreach (['loginFailed', 'Sessions::login'] as $recording) {
                $this->assertMatchesRegularExpression('/\[login_security\] ' . $recording . ' failed: LoginSecurity\\\\DatabaseException: .*login_security_events/', $this->serverLog());
            }
            $this->assertStringNotContainsString(getenv('LS_DB_PASSWORD'), $this->serverLog(), 'no credentials in the log');
        } finally {
            self::db()->query("RENAME TABLE {$events}_away TO $events");
        }

        $this->browser('after')->loginStaff('admin@example.com', 'wrong');
        $this->assertSame('failed', self::lastEvent()['event'], 'recorded again');
    }

    /** What a database restart does to the connections the extension keeps between requests. */
    public function testLoginsAreRecordedAgainAfterTheDatabaseDroppedOurConnections(): void
    {
        $this->loginAdmin();
        $mine = (int) self::row('SELECT CONNECTION_ID() AS id')['id'];
        $killed = 0;
        foreach (self::db()->query('SHOW PROCESSLIST')->fetch_all(MYSQLI_ASSOC) as $process) {
            if ((int) $process['Id'] !== $mine && $process['db'] === self::db()->query('SELECT DATABASE()')->fetch_row()[0]) {
                self::db()->query('KILL ' . (int) $process['Id']);
                $killed++;
            }
        }
        $this->assertGreaterThan(0, $killed, 'the extension keeps a pooled connection');

        $this->assertRedirectsTo('admin/authentication', $this->browser('first')->loginStaff('admin@example.com', 'wrong'));
        $this->assertRedirectsTo('admin/authentication', $this->browser('second')->loginStaff('admin@example.com', 'wrong'));

        $this->assertCount(2, self::events("event = 'failed'"), 'recorded after the reconnection');
    }

    private function logOf(StandinServer $server): string
    {
        return (string) file_get_contents($server->logPath());
    }
}
