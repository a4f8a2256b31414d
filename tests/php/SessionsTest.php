<?php
use LoginSecurity\Sessions;
use LoginSecurity\Store;
use PHPUnit\Framework\TestCase;

final class SessionsTest extends TestCase
{
    private Store $store;
    private Sessions $sessions;

    protected function setUp(): void
    {
        $config = ls_test_config('phps_' . getmypid() . '_');
        $this->store = new Store($config);
        $this->store->dropSchema();
        $this->store->migrate();
        $this->sessions = new Sessions($config);
    }

    protected function tearDown(): void
    {
        $this->store->dropSchema();
    }

    /** A session started by a login the extension admits; its raw token. */
    private function start(string $userType, int $userId, string $ip, string $agent, string $method): string
    {
        $login = $this->sessions->login($userType, $userId, $method, '', $ip, $agent);
        $this->assertSame('allowed', $login['state']);

        return $login['token'];
    }

    public function testStartCheckAndEnd(): void
    {
        $token = $this->start('staff', 4, '192.0.2.8', "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0\xff", 'form');
        $this->assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $token);
        $check = $this->sessions->check($token, 1800, true);
        $this->assertSame('active', $check['state']);
        $this->assertEqualsWithDelta(time(), $check['started_at'], 5);
        $live = $this->sessions->live('', '', 1800, 10);
        $this->assertCount(1, $live);
        $this->assertSame(['staff', 4, '192.0.2.8', 'Firefox 125.0', 'desktop'], [$live[0]['user_type'], $live[0]['user_id'], $live[0]['ip'], $live[0]['browser'], $live[0]['device']]);
        $this->assertStringNotContainsString($live[0]['id'], $token, 'the public id is not part of the token');
        $this->assertCount(1, $this->sessions->live('staff', 'staff:4', 1800, 10));
        $this->assertIsInt($this->sessions->end($token, 'logout', ''));
        $this->assertNull($this->sessions->end($token, 'logout', ''));
        $this->assertSame(['state' => 'ended', 'reason' => 'logout', 'started_at' => $check['started_at']], $this->sessions->check($token, null, true));
        $this->assertSame('unknown', $this->sessions->check('not-a-token', null, true)['state']);
    }

    public function testForceLogoutByIdAndBan(): void
    {
        $a = $this->start('contact', 9, '', '', 'remember_me');
        $b = $this->start('contact', 9, '', '', 'form');
        $id = $this->sessions->live('contact', 'contact:9', 1800, 10)[0]['id'];
        $this->assertSame('contact', $this->sessions->endById($id, 'forced', 'Ada')['user_type']);
        $this->assertNull($this->sessions->endById($id, 'forced', 'Ada'));
        $until = $this->sessions->ban('contact', 9, 10, '<b>spam</b>', 'Ada');
        $this->assertEqualsWithDelta(time() + 600, $until, 5);
        $states = [$this->sessions->check($a, null, true)['state'], $this->sessions->check($b, null, true)['state']];
        sort($states);
        $this->assertSame(['banned', 'ended'], $states);
        $this->assertSame('<b>spam</b>', $this->sessions->bans('contact:9')[0]['reason']);
        $this->assertTrue($this->sessions->liftBan('contact', 9));
        $this->assertSame([], $this->sessions->bans(''));
    }

    public function testEndUserKeepsTheCurrentSession(): void
    {
        $mine = $this->start('staff', 1, '', '', 'form');
        $this->start('staff', 1, '', '', 'form');
        $this->assertCount(1, $this->sessions->endUser('staff', 1, 'forced', 'self', $mine));
        $this->assertSame('active', $this->sessions->check($mine, null, false)['state']);
    }

    public function testInvalidArgumentsAreRefused(): void
    {
        foreach ([fn () => $this->sessions->ban('staff', 1, 0, '', ''), fn () => $this->sessions->login('admin', 1, 'form', '', '', ''),
                  fn () => $this->sessions->live('', 'staff:x', 60, 10)] as $call) {
            try {
                $call();
                $this->fail('accepted');
            } catch (LoginSecurity\InvalidArgumentException $e) {
                $this->assertNotSame('', $e->getMessage());
            }
        }
    }
}
