<?php
use LoginSecurity\Store;
use PHPUnit\Framework\TestCase;

final class LoginAttemptsTest extends TestCase
{
    private Store $store;

    protected function setUp(): void
    {
        $this->store = new Store(ls_test_config('phpa_' . getmypid() . '_'));
        $this->store->dropSchema();
        $this->store->migrate();
    }

    protected function tearDown(): void
    {
        $this->store->dropSchema();
    }

    public function testThirdAttemptLocksAndTheFourthIsRefusedForAnyCaseOfTheEmail(): void
    {
        $claims = [];
        foreach (['Admin@Example.com', ' admin@example.com', 'ADMIN@example.com ', 'admin@EXAMPLE.com'] as $email) {
            $claims[] = $this->store->claimLogin('staff', $email, '192.0.2.1', []);
        }
        $this->assertSame([3, 2, 1], array_column(array_slice($claims, 0, 3), 'remaining'));
        $this->assertTrue($claims[2]['locked_now']);
        $this->assertSame('locked', $claims[3]['status']);
        $this->assertSame('account', $claims[3]['scope']);
        $this->assertEqualsWithDelta(time() + 180, $claims[3]['until'], 5);
        $status = $this->store->loginStatus('staff', 'admin@example.com', '192.0.2.1', []);
        $this->assertSame('locked', $status['status']);
        $this->assertSame('allowed', $this->store->loginStatus('contact', 'admin@example.com', '192.0.2.1', [])['status'],
            'the customers login counts separately');

        $locked = $this->store->lockedAccounts(50);
        $this->assertSame(['staff', 'admin@example.com', '192.0.2.1'], [$locked[0]['kind'], $locked[0]['subject'], $locked[0]['last_ip']]);
        $this->assertSame(1, $this->store->reenable(['staff:admin@example.com']));
        $this->assertSame('allowed', $this->store->loginStatus('staff', 'admin@example.com', '192.0.2.1', [])['status']);
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
        $this->assertTrue($this->store->claimLogin('contact', 'z@example.com', '', $one)['locked_now']);
        $this->assertSame(['contact:z@example.com'], array_map(fn ($r) => $r['kind'] . ':' . $r['subject'], $this->store->lockedAccounts(50)));
    }

    public function testSuccessClearsFailures(): void
    {
        $this->store->claimLogin('staff', 'a@example.com', '', []);
        $this->store->claimLogin('staff', 'a@example.com', '', []);
        $this->store->loginSucceeded('staff', 'A@example.com');
        $this->assertSame(3, $this->store->claimLogin('staff', 'a@example.com', '', [])['remaining']);
    }

    public function testACorrectPasswordOnTheLastRetryLocksNothingAndDoesNotUseTheIpLimit(): void
    {
        $settings = ['lockout_ip_limit' => 3];
        $this->store->claimLogin('staff', 'b@example.com', '198.51.100.1', $settings);
        $this->store->claimLogin('staff', 'b@example.com', '198.51.100.1', $settings);
        $claim = $this->store->claimLogin('staff', 'b@example.com', '198.51.100.1', $settings);
        $this->assertTrue($claim['locked_now']);
        $this->assertTrue($claim['ip_locked_now'], 'the IP limit is 3 and this was its third attempt');
        $this->store->loginSucceeded('staff', 'b@example.com', '198.51.100.1', $settings, $claim);
        $this->assertSame('allowed', $this->store->loginStatus('staff', 'b@example.com', '198.51.100.1', $settings)['status']);
        // twenty correct logins from one address never lock it
        for ($i = 0; $i < 20; $i++) {
            $c = $this->store->claimLogin('staff', "user$i@example.com", '198.51.100.2', $settings);
            $this->assertSame('allowed', $c['status'], "login $i");
            $this->store->loginSucceeded('staff', "user$i@example.com", '198.51.100.2', $settings, $c);
        }
    }

    public function testActiveAdminIdsToleratesAMissingStaffTable(): void
    {
        $this->assertSame([], $this->store->activeAdminIds(), 'this test prefix has no Perfex tables');
    }

    public function testStatusOfAUserById(): void
    {
        $this->assertSame('allowed', $this->store->loginStatusOfUser('staff', 999, '', [])['status'], 'no such account');
    }

    public function testMalformedReenableKeyIsRefused(): void
    {
        $this->expectException(LoginSecurity\InvalidArgumentException::class);
        $this->store->reenable(['root:admin']);
    }
}
