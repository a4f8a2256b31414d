<?php
/**
 * A stand-in server (tests/standin/bin/serve) on a free loopback port. The environment given to start() reaches the
 * PHP server (STANDIN_*, LS_DB_NAME, ...). Several servers may run at once, e.g. two "app servers" on one database.
 */

declare(strict_types=1);

final class StandinServer
{
    private function __construct(public readonly int $port)
    {
    }

    /** @param array<string, string> $env */
    public static function start(array $env = [], int $workers = 1): self
    {
        $server = new self(self::freePort());
        self::serve(['start', (string) $server->port, (string) $workers], $env);
        return $server;
    }

    public function stop(): void
    {
        self::serve(['stop', (string) $this->port], []);
    }

    /** Absolute URL of a path on this server ('' is the site root). */
    public function url(string $path = ''): string
    {
        return 'http://127.0.0.1:' . $this->port . '/' . ltrim($path, '/');
    }

    /** The server's log file (PHP errors and the request log). */
    public function logPath(): string
    {
        return dirname(__DIR__, 4) . '/.run/standin-' . $this->port . '.log';
    }

    public static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        return $port;
    }

    /** @param list<string> $args */
    private static function serve(array $args, array $env): void
    {
        $command = array_merge(['bash', dirname(__DIR__, 2) . '/bin/serve'], $args);
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes, null, array_merge(getenv(), $env));
        $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        if (proc_close($process) !== 0) {
            throw new RuntimeException('serve ' . implode(' ', $args) . " failed:\n" . $output);
        }
    }
}
