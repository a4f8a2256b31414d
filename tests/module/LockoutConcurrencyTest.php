<?php
/**
 * Login attempts (issue 3): atomic under concurrency, over real HTTP. The stand-in runs with 4 PHP workers
 * (PHP_CLI_SERVER_WORKERS, forked like php-fpm) and gets 200 parallel login POSTs, each from its own "browser".
 * Between two lockouts no more than the allowed number of passwords may be checked, and every attempt is counted
 * once (django-axes #592 let 15–20 of a 100-request burst through).
 */

declare(strict_types=1);

require_once __DIR__ . '/LockoutTestCase.php';
require_once __DIR__ . '/LoginBurst.php';

final class LockoutConcurrencyTest extends LockoutTestCase
{
    private const BURST = 200;

    protected static function workers(): int
    {
        return 4;
    }

    public function testTwoHundredParallelWrongPasswordsAtOneAccountCheckOnlyThree(): void
    {
        $burst = LoginBurst::fire(self::$server->url('admin/authentication'),
            array_map(fn ($i) => ['staff@example.com', "wrong-$i"], range(1, self::BURST)));

        $this->assertSame(array_fill(0, self::BURST, 303), $burst['statuses'], 'every request was answered (back to the login form)');
        $this->assertSame(3, self::failures('wrong_password'), 'passwords checked: the 3 retries, not one more');
        $this->assertSame(3, self::passwordsRejectedByPerfex());
        $this->assertSame(self::BURST - 3, self::failures('locked_out'), 'every other attempt refused before its password');
        $this->assertCount(self::BURST, self::events('event = ?', ['failed']), 'every attempt recorded once');
        $this->assertCount(1, self::events('event = ?', ['lockout']));
        $account = self::attempts('staff', 'staff@example.com');
        $this->assertSame([0, 1], [$account['failures'], $account['lockouts']]);
        $this->assertEqualsWithDelta(time() + 180, $account['locked_until'], 30);
        $this->assertSame(3, self::attempts('ip', '127.0.0.1')['failures'], 'the IP counted the 3 attempts let through');

        $refused = $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStringContainsString('locked until', $this->alertsAfter($refused, 'owner')['danger']);
        $this->assertStaffLoggedIn('owner', false);
        $this->assertSame(3, self::passwordsRejectedByPerfex());
    }

    /**
     * A claim that InnoDB picks as a deadlock victim is tried again (it was rolled back: nothing counted) instead of
     * failing open, which would check a password without counting it (seen once in a 200-request burst).
     */
    public function testADeadlockedClaimIsTriedAgainNotLetThroughUncounted(): void
    {
        $this->failStaff('staff@example.com', 1); // both rows exist
        $weight = self::table('lockout_test_weight');
        $attempts = self::table('login_security_attempts');
        $db = self::db();
        $db->query("CREATE TABLE IF NOT EXISTS $weight (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB");
        $db->query("INSERT IGNORE INTO $weight (id, v) SELECT seq, 0 FROM seq_1_to_2000");
        $probe = new mysqli(getenv('LS_DB_HOST') ?: '127.0.0.1', getenv('LS_DB_USER'), getenv('LS_DB_PASSWORD'), self::db()->query('SELECT DATABASE()')->fetch_row()[0], (int) getenv('LS_DB_PORT'));
        try {
            // This transaction: heavy (so that InnoDB rolls the claim back, not it) and a shared lock on the account.
            $db->begin_transaction();
            $db->query("UPDATE $weight SET v = v + 1");
            $db->query("SELECT failures FROM $attempts WHERE kind = 'staff' AND subject = '" . self::subject('staff', 'staff@example.com') . "' LOCK IN SHARE MODE");

            $multi = curl_multi_init();
            $token = bin2hex(random_bytes(16));
            $request = curl_init(self::$server->url('admin/authentication'));
            curl_setopt_array($request, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true, CURLOPT_COOKIE => "csrf_cookie_name=$token",
                CURLOPT_POSTFIELDS => http_build_query(['email' => 'staff@example.com', 'password' => 'wrong', 'csrf_token_name' => $token])]);
            curl_multi_add_handle($multi, $request);
            // Wait until the claim holds the IP row (and so waits for the account row this transaction holds).
            $held = false;
            for ($i = 0; $i < 250 && !$held; $i++) {
                curl_multi_exec($multi, $running);
                try {
                    $probe->query("SELECT 1 FROM $attempts WHERE kind = 'ip' AND subject = '127.0.0.1' FOR UPDATE NOWAIT");
                    usleep(20000);
                } catch (mysqli_sql_exception) {
                    $held = true;
                }
            }
            $this->assertTrue($held, 'the claim reached its transaction');
            $db->query("SELECT failures FROM $attempts WHERE kind = 'ip' AND subject = '127.0.0.1' FOR UPDATE"); // the cycle
            $db->rollback();
            do {
                curl_multi_exec($multi, $running);
                curl_multi_select($multi, 0.5);
            } while ($running > 0);
            $this->assertSame(303, curl_getinfo($request, CURLINFO_RESPONSE_CODE));
        } finally {
            $probe->close();
            $db->query("DROP TABLE IF EXISTS $weight");
        }

        $this->assertSame(2, self::attempts('staff', 'staff@example.com')['failures'], 'the second attempt was counted');
        $this->assertSame(2, self::failures('wrong_password'));
        // tearDown: no "[login_security] claimLogin failed" in the server log
    }

    public function testTwoHundredParallelAttemptsAtDifferentAccountsFromOneIpLetTheIpLimitThrough(): void
    {
        $burst = LoginBurst::fire(self::$server->url('admin/authentication'),
            array_map(fn ($i) => ["user$i@burst.example.com", 'guess'], range(1, self::BURST)),
            ['X-Forwarded-For' => '203.0.113.99']);

        $this->assertSame(array_fill(0, self::BURST, 303), $burst['statuses']);
        $this->assertSame(20, self::failures('unknown_account'), 'exactly lockout_ip_limit attempts let through');
        $this->assertSame(self::BURST - 20, self::failures('locked_out'));
        $ip = self::attempts('ip', '127.0.0.1');
        $this->assertSame([0, 1], [$ip['failures'], $ip['lockouts']]);
        $this->assertEqualsWithDelta(time() + 180, $ip['locked_until'], 30);
        $counted = (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('login_security_attempts') . " WHERE kind = 'staff' AND failures = 1")['n'];
        $this->assertSame(20, $counted, 'refused attempts were not counted against their accounts');

        $refused = $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStringContainsString('Logins from your IP address are locked', $this->alertsAfter($refused, 'owner')['danger']);
        $this->assertStaffLoggedIn('owner', false);
    }
}
