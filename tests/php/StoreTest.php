<?php
use LoginSecurity\Store;
use PHPUnit\Framework\TestCase;

final class StoreTest extends TestCase
{
    private Store $store;

    protected function setUp(): void
    {
        $this->store = new Store(ls_test_config('phpt_' . getmypid() . '_'));
        $this->store->dropSchema();
        $version = $this->store->migrate();
        $this->assertGreaterThanOrEqual(2, $version);
        $this->assertSame($version, $this->store->migrate(), 'migrate is idempotent');
    }

    protected function tearDown(): void
    {
        $this->store->dropSchema();
    }

    public function testEventRoundTripWithFilters(): void
    {
        $id = $this->store->recordEvent(['event' => 'failed', 'user_type' => 'staff', 'user_id' => 3,
            'identifier' => ' Admin@Example.com ', 'reason' => 'wrong_password', 'ip' => '2001:db8::1',
            'user_agent' => "<script>alert(1)</script>\x00\xff", 'anonymize_ip' => true, 'details' => null]);
        $this->store->recordEvent(['event' => 'login', 'user_type' => 'contact', 'user_id' => 3, 'method' => 'remember_me']);
        $page = $this->store->events(['user' => 'staff:3'], 1, 25);
        $this->assertSame(1, $page['total']);
        $row = $page['rows'][0];
        $this->assertSame($id, $row['id']);
        $this->assertSame(['failed', 'wrong_password', '2001:db8::'], [$row['event'], $row['reason'], $row['ip']]);
        $this->assertSame("<script>alert(1)</script>\u{FFFD}", $row['user_agent']);
        $this->assertSame(1, $this->store->events(['identifier' => 'admin@example.com'], 1, 25)['total']);
        $this->assertSame(1, $this->store->events(['event' => 'login'], 1, 25)['total']);
        $this->assertCount(2, $this->store->exportEvents([], 100));
    }

    public function testDailyCountsAndClear(): void
    {
        $now = time();
        $this->store->recordEvent(['event' => 'login', 'at' => $now]);
        $this->store->recordEvent(['event' => 'failed', 'at' => $now]);
        $days = $this->store->dailyCounts(['from' => $now - 6 * 86400, 'to' => $now], 0);
        $this->assertCount(7, $days);
        $this->assertSame(['day' => gmdate('Y-m-d', $now), 'success' => 1, 'failed' => 1], end($days));
        $this->assertSame(2, $this->store->clearEvents(1, 'Ada Admin'));
        $rows = $this->store->events([], 1, 25)['rows'];
        $this->assertSame(['log_cleared', 'Ada Admin'], [$rows[0]['event'], $rows[0]['actor_name']]);
    }

    public function testPurgeKeepsRecentEvents(): void
    {
        $this->store->recordEvent(['event' => 'login', 'at' => time() - 40 * 86400]);
        $this->store->recordEvent(['event' => 'login']);
        $this->assertSame(1, $this->store->purgeEvents(30));
        $this->assertSame(1, $this->store->events([], 1, 25)['total']);
    }

    public function testBadInputRaisesInvalidArgument(): void
    {
        foreach ([['event' => 'nope'], ['event' => 'login', 'user_type' => 'root'], ['event' => 'login', 'user_id' => '5x'],
                  ['event' => 'login', 'typo_key' => 1]] as $bad) {
            try {
                $this->store->recordEvent($bad);
                $this->fail('accepted ' . json_encode($bad));
            } catch (LoginSecurity\InvalidArgumentException $e) {
                $this->assertInstanceOf(LoginSecurity\Exception::class, $e);
            }
        }
        $this->expectException(LoginSecurity\InvalidArgumentException::class);
        $this->store->events(['user' => 'staff:abc'], 1, 25);
    }

    public function testBadPrefixIsRefused(): void
    {
        $this->expectException(LoginSecurity\InvalidArgumentException::class);
        new Store(ls_test_config('x`; DROP TABLE tblstaff; --'));
    }

    public function testUnreachableDatabaseRaisesDatabaseExceptionWithoutThePassword(): void
    {
        $cfg = ['port' => 1, 'password' => 'very-secret-pw'] + ls_test_config('down_');
        $store = new Store($cfg);
        try {
            $store->recordEvent(['event' => 'login']);
            $this->fail('no exception');
        } catch (LoginSecurity\DatabaseException $e) {
            $this->assertStringNotContainsString('very-secret-pw', $e->getMessage());
        }
    }
}
