<?php
/**
 * Login Log (issue 2): the admin actions. Clearing (POST + CSRF + manage, recorded), the retention purge by
 * Perfex's cron, the capability checks of every page and action, and the settings' validation (nothing saved
 * when one value is wrong, alerts escaped exactly once).
 */

declare(strict_types=1);

require_once __DIR__ . '/LoginLogTestCase.php';

final class LoginLogAdminTest extends LoginLogTestCase
{
    private const SETTINGS_URI = 'admin/settings?group=login_security';

    public function testClearingEmptiesTheLogAndRecordsWhoDidIt(): void
    {
        $this->loginAdmin();
        self::insertEvent(['created_at' => time() - 3600]);

        $response = $this->post(self::LOG_URI . '/clear');

        $this->assertRedirectsTo(self::LOG_URI, $response);
        $events = self::events();
        $this->assertCount(1, $events);
        $this->assertSame(['log_cleared', 1, 'Ada Admin'], [$events[0]['event'], $events[0]['actor_id'], $events[0]['actor_name']]);
        $page = $this->get(self::LOG_URI);
        $this->assertContains('Login Log cleared: 2 events removed.', self::alertTexts($page->body));
        $this->assertSame(['Log cleared', 'By Ada Admin'], array_slice(self::tableRows($page->body)[0], 2, 2));
        $this->assertNotNull(self::row('SELECT id FROM ' . self::table('activity_log') . " WHERE description LIKE 'Login Security: Login Log cleared%'"));
    }

    public function testClearingNeedsAPostWithTheCsrfToken(): void
    {
        $this->loginAdmin();

        $this->assertSame(405, $this->get(self::LOG_URI . '/clear')->status);
        $this->assertSame(403, $this->post(self::LOG_URI . '/clear', [], [], false)->status);
        $this->assertSame(403, $this->post(self::LOG_URI . '/clear', ['csrf_token_name' => 'forged'], [], false)->status);

        $this->assertSame(['login'], array_column(self::events(), 'event'), 'nothing cleared');
        $this->assertSame(403, $this->post(self::SETTINGS_URI, ['settings' => ['login_security_log_retention_days' => '5']], [], false)->status);
        $this->assertSame('90', self::option('log_retention_days'));
    }

    public function testTheViewerSeesTheLogButCannotClearIt(): void
    {
        $viewer = self::staff('viewer');
        $this->loginStaff($viewer['email'], $viewer['password']);

        $page = $this->get(self::LOG_URI);
        $this->assertSame(200, $page->status);
        $this->assertStringNotContainsString('id="login-security-clear"', $page->body, 'no clear button');
        $this->assertSame(200, $this->get(self::LOG_URI . '/export')->status);
        $this->assertSame(200, $this->ajax('GET', self::LOG_URI . '/users?q=ada')->status);

        $this->assertSame(403, $this->post(self::LOG_URI . '/clear')->status);
        $this->assertNotEmpty(self::events(), 'nothing cleared');
    }

    public function testStaffWithoutTheCapabilityGet403Everywhere(): void
    {
        $staff = self::staff('staff');
        $this->loginStaff($staff['email'], $staff['password']);
        self::insertEvent([]);

        foreach ([self::LOG_URI, self::LOG_URI . '/index', self::LOG_URI . '/export', 'login_security', 'login_security/export'] as $uri) {
            $this->assertSame(403, $this->get($uri)->status, $uri);
        }
        $this->assertSame(403, $this->ajax('GET', self::LOG_URI . '/users?q=ada')->status);
        $this->assertSame(['success' => false, 'message' => 'Access denied'], $this->ajax('GET', self::LOG_URI . '/users?q=a')->json());
        $this->assertSame(403, $this->post(self::LOG_URI . '/clear')->status);
        $this->assertSame(403, $this->post(self::SETTINGS_URI, ['settings' => ['login_security_log_retention_days' => '5']])->status);

        $this->assertCount(2, self::events(), 'nothing cleared');
        $this->assertSame('90', self::option('log_retention_days'));
        $this->assertDoesNotMatchRegularExpression('#href="[^"]*/admin/login_security"#', $this->get('admin/')->body, 'no Login Log menu entry');
    }

    public function testLoggedOutVisitorsAreSentToTheLoginPage(): void
    {
        foreach ([self::LOG_URI, self::LOG_URI . '/export', self::LOG_URI . '/users?q=a'] as $uri) {
            $this->assertRedirectsTo('admin/authentication', $this->browser('anonymous')->get($uri));
        }
        $this->assertRedirectsTo('admin/authentication', $this->browser('anonymous')->post(self::LOG_URI . '/clear'));
    }

    public function testTheCronPurgesEventsOlderThanTheRetention(): void
    {
        self::setOptions(['log_retention_days' => '30']);
        $now = time();
        $old = [self::insertEvent(['created_at' => $now - 31 * 86400]), self::insertEvent(['created_at' => $now - 400 * 86400])];
        $kept = self::insertEvent(['created_at' => $now - 29 * 86400]);

        $this->runCron();

        $ids = array_column(self::events(), 'id');
        $this->assertNotContains($old[0], $ids);
        $this->assertNotContains($old[1], $ids);
        $this->assertContains($kept, $ids);
        $purge = self::lastEvent();
        $this->assertSame(['purged', '2', ''], [$purge['event'], $purge['details'], $purge['user_type']]);

        $this->runCron();
        $this->assertCount(2, self::events(), 'nothing to purge: no second purge event');
    }

    /** @dataProvider invalidRetentions */
    public function testInvalidSettingsAreRefusedAndNothingIsSaved(string $retention, string $message): void
    {
        $this->loginAdmin();

        $page = $this->saveSettings(['log_retention_days' => $retention, 'anonymize_ip' => '1', 'trusted_proxies' => '10.0.0.1']);

        $this->assertSame(["Login Security settings not saved: $message"], self::alertTexts($page));
        $this->assertSame(['90', '0', ''], [self::option('log_retention_days'), self::option('anonymize_ip'), self::option('trusted_proxies')]);
    }

    public function invalidRetentions(): array
    {
        $range = 'enter a whole number of days from 1 to 3650';

        return [
            'negative'    => ['-1', "-1 is out of range; $range"],
            'zero'        => ['0', "0 is out of range; $range"],
            'non-numeric' => ['abc', "\"abc\" is not a number; $range"],
            'huge'        => ['99999999999999999999', "99999999999999999999 is out of range; $range"],
            'fraction'    => ['12.5', "\"12.5\" is not a number; $range"],
        ];
    }

    public function testABadProxyIsRefusedWithTheValueEscapedOnce(): void
    {
        $this->loginAdmin();

        $page = $this->saveSettings(['log_retention_days' => '30', 'trusted_proxies' => "10.0.0.1\n<b>proxy</b>'\\"]);

        $alert = self::alertTexts($page);
        $this->assertCount(1, $alert);
        $this->assertStringContainsString("\"<b>proxy</b>'\\\" is not an IP address or CIDR range", $alert[0]);
        $this->assertStringNotContainsString('<b>proxy', $page, 'never raw HTML');
        $this->assertSame(['90', ''], [self::option('log_retention_days'), self::option('trusted_proxies')]);
    }

    public function testValidSettingsAreSavedNormalised(): void
    {
        $this->loginAdmin();

        $page = $this->saveSettings(['log_retention_days' => ' 30 ', 'anonymize_ip' => '1', 'trusted_proxies' => '10.0.0.1, 2001:db8::/48']);

        $this->assertSame(['Settings saved.'], self::alertTexts($page));
        $this->assertSame(['30', '1', "10.0.0.1\n2001:db8::/48"],
            [self::option('log_retention_days'), self::option('anonymize_ip'), self::option('trusted_proxies')]);
    }

    public function testSettingsEditorsWithoutManageCannotChangeOurSettings(): void
    {
        $permissions = self::table('staff_permissions');
        self::db()->query("INSERT INTO $permissions (staff_id, feature, capability) VALUES (3, 'settings', 'view'), (3, 'settings', 'edit')");
        try {
            $viewer = self::staff('viewer');
            $this->loginStaff($viewer['email'], $viewer['password']);

            $response = $this->post(self::SETTINGS_URI, ['settings' => ['login_security_log_retention_days' => '1', 'companyname' => 'Renamed']]);

            $this->assertContains('Login Security settings not saved: changing them needs the Login Security "Manage" permission.',
                self::alertTexts($this->browser()->follow($response)->body), 'escaped once although _l() escapes a double quote');
            $this->assertSame('90', self::option('log_retention_days'));
            $this->assertSame('Renamed', self::row('SELECT value FROM ' . self::table('options') . " WHERE name = 'companyname'")['value'], 'other settings are saved');
        } finally {
            self::db()->query("DELETE FROM $permissions WHERE staff_id = 3 AND feature = 'settings'");
            self::db()->query('UPDATE ' . self::table('options') . " SET value = 'Stand-in CRM' WHERE name = 'companyname'");
        }
    }

    public function testANewSchemaIsMigratedOnTheNextAdminPageEvenUnderTheSameVersionString(): void
    {
        $this->loginAdmin();
        $tag = (string) self::option('migrated_version');
        $this->assertMatchesRegularExpression('#^\d+\.\d+\.\d+/\d+$#', $tag, 'version and schema version');
        [$version, $schema] = explode('/', $tag);
        $schemaTable = self::table('login_security_schema');
        // as an earlier build of the same version left it: marked with the version alone, two schema steps behind
        self::setOptions(['migrated_version' => $version]);
        self::db()->query("UPDATE $schemaTable SET version = version - 2");
        self::db()->query('INSERT INTO ' . self::table('options') . " (name, value, autoload) VALUES ('login_security_lockout_notified', '{}', 1)");

        $this->assertSame(200, $this->get('admin/login_security')->status);

        $this->assertSame($schema, (string) self::row("SELECT version FROM $schemaTable WHERE id = 1")['version']);
        $this->assertSame($tag, self::option('migrated_version'));
        $this->assertNull(self::option('lockout_notified'), 'the options of the old block notices are gone');
    }

    public function testInternalOptionsCannotBePosted(): void
    {
        $this->loginAdmin();
        $before = self::option('migrated_version');

        $this->post(self::SETTINGS_URI, ['settings' => ['login_security_migrated_version' => 'x', 'login_security_nope' => 'y']]);

        $this->assertSame($before, self::option('migrated_version'));
        $this->assertNull(self::option('nope'));
    }

    public function testTheSettingsTabShowsTheAddressesSeen(): void
    {
        self::setOptions(['trusted_proxies' => '127.0.0.1']);
        $this->loginAdmin();

        $page = $this->get(self::SETTINGS_URI, ['X-Forwarded-For' => '203.0.113.5']);

        $this->assertSame(200, $page->status);
        $hint = trim((string) preg_replace('/\s+/', ' ', self::xpath($page->body)->query('//*[@id="login-security-ip-hint"]')->item(0)?->textContent));
        $this->assertSame('This page was requested from 127.0.0.1 (REMOTE_ADDR). With the saved trusted proxies, Login Security records your IP address as 203.0.113.5.', $hint);
    }

    /**
     * Posts the Login Security tab and returns the page it redirects to.
     *
     * @param array<string, string> $settings keys without the prefix
     */
    private function saveSettings(array $settings): string
    {
        $fields = [];
        foreach ($settings as $key => $value) {
            $fields["login_security_$key"] = $value;
        }
        $response = $this->post(self::SETTINGS_URI, ['settings' => $fields]);
        $this->assertRedirectsTo(self::SETTINGS_URI, $response);

        return $this->browser()->follow($response)->body;
    }
}
