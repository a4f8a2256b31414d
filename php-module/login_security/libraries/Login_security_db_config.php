<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * The LoginSecurity\Store configuration of the Perfex database the app itself uses: APP_DB_* constants,
 * db_prefix(), and mysqli's defaults for what APP_DB_HOSTNAME leaves out.
 */
final class Login_security_db_config
{
    /** @return array{host: string, port: int, socket: string|null, user: string, password: string, database: string, prefix: string} */
    public static function fromPerfex(): array
    {
        foreach (['APP_DB_HOSTNAME', 'APP_DB_USERNAME', 'APP_DB_PASSWORD', 'APP_DB_NAME'] as $constant) {
            if (!defined($constant)) {
                throw new RuntimeException('the Perfex constant ' . $constant . ' is not defined');
            }
        }
        [$host, $port, $socket] = self::parseHost((string) constant('APP_DB_HOSTNAME'));

        return ['host' => $host, 'port' => $port, 'socket' => $socket, 'user' => (string) constant('APP_DB_USERNAME'),
            'password' => (string) constant('APP_DB_PASSWORD'), 'database' => (string) constant('APP_DB_NAME'), 'prefix' => (string) db_prefix()];
    }

    /**
     * Splits APP_DB_HOSTNAME the way mysqli users write it: "host", "host:port", "[ipv6]:port", "/path/to/socket",
     * "localhost:/path/to/socket", optionally prefixed with mysqli's persistent marker "p:". Without a port,
     * mysqli.default_port (else 3306); "localhost" without a socket gets mysqli.default_socket.
     *
     * @return array{0: string, 1: int, 2: string|null} host, port, socket
     */
    private static function parseHost(string $hostname): array
    {
        $host   = preg_replace('/^p:/', '', trim($hostname));
        $port   = (int) ini_get('mysqli.default_port');
        $socket = null;
        if ($host !== '' && $host[0] === '/') {
            [$host, $socket] = ['localhost', $host];
        } elseif (preg_match('/^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/', $host, $m)) {
            [$host, $port] = [$m[1], !empty($m[2]) ? (int) $m[2] : $port];
        } elseif (preg_match('#^([^:]*):(?:(\d{1,5})|(/[^:]*))$#', $host, $m)) {
            [$host, $port, $socket] = [$m[1], $m[2] !== '' ? (int) $m[2] : $port, $m[3] ?? null];
        }
        $host = $host === '' ? 'localhost' : $host;
        if ($host === 'localhost' && $socket === null) {
            $socket = ini_get('mysqli.default_socket') ?: null;
        }

        return [$host, $port > 0 && $port <= 65535 ? $port : 3306, $socket];
    }
}
