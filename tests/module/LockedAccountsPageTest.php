<?php
/**
 * Login attempts (issue 3), admin side: the Locked accounts page (capability login_security), re-enabling one or
 * many rows (POST, CSRF, manage), the Login Log record of who did it, and the admins' notification when an account
 * gets blocked — without flooding the bell.
 */

declare(strict_types=1);

require_once __DIR__ . '/LockoutTestCase.php';

final class LockedAccountsPageTest extends LockoutTestCase
{
    public function testThePageListsLockedAndBlockedAccountsWithLinksToTheirEvents(): void
    {
        $this->failStaff('Staff@Example.com', 3);
        $this->failStaff('ghost@example.com', 3);
        self::block('contact', 'contact@example.com');
        $this->loginAdmin();

        $page = $this->browser('admin')->get(self::LOCKED_URI);

        $this->assertSame(200, $page->status);
        $rows = $this->rows($page->body);
        $keys = array_keys($rows);
        sort($keys);
        [$staffKey, $ghostKey, $contactKey] = [self::key('staff', 'staff@example.com'), self::key('staff', 'ghost@example.com'), self::key('contact', 'contact@example.com')];
        $this->assertSame(['contact:1', 'staff:2', $ghostKey], $keys, 'accounts by id, an unknown address by its folded form');
        $staff = $rows[$staffKey];
        $this->assertStringContainsString('Sam Staff', $staff['account']);
        $this->assertSame(['Staff', '0', '1', 'No', '127.0.0.1'], [$staff['kind'], $staff['failures'], $staff['lockouts'], $staff['blocked'], $staff['last_ip']]);
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', $staff['until']);
        $this->assertStringContainsString('staff@example.com', $staff['account'], 'the account shown by its e-mail');
        $this->assertStringContainsString('No such account', $rows[$ghostKey]['account']);
        $this->assertStringContainsString('ghost@example.com', $rows[$ghostKey]['account'], 'an unknown address as typed');
        $this->assertStringContainsString('Blocked', $rows[$contactKey]['blocked']);
        $this->assertSame('Customer contact', $rows[$contactKey]['kind']);

        $link = self::xpath($page->body)->query('//tr[@data-key="' . $staffKey . '"]//a[contains(@class, "login-security-events-link")]')->item(0);
        $this->assertStringContainsString('user=staff%3A2', $link->getAttribute('href'));
        $log = $this->browser('admin')->get(html_entity_decode($link->getAttribute('href')));
        $this->assertSame(200, $log->status);
        $this->assertStringNotContainsString('ghost@example.com', $log->body);
        $this->assertStringContainsString('Account locked until', $log->body);
    }

    public function testTheMenuHasTheEntryAndAViewerSeesThePageWithoutActions(): void
    {
        $this->failStaff('staff@example.com', 3);
        $viewer = self::staff('viewer');
        $this->browser('viewer')->loginStaff($viewer['email'], $viewer['password']);

        $page = $this->browser('viewer')->get(self::LOCKED_URI);

        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('href="' . self::$server->url(self::LOCKED_URI) . '"', $page->body);
        $this->assertCount(1, $this->rows($page->body));
        $this->assertStringNotContainsString('login-security-reenable-form', $page->body);
        $refused = $this->browser('viewer')->post(self::LOCKED_URI . '/reenable', ['key' => self::key('staff', 'staff@example.com')]);
        $this->assertSame(403, $refused->status);
        $this->assertNotNull(self::attempts('staff', 'staff@example.com'));
    }

    public function testStaffWithoutTheCapabilityGetForbidden(): void
    {
        $staff = self::staff('staff');
        $this->browser('staff')->loginStaff($staff['email'], $staff['password']);

        $this->assertSame(403, $this->browser('staff')->get(self::LOCKED_URI)->status);
        $this->assertSame(403, $this->browser('staff')->post(self::LOCKED_URI . '/reenable', ['key' => 'ip:127.0.0.1'])->status);
        $this->assertRedirectsTo('admin/authentication', $this->browser('nobody')->get(self::LOCKED_URI));
    }

    public function testOneRowIsReenabledAndTheLogSaysWhoDidIt(): void
    {
        $this->failStaff('staff@example.com', 3);
        $this->failStaff('ghost@example.com', 3);
        $this->loginAdmin();

        $response = $this->browser('admin')->post(self::LOCKED_URI . '/reenable', ['key' => self::key('staff', 'staff@example.com')]);

        $this->assertRedirectsTo(self::LOCKED_URI, $response);
        $this->assertNull(self::attempts('staff', 'staff@example.com'));
        $this->assertNotNull(self::attempts('staff', 'ghost@example.com'));
        $events = self::events('event = ?', ['reenabled']);
        $this->assertCount(1, $events);
        $this->assertSame(['staff', 2, 'staff@example.com', 1, 'Ada Admin'],
            [$events[0]['user_type'], $events[0]['user_id'], $events[0]['identifier'], $events[0]['actor_id'], $events[0]['actor_name']]);
        $page = $this->browser('admin')->follow($response);
        $this->assertStringContainsString('Re-enabled: staff@example.com', $page->body);
        $this->assertSame([self::key('staff', 'ghost@example.com')], array_keys($this->rows($page->body)));
        $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStaffLoggedIn('owner');
    }

    public function testManyRowsAreReenabledAtOnceIpsIncluded(): void
    {
        self::setOptions(['lockout_ip_limit' => '5']);
        $this->loginAdmin(); // a correct login: not counted against the IP
        $this->failStaff('staff@example.com', 3);
        $this->failStaff('ghost@example.com', 2); // the IP's fifth failure locks it
        self::block('contact', 'contact@example.com');
        $this->assertCount(3, $this->rows($this->browser('admin')->get(self::LOCKED_URI)->body));

        $this->browser('admin')->post(self::LOCKED_URI . '/reenable', ['keys' => ['staff:STAFF@example.com', self::key('contact', 'contact@example.com'), 'ip:127.0.0.1']]);

        $this->assertSame(['staff:admin@example.com', 'staff:ghost@example.com'], self::attemptKeys(), 'the others are gone (an account named by any spelling of its e-mail)');
        $this->assertSame([], $this->rows($this->browser('admin')->get(self::LOCKED_URI)->body));
        $this->assertCount(3, self::events('event = ?', ['reenabled']));
        $this->assertSame(['', '127.0.0.1'], [self::events('event = ? AND identifier = ?', ['reenabled', '127.0.0.1'])[0]['user_type'], '127.0.0.1']);
    }

    public function testReenablingAnAccountThatIsNotLockedSaysSoAndRecordsNothing(): void
    {
        $this->failStaff('staff@example.com', 1);
        $this->loginAdmin();

        $response = $this->browser('admin')->post(self::LOCKED_URI . '/reenable', ['key' => self::key('staff', 'staff@example.com')]);

        $this->assertSame('Nothing was re-enabled: none of them is locked or blocked now.', $this->alertsAfter($response, 'admin')['warning'] ?? null);
        $this->assertCount(0, self::events('event = ?', ['reenabled']));
        $this->assertSame(0, (int) self::db()->query("SELECT COUNT(*) FROM " . self::table('activity_log') . " WHERE description LIKE 'Login Security: re-enabled%'")->fetch_row()[0]);
    }

    public function testReenablingNeedsTheCsrfTokenAndAPost(): void
    {
        $this->failStaff('staff@example.com', 3);
        $this->loginAdmin();

        $this->assertSame(403, $this->browser('admin')->post(self::LOCKED_URI . '/reenable', ['key' => 'staff:staff@example.com'], [], false)->status);
        $this->assertSame(405, $this->browser('admin')->get(self::LOCKED_URI . '/reenable?key=staff:staff@example.com')->status);
        $this->assertNotNull(self::attempts('staff', 'staff@example.com'));
        $this->assertCount(0, self::events('event = ?', ['reenabled']));
    }

    public function testMalformedKeysAreRefusedAsAWhole(): void
    {
        $this->failStaff('staff@example.com', 3);
        $this->loginAdmin();

        $response = $this->browser('admin')->post(self::LOCKED_URI . '/reenable', ['keys' => ['staff:staff@example.com', 'root:x']]);

        $this->assertStringContainsString('no valid account', $this->browser('admin')->follow($response)->body);
        $this->assertNotNull(self::attempts('staff', 'staff@example.com'));
    }

    public function testTheTableEscapesWhatAttackersTyped(): void
    {
        $this->failStaff('<img src=x onerror=alert(1)>@example.com', 3);
        $this->loginAdmin();

        $body = $this->browser('admin')->get(self::LOCKED_URI)->body;

        $this->assertStringNotContainsString('<img src=x', $body);
        $this->assertStringContainsString('&lt;img src=x onerror=alert(1)&gt;@example.com', $body);
    }

    public function testABlockNotifiesEveryAdminOnceWithoutFloodingTheBell(): void
    {
        self::setOptions(['lockout_retries' => '1', 'lockout_max_lockouts' => '1']);
        self::db()->query('UPDATE ' . self::table('staff') . ' SET admin = 1 WHERE staffid = 3');
        try {
            $this->blockByFailures('staff@example.com');
            $this->assertSame([1, 3], array_map('intval', array_column($this->notifications(), 'touserid')),
                'every active admin is notified when the account is blocked, before any of them opens a page');
            $this->loginAdmin();
            $this->browser('admin')->get('admin/');
            $viewer = self::staff('viewer');
            $this->browser('viewer')->loginStaff($viewer['email'], $viewer['password']);
            $this->browser('viewer')->get('admin/');

            $notes = $this->notifications();
            $this->assertSame([1, 3], array_map('intval', array_column($notes, 'touserid')));
            $this->assertSame('login_security_notification_blocked_one', $notes[0]['description'], 'one account: the singular text');
            $this->assertSame('login_security/locked_accounts', $notes[0]['link']);
            $this->assertSame(['1'], unserialize($notes[0]['additional_data']));

            $this->blockByFailures('ghost@example.com');
            $this->blockByFailures('ghost2@example.com');
            $this->browser('admin')->get('admin/');
            $this->browser('admin')->ajax('GET', 'admin/misc/notifications_check');
            $this->assertCount(2, $this->notifications(), 'at most one notification per admin per 10 minutes');

            $this->tenMinutesLaterForAdmin(1);
            $this->browser('admin')->ajax('GET', 'admin/misc/notifications_check');
            $notes = $this->notifications();
            $this->assertCount(3, $notes);
            $this->assertSame([1, ['2'], 'login_security_notification_blocked'], [(int) $notes[2]['touserid'], unserialize($notes[2]['additional_data']), $notes[2]['description']]);
            $this->browser('admin')->get('admin/');
            $this->assertCount(3, $this->notifications(), 'nothing new to tell');
        } finally {
            self::db()->query('UPDATE ' . self::table('staff') . ' SET admin = 0 WHERE staffid = 3');
        }
    }

    public function testABlockedAdministratorIsNotAmongTheAdminsNotifiedOfItsOwnBlock(): void
    {
        self::setOptions(['lockout_retries' => '1', 'lockout_max_lockouts' => '1']);
        self::db()->query('UPDATE ' . self::table('staff') . ' SET admin = 1 WHERE staffid = 3');
        try {
            $this->blockByFailures('Viewer@EXAMPLE.com');
            $this->assertNotNull(self::attempts('staff', 'viewer@example.com')['blocked_at']);
            $this->assertSame([1], array_map('intval', array_column($this->notifications(), 'touserid')), 'the other administrator only');
        } finally {
            self::db()->query('UPDATE ' . self::table('staff') . ' SET admin = 0 WHERE staffid = 3');
        }
    }

    public function testAStaffMemberWhoIsNotAdminGetsNoNotification(): void
    {
        self::setOptions(['lockout_retries' => '1', 'lockout_max_lockouts' => '1']);
        $this->blockByFailures('ghost@example.com');
        $staff = self::staff('staff');
        $this->browser('staff')->loginStaff($staff['email'], $staff['password']);
        $this->browser('staff')->get('admin/');

        $this->assertSame([1], array_map('intval', array_column($this->notifications(), 'touserid')), 'the administrator only');
    }

    /** With retries 1 and max lockouts 1: fail, let the lockout pass, fail again → blocked. */
    private function blockByFailures(string $email): void
    {
        $this->failStaff($email, 1, 'blocker');
        self::expireLockout('staff', strtolower($email));
        $this->failStaff($email, 1, 'blocker');
        $this->assertNotNull(self::attempts('staff', strtolower($email))['blocked_at']);
    }

    /** Moves the moment admin $staffId was last notified back by 601 seconds. */
    private function tenMinutesLaterForAdmin(int $staffId): void
    {
        self::db()->execute_query('UPDATE ' . self::table('login_security_notices') . ' SET notified_at = notified_at - 601 WHERE staff_id = ?', [$staffId]);
    }

    private function loginAdmin(): void
    {
        $admin = self::staff('admin');
        $this->browser('admin')->loginStaff($admin['email'], $admin['password']);
    }

    /** @return list<array<string, mixed>> */
    private function notifications(): array
    {
        return self::db()->query('SELECT * FROM ' . self::table('notifications') . ' ORDER BY id')->fetch_all(MYSQLI_ASSOC);
    }

    /** The page's rows: key => column texts. */
    private function rows(string $html): array
    {
        $names = ['select', 'account', 'kind', 'failures', 'lockouts', 'until', 'blocked', 'last_ip', 'last_attempt', 'actions'];
        $rows = [];
        $xpath = self::xpath($html);
        foreach ($xpath->query('//table[@id="login-security-locked-table"]/tbody/tr[@data-key]') as $tr) {
            $cells = [];
            foreach ($xpath->query('td', $tr) as $td) {
                $cells[] = trim(preg_replace('/\s+/', ' ', $td->textContent));
            }
            $rows[$tr->getAttribute('data-key')] = count($cells) === count($names) ? array_combine($names, $cells)
                : array_combine(array_slice($names, 1, count($cells)), $cells);
        }
        return $rows;
    }
}
