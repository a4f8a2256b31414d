<?php
/**
 * The three-node Galera cluster of the cluster tests: node n (1..3) takes SQL on LS_CLUSTER_PORT + n - 1 and has
 * its own stand-in app server (node 1's is the test class's own server). Helpers start the servers, talk to a node
 * directly, kill and restart a node (scripts/db cluster), and fire bursts spread over the servers where every
 * request has its own user agent, so that each Login Log event can be traced to the request that made it.
 */

declare(strict_types=1);

trait ClusterNodes
{
    /** @var array<int, StandinServer> node => its app server */
    protected static array $servers = [];

    protected static function nodePort(int $node): int
    {
        return (int) getenv('LS_CLUSTER_PORT') + $node - 1;
    }

    /** The class's server is on node 1; one more server each on nodes 2 and 3. Reads of the test are causal. */
    protected static function startClusterServers(int $workers): void
    {
        self::db()->query('SET SESSION wsrep_sync_wait = 1');
        self::assertSame('3', self::db()->query("SHOW STATUS LIKE 'wsrep_cluster_size'")->fetch_row()[1], 'three nodes');
        self::$servers = [1 => self::$server];
        foreach ([2, 3] as $node) {
            self::$servers[$node] = self::startServer(['LS_DB_PORT' => (string) self::nodePort($node)], $workers);
        }
    }

    /** A connection to one node (reads wait for the cluster: wsrep_sync_wait = 1). */
    protected static function node(int $node): mysqli
    {
        $db = new mysqli('127.0.0.1', getenv('LS_DB_USER'), getenv('LS_DB_PASSWORD'),
            self::db()->query('SELECT DATABASE()')->fetch_row()[0], self::nodePort($node));
        $db->query('SET SESSION wsrep_sync_wait = 1');
        return $db;
    }

    /** scripts/db cluster ARGS... (kill N, start-node N, status). */
    protected static function cluster(string ...$args): string
    {
        $command = array_merge([dirname(__DIR__, 2) . '/scripts/db', 'cluster'], $args);
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        if (proc_close($process) !== 0) {
            throw new RuntimeException('scripts/db cluster ' . implode(' ', $args) . " failed:\n$output");
        }
        return $output;
    }

    /**
     * POSTs login i to server (i % 3) + 1, all in parallel, each request its own browser with user agent
     * "ClusterBurst/<tag>-<i>". $afterEach(int $done) runs whenever a response has come in.
     *
     * @param list<array{0: string, 1: string}> $logins [email, password]
     * @return array{statuses: list<int>, nodes: list<int>, agents: list<string>, handles: list<CurlHandle>}
     */
    protected static function clusterBurst(string $tag, string $path, array $logins, ?callable $afterEach = null, bool $keep = false): array
    {
        $multi = curl_multi_init();
        $handles = $nodes = $agents = [];
        foreach ($logins as $i => [$email, $password]) {
            $node = $i % 3 + 1;
            $token = bin2hex(random_bytes(16));
            $agent = 'Mozilla/5.0 (X11; Linux x86_64) ClusterBurst/' . $tag . '-' . $i;
            $handle = curl_init(self::$servers[$node]->url($path));
            curl_setopt_array($handle, [
                CURLOPT_POST => true,
                CURLOPT_POSTFIELDS => http_build_query(['email' => $email, 'password' => $password, 'csrf_token_name' => $token]),
                CURLOPT_COOKIEFILE => '',
                CURLOPT_COOKIE => 'csrf_cookie_name=' . $token,
                CURLOPT_USERAGENT => $agent,
                CURLOPT_RETURNTRANSFER => true,
                CURLOPT_FOLLOWLOCATION => false,
                CURLOPT_CONNECTTIMEOUT => 60,
                CURLOPT_TIMEOUT => 180,
            ]);
            curl_multi_add_handle($multi, $handle);
            $handles[] = $handle;
            $nodes[] = $node;
            $agents[] = $agent;
        }
        $done = 0;
        do {
            $status = curl_multi_exec($multi, $running);
            while (($info = curl_multi_info_read($multi)) !== false) {
                $done++;
                if ($afterEach !== null) {
                    $afterEach($done);
                }
            }
            if ($running > 0) {
                curl_multi_select($multi, 0.2);
            }
        } while ($running > 0 && $status === CURLM_OK);
        $statuses = [];
        foreach ($handles as $handle) {
            $statuses[] = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
            curl_multi_remove_handle($multi, $handle);
        }
        curl_multi_close($multi);
        return ['statuses' => $statuses, 'nodes' => $nodes, 'agents' => $agents, 'handles' => $keep ? $handles : []];
    }

    /** How many Login Log events each user agent of a burst has (agent => count), for the events of $where. */
    protected static function eventsPerAgent(string $where, array $params = []): array
    {
        $counts = [];
        foreach (self::events($where, $params) as $event) {
            $counts[$event['user_agent']] = ($counts[$event['user_agent']] ?? 0) + 1;
        }
        return $counts;
    }

    /** One line of numbers for the run's log (scripts/test output), e.g. burst counts per server. */
    protected static function report(string $line): void
    {
        fwrite(STDERR, "\n[cluster] $line\n");
    }
}
