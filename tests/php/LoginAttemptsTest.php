<?php
use LoginSecurity\Store;
use PHPUnit\Framework\TestCase;

final class LoginAttemptsTest extends TestCase
{
    private Store $store;
    private string $prefix;

    protected function setUp(): void
    {
        $this->prefix = 'phpa_' . getmypid() . '_';
        $this->store  = new Store(ls_test_config($this->prefix));
        $this->store->dropSchema();
        $this->store->migrate();
        $this->perfexTables();
    }

    protected function tearDown(): void
    {
        $this->store->dropSchema();
        $db = $this->db();
        foreach (['staff', 'contacts', 'user_auto_login'] as $t) {
            $db->query("DROP TABLE IF EXISTS `{$this->prefix}$t`");
        }
    }

    public function testEverySpellingOfOneAddressIsOneAccountLockedAfterThreeAttempts(): void
    {
        $claims = [];
        foreach (['Admin@Example.com', " admin@exämple.com\t", 'ADMIN@ｅｘａｍｐｌｅ.com', 'admin@EXAMPLE.com'] as $email) {
            $claims[] = $this->store->claimLogin('staff', $email, '192.0.2.1', []);
        }
        $this->assertSame([3, 2, 1], array_column(array_slice($claims, 0, 3), 'remaining'));
        $this->assertSame([1, 1, 1, 1], array_column($claims, 'user_id'), 'resolved to staff member 1');
        $this->assertTrue($claims[2]['locked_now']);
        $this->assertSame(['account', 'locked'], [$claims[2]['scope'], $claims[3]['status']]);
        $this->assertSame($claims[2]['until'], $claims[3]['until'], 'the lock the third attempt set is the one that refuses');
        $this->assertEqualsWithDelta(time() + 180, $claims[3]['until'], 5);
        $this->assertSame('locked', $this->arrival('staff', 1, []));
        $this->assertSame('allowed', $this->arrival('contact', 1, []), 'the customers login counts separately');

        $locked = $this->store->lockedAccounts(50);
        $this->assertSame(['staff', '1', 'admin@example.com', 'Ada Admin', '192.0.2.1'],
            [$locked[0]['kind'], $locked[0]['subject'], $locked[0]['email'], $locked[0]['user_name'], $locked[0]['last_ip']]);
        $this->assertSame(1, count($this->store->reenableRecorded(['staff:ADMIN@example.com'], [])), 'by e-mail, in any spelling');
        $this->assertSame('allowed', $this->arrival('staff', 1, []));
    }

    public function testUnknownAddressesAreCountedLikeAccountsUnderTheirFoldedForm(): void
    {
        $claims = array_map(fn ($e) => $this->store->claimLogin('contact', $e, '', []), ['ghost@lab.test', 'GHOST@LÄB.test', 'ghost@ｌａｂ.test', 'ghost@lab.test']);
        $this->assertSame(['allowed', 'allowed', 'allowed', 'locked'], array_column($claims, 'status'));
        $this->assertSame([null, null, null, null], array_column($claims, 'user_id'));
        $locked = $this->store->lockedAccounts(50)[0];
        $this->assertMatchesRegularExpression('/^\?[0-9a-f]{64}$/', $locked['subject']);
        $this->assertSame('ghost@ｌａｂ.test', $locked['email'], 'the spelling last typed, for display');
        $this->assertSame(1, count($this->store->reenableRecorded(['contact:Ghost@lab.test'], [])));
    }

    public function testInvalidUtf8OrBinaryIdentifiersAreCountedNotRefusedByAnError(): void
    {
        $v = $this->store->claimLogin('staff', "admin@example.com\xff\x00", '', []);
        $this->assertSame(['allowed', null], [$v['status'], $v['user_id']]);
    }

    public function testSettingsAreObeyed(): void
    {
        $off = ['lockout_staff_enabled' => '0'];
        for ($i = 0; $i < 5; $i++) {
            $this->assertSame('allowed', $this->store->claimLogin('staff', 'x@example.com', '192.0.2.1', $off)['status']);
        }
        $allow = ['lockout_allowlist' => "192.0.2.0/24"];
        for ($i = 0; $i < 5; $i++) {
            $this->assertSame('allowed', $this->store->claimLogin('staff', 'y@example.com', '192.0.2.9', $allow)['status']);
        }
        $one = ['lockout_retries' => 1, 'lockout_max_lockouts' => 1];
        $this->assertTrue($this->store->claimLogin('contact', 'c@example.com', '', $one)['locked_now']);
        $this->assertSame(['contact:5'], array_map(fn ($r) => $r['kind'] . ':' . $r['subject'], $this->store->lockedAccounts(50)));
    }

    public function testSuccessClearsFailures(): void
    {
        $this->store->claimLogin('staff', 'admin@example.com', '', []);
        $this->store->claimLogin('staff', 'admin@example.com', '', []);
        $this->assertSame('allowed', $this->atLogin('staff', 1, []));
        $this->assertSame(3, $this->store->claimLogin('staff', 'Admin@example.com', '', [])['remaining']);
    }

    public function testACorrectPasswordOnTheLastRetryLocksNothingAndDoesNotUseTheIpLimit(): void
    {
        $settings = ['lockout_ip_limit' => 3];
        $this->store->claimLogin('staff', 'admin@example.com', '198.51.100.1', $settings);
        $this->store->claimLogin('staff', 'admin@example.com', '198.51.100.1', $settings);
        $claim = $this->store->claimLogin('staff', 'admin@example.com', '198.51.100.1', $settings);
        $this->assertTrue($claim['locked_now']);
        $this->assertTrue($claim['ip_locked_now'], 'the IP limit is 3 and this was its third attempt');
        $this->assertSame('allowed', $this->atLogin('staff', 1, $settings, $claim['claim'], true));
        $this->assertSame('allowed', $this->arrival('staff', 1, $settings));
        // twenty correct logins from one address never lock it
        for ($i = 0; $i < 20; $i++) {
            $c = $this->store->claimLogin('staff', 'admin@example.com', '198.51.100.2', $settings);
            $this->assertSame('allowed', $c['status'], "login $i");
            $this->atLogin('staff', 1, $settings, $c['claim'], true);
        }
    }

    public function testAtLoginABlockedAccountIsRefusedWhateverTheClaim(): void
    {
        $strict = ['lockout_retries' => 1, 'lockout_max_lockouts' => 1, 'lockout_minutes' => 1];
        $this->store->claimLogin('staff', 'admin@example.com', '', $strict);
        $this->db()->query("UPDATE `{$this->prefix}login_security_attempts` SET locked_until = UNIX_TIMESTAMP() - 1");
        $this->db()->query("INSERT INTO `{$this->prefix}user_auto_login` (key_id, user_id, staff) VALUES ('k1', 1, 1)");
        $blocking = $this->store->claimLogin('staff', 'admin@example.com', '', $strict);
        $this->assertTrue($blocking['blocked_now']);
        $this->assertSame('0', $this->db()->query("SELECT COUNT(*) FROM `{$this->prefix}user_auto_login`")->fetch_row()[0], 'its remember-me rows are gone');
        $this->assertSame('blocked', $this->atLogin('staff', 1, $strict, null, true));
        $this->assertSame('blocked', $this->arrival('staff', 1, $strict));
    }

    public function testAFailureThatBlocksNotifiesTheActiveAdministratorsButTheBlockedOne(): void
    {
        $strict = ['lockout_retries' => 1, 'lockout_max_lockouts' => 1, 'lockout_minutes' => 1];
        $failed = ['event' => 'failed', 'user_type' => 'staff', 'user_id' => 1, 'identifier' => 'admin@example.com', 'reason' => 'wrong_password'];
        $locking = $this->store->claimLogin('staff', 'admin@example.com', '', $strict);
        $this->assertSame(['status' => 'locked', 'scope' => 'account', 'until' => $locking['until'], 'notify' => []],
            $this->store->loginFailed($locking['claim'], $failed));
        $this->db()->query("UPDATE `{$this->prefix}login_security_attempts` SET locked_until = UNIX_TIMESTAMP() - 1");
        $blocking = $this->store->claimLogin('staff', 'ADMIN@example.com', '', $strict);
        $this->assertSame(['status' => 'blocked', 'scope' => 'account', 'until' => null, 'notify' => [2]],
            $this->store->loginFailed($blocking['claim'], $failed), 'administrators 1 and 2 are active; 1 is the blocked one');
        $this->assertSame(['status' => '', 'scope' => '', 'until' => null, 'notify' => []], $this->store->loginFailed(null, $failed));
        $events = $this->db()->query("SELECT event, reason FROM `{$this->prefix}login_security_events` ORDER BY id")->fetch_all();
        $this->assertSame([['failed', 'wrong_password'], ['lockout', ''], ['failed', 'wrong_password'], ['blocked', ''], ['failed', 'wrong_password']], $events);
    }

    public function testStatusOfAUserById(): void
    {
        $this->assertSame('allowed', $this->arrival('staff', 999, []), 'no such account');
    }

    public function testMalformedReenableKeyIsRefused(): void
    {
        $this->expectException(LoginSecurity\InvalidArgumentException::class);
        $this->store->reenableRecorded(['root:admin'], []);
    }

    public function testReenableRecordedNamesAndRecordsWhatItLifted(): void
    {
        for ($i = 0; $i < 4; $i++) {
            $this->store->claimLogin('staff', 'admin@example.com', '', []);
            $this->store->claimLogin('contact', 'ghost@lab.test', '', []);
        }
        $ghost = 'contact:' . array_column($this->store->lockedAccounts(50), 'subject', 'kind')['contact'];
        $event = ['actor_id' => 2, 'actor_name' => 'Bo Boss', 'ip' => '192.0.2.9', 'user_agent' => 'Mozilla/5.0'];

        $names = $this->store->reenableRecorded(['staff:ADMIN@example.com', $ghost, 'staff:2', 'ip:192.0.2.1'], $event);

        $this->assertSame(['admin@example.com', 'ghost@lab.test'], $names, 'by e-mail in any spelling; what was not locked is not named');
        $this->assertSame([], $this->store->lockedAccounts(50));
        $rows = array_map(static fn ($r) => [$r['user_type'], $r['user_id'], $r['identifier'], $r['actor_name'], $r['ip']],
            $this->store->events(['event' => 'reenabled'], 1, 10)['rows']);
        $this->assertEqualsCanonicalizing([['staff', 1, 'admin@example.com', 'Bo Boss', '192.0.2.9'], ['contact', null, 'ghost@lab.test', 'Bo Boss', '192.0.2.9']], $rows);
        $this->assertSame([], $this->store->reenableRecorded(['staff:1'], $event), 'nothing locked: nothing named or recorded');
        $this->assertSame(2, $this->store->events(['event' => 'reenabled'], 1, 10)['total']);
        $this->expectException(LoginSecurity\InvalidArgumentException::class);
        $this->store->reenableRecorded(['root:admin'], $event);
    }

    /** The moment of login of a form login (Sessions::login, the lockout deciding first): its state. */
    private function atLogin(string $kind, int $userId, array $settings, ?string $claim = null, bool $sameRequest = false): string
    {
        return $this->login($kind, $userId, 'form', ['settings' => $settings, 'claim' => $claim, 'same_request' => $sameRequest]);
    }

    /** A remember-me arrival (Sessions::login, nothing counted; the lockout deciding first): its state. */
    private function arrival(string $kind, int $userId, array $settings): string
    {
        return $this->login($kind, $userId, 'remember_me', ['settings' => $settings, 'claim' => null, 'same_request' => false]);
    }

    private function login(string $kind, int $userId, string $method, array $lockout): string
    {
        $sessions = new LoginSecurity\Sessions(ls_test_config($this->prefix));

        return $sessions->login($kind, $userId, $method, '', '192.0.2.1', 'PHPUnit', null, null, null, null, $lockout)['state'];
    }

    private function db(): mysqli
    {
        $c  = ls_test_config($this->prefix);
        $db = new mysqli($c['host'], $c['user'], $c['password'], $c['database'], $c['port']);
        $db->set_charset('utf8mb4');

        return $db;
    }

    /** Perfex's staff, contacts and remember-me tables (as Perfex declares them) with two admins and a contact. */
    private function perfexTables(): void
    {
        $db   = $this->db();
        $p    = $this->prefix;
        $opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
        $db->query("DROP TABLE IF EXISTS `{$p}staff`, `{$p}contacts`, `{$p}user_auto_login`");
        $db->query("CREATE TABLE `{$p}staff` (staffid INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT NULL, firstname VARCHAR(50) NOT NULL,
            lastname VARCHAR(50) NOT NULL, admin INT NOT NULL DEFAULT 0, active INT NOT NULL DEFAULT 1) $opts");
        $db->query("CREATE TABLE `{$p}contacts` (id INT AUTO_INCREMENT PRIMARY KEY, userid INT NOT NULL DEFAULT 1, email VARCHAR(100) NOT NULL,
            firstname VARCHAR(191) NOT NULL, lastname VARCHAR(191) NOT NULL, active TINYINT(1) NOT NULL DEFAULT 1) $opts");
        $db->query("CREATE TABLE `{$p}user_auto_login` (key_id CHAR(32) NOT NULL, user_id INT NOT NULL, user_agent VARCHAR(150) NOT NULL DEFAULT '',
            last_ip VARCHAR(40) NOT NULL DEFAULT '', last_login TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, staff INT NOT NULL) $opts");
        $db->query("INSERT INTO `{$p}staff` (staffid, email, firstname, lastname, admin) VALUES (1, 'admin@example.com', 'Ada', 'Admin', 1), (2, 'boss@example.com', 'Bo', 'Boss', 1)");
        $db->query("INSERT INTO `{$p}contacts` (id, email, firstname, lastname) VALUES (5, 'c@example.com', 'Cy', 'Contact')");
    }
}
