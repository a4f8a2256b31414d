<?php
/**
 * Login attempts on a three-node Galera cluster: three app servers, each on its own node, share the bursts. Perfex's
 * own count is what matters: the stand-in's activity-log rows "Failed Login Attempt" are the passwords it really
 * checked. Also: a node killed in the middle of a burst.
 */

declare(strict_types=1);

require_once dirname(__DIR__) . '/module/LockoutTestCase.php';

final class ClusterLockoutTest extends LockoutTestCase
{
    use ClusterNodes;

    private const BURST = 200;

    protected static function workers(): int
    {
        return 2;
    }

    public static function setUpBeforeClass(): void
    {
        parent::setUpBeforeClass();
        self::startClusterServers(2);
    }

    public function testTwoHundredWrongPasswordsOverThreeServersCheckOnlyThree(): void
    {
        $burst = self::clusterBurst('pw', 'admin/authentication', array_map(fn ($i) => ['staff@example.com', "wrong-$i"], range(1, self::BURST)));

        $this->assertSame(array_fill(0, self::BURST, 303), $burst['statuses'], 'every request was answered');
        $checked = self::passwordsRejectedByPerfex();
        $perServer = $this->perServer($burst, "event = 'failed' AND reason = 'wrong_password'");
        self::report("wrong-password burst, 200 requests over 3 servers: Perfex checked $checked passwords; per server (from the Login Log) " . json_encode($perServer));
        $this->assertSame(3, $checked, 'passwords Perfex checked: the 3 retries, not one more');
        $this->assertSame(3, self::failures('wrong_password'));
        $this->assertSame(self::BURST - 3, self::failures('locked_out'));
        $this->assertEventsOncePerRequest($burst);
        $this->assertCount(1, self::events('event = ?', ['lockout']));
        $this->assertSame([0, 1], [self::attempts('staff', 'staff@example.com')['failures'], self::attempts('staff', 'staff@example.com')['lockouts']]);

        foreach (self::$servers as $node => $server) {
            $refused = $this->browser("owner$node", $server)->loginStaff('staff@example.com', self::staff('staff')['password']);
            $this->assertStringContainsString('locked until', $this->alertsAfter($refused, "owner$node")['danger'] ?? '', "server on node $node");
            $this->assertStaffLoggedIn("owner$node", false);
        }
        $this->assertSame(3, self::passwordsRejectedByPerfex());
    }

    public function testTwoHundredAccountsFromOneIpOverThreeServersStopAtTheIpLimit(): void
    {
        $burst = self::clusterBurst('ip', 'admin/authentication', array_map(fn ($i) => ["user$i@burst.example.com", 'guess'], range(1, self::BURST)));

        $this->assertSame(array_fill(0, self::BURST, 303), $burst['statuses']);
        $through = self::failures('unknown_account');
        self::report("per-IP burst, 200 accounts over 3 servers: $through let through (limit 20); per server " . json_encode($this->perServer($burst, "event = 'failed' AND reason = 'unknown_account'")));
        $this->assertSame(20, $through, 'exactly lockout_ip_limit attempts let through');
        $this->assertSame(self::BURST - 20, self::failures('locked_out'));
        $this->assertEventsOncePerRequest($burst);
        $ip = self::attempts('ip', '127.0.0.1');
        $this->assertSame([0, 1], [$ip['failures'], $ip['lockouts']]);

        foreach (self::$servers as $node => $server) {
            $refused = $this->browser("owner$node", $server)->loginStaff('staff@example.com', self::staff('staff')['password']);
            $this->assertStringContainsString('Logins from your IP address are locked', $this->alertsAfter($refused, "owner$node")['danger'] ?? '', "server on node $node");
            $this->assertStaffLoggedIn("owner$node", false);
        }
        $this->assertSame(0, self::passwordsRejectedByPerfex());
    }

    /**
     * Node 3 is killed (SIGKILL) after 40 of 200 responses. Servers 1 and 2 keep answering; the passwords checked stay
     * within the retries; every request answered by servers 1 and 2 has its one event and none has two; a request
     * node 3's server answered while its node died may lack its event (the server knows only its own node), but
     * then that server logged the failure; node 3 comes back by IST and holds the same Login Log as node 1.
     */
    public function testANodeKilledMidBurstLosesNothingAndLetsNothingExtraThrough(): void
    {
        self::setOptions(['lockout_retries' => '10', 'lockout_ip_limit' => '500']);
        $killedAt = null;
        try {
            $start = hrtime(true);
            $burst = self::clusterBurst('kill', 'admin/authentication', array_map(fn ($i) => ['staff@example.com', "wrong-$i"], range(1, self::BURST)),
                function (int $done) use (&$killedAt, $start): void {
                    if ($done === 40 && $killedAt === null) {
                        self::cluster('kill', '3');
                        $killedAt = (hrtime(true) - $start) / 1e9;
                    }
                });
            $seconds = (hrtime(true) - $start) / 1e9;
            $this->assertNotNull($killedAt, 'node 3 was killed during the burst');

            $answered = $byNode = [];
            foreach ($burst['statuses'] as $i => $status) {
                $byNode[$burst['nodes'][$i]][$status] = ($byNode[$burst['nodes'][$i]][$status] ?? 0) + 1;
                if ($status === 303) {
                    $answered[$i] = $burst['agents'][$i];
                }
            }
            $checked = self::passwordsRejectedByPerfex();
            self::report(sprintf('node 3 killed after 40 responses (%.1f s into a %.1f s burst): HTTP statuses per server %s; Perfex checked %d passwords (retries 10)',
                $killedAt, $seconds, json_encode($byNode), $checked));
            foreach ($burst['statuses'] as $i => $status) {
                if ($burst['nodes'][$i] !== 3) {
                    $this->assertSame(303, $status, "request $i on node {$burst['nodes'][$i]} was answered");
                }
            }
            $this->assertLessThanOrEqual(10, $checked, 'no extra password checked');
            $perAgent = self::eventsPerAgent("event = 'failed'");
            $unrecorded = 0;
            foreach ($answered as $i => $agent) {
                if (!isset($perAgent[$agent]) && $burst['nodes'][$i] === 3) {
                    $unrecorded++; // answered by node 3's server while node 3 died: its event could not be written
                    continue;
                }
                $this->assertSame(1, $perAgent[$agent] ?? 0, "the answered request $agent has its one event");
            }
            // the calls that record a login attempt: the claim (a refusal), the failure, the login
            $logged = count(preg_grep('/\[login_security\] (claimLogin|loginFailed|Sessions::login|recordEvent) failed/', explode("\n", (string) file_get_contents(self::$servers[3]->logPath()))));
            self::report("node 3's server answered $unrecorded requests whose event it could not write (its node was gone); it logged $logged 'failed' lines of the recording calls");
            $this->assertGreaterThanOrEqual($unrecorded, $logged, 'an event that could not be written is logged by the server that lost it, never silently');
            $this->assertGreaterThanOrEqual($checked, self::failures('wrong_password') + $unrecorded, 'every password checked has its event, or its loss was logged');
            $this->assertSame([], array_keys(array_filter($perAgent, fn ($n) => $n > 1)), 'no request recorded twice');
            $this->assertSame(1, (int) self::attempts('staff', 'staff@example.com')['lockouts']);
        } finally {
            $rejoin = hrtime(true);
            self::cluster('start-node', '3');
            self::report(sprintf('node 3 restarted and Synced in %.1f s', (hrtime(true) - $rejoin) / 1e9));
        }

        $node3 = self::node(3);
        $table = self::table('login_security_events');
        $this->assertSame(
            self::db()->query("SELECT COUNT(*), MAX(id) FROM $table")->fetch_row(),
            $node3->query("SELECT COUNT(*), MAX(id) FROM $table")->fetch_row(),
            'node 3 caught up: the same Login Log as node 1'
        );
        $node3->close();
        $refused = $this->browser('owner', self::$servers[3])->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStringContainsString('locked until', $this->alertsAfter($refused, 'owner')['danger'] ?? '', 'node 3 serves again and knows the lockout');
    }

    /** @return array<int, int> node => events of $where made by the burst's requests to that node's server */
    private function perServer(array $burst, string $where): array
    {
        $perAgent = self::eventsPerAgent($where);
        $counts = [1 => 0, 2 => 0, 3 => 0];
        foreach ($burst['agents'] as $i => $agent) {
            $counts[$burst['nodes'][$i]] += $perAgent[$agent] ?? 0;
        }
        return $counts;
    }

    private function assertEventsOncePerRequest(array $burst): void
    {
        $perAgent = self::eventsPerAgent("event = 'failed'");
        $this->assertCount(count($burst['agents']), $perAgent, 'every request has an event');
        $this->assertSame([1], array_values(array_unique($perAgent)), 'and only one');
    }
}
