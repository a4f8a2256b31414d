<?php
/**
 * Base class of HTTP tests against the Perfex stand-in (the stand-in's own tests and the module's).
 *
 * Per test class: the database is reset (bin/reset.php, activating activeModules()) and one server is started on a
 * free port (bin/serve, with LS_EXTENSION loaded when that variable is set); both are torn down after the class.
 * Per test: fresh browsers, and a check that the server logged no PHP error, warning, notice or deprecation (the
 * server logs, .run/standin-PORT.log, are removed with the servers).
 * Tests use the database <LS_DB_NAME>_test (perfex_test), never the demo's.
 *
 * Override to configure: modulesDir(), activeModules(), serverEnv(), workers().
 * Use: browser($name) (own cookie jar each), get/post/ajax/loginStaff/loginContact/logout/logoutContact on the
 * default browser, db() (mysqli), table('staff') (prefixed name), runCron(), resetDatabase(), startServer().
 * Demo accounts: Standin\Seed::STAFF / CONTACTS / CUSTOMER; staff($key) and contact($key) return one.
 */

declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Standin\Seed;

abstract class StandinTestCase extends TestCase
{
    protected static ?StandinServer $server = null;
    private static ?mysqli $mysqli = null;
    /** @var list<StandinServer> extra servers of the class */
    private static array $extraServers = [];
    /** @var array<string, StandinBrowser> */
    private array $browsers = [];
    private int $logOffset = 0;

    /** Modules folder the server loads (STANDIN_MODULES_DIR); null = the repository's php-module/. */
    protected static function modulesDir(): ?string
    {
        return null;
    }

    /** @return list<string> modules activated by the reset before the class runs */
    protected static function activeModules(): array
    {
        return [];
    }

    /** @return array<string, string> extra environment of the server, e.g. ['STANDIN_SESS_TIME_TO_UPDATE' => '1'] */
    protected static function serverEnv(): array
    {
        return [];
    }

    /** PHP_CLI_SERVER_WORKERS of the server (1 = a single process). */
    protected static function workers(): int
    {
        return 1;
    }

    public static function setUpBeforeClass(): void
    {
        static::resetDatabase();
        self::$server = StandinServer::start(self::environment(), static::workers());
    }

    public static function tearDownAfterClass(): void
    {
        foreach (array_merge(self::$extraServers, [self::$server]) as $server) {
            $server?->stop();
            @unlink((string) $server?->logPath());
        }
        self::$server = null;
        self::$extraServers = [];
        self::$mysqli?->close();
        self::$mysqli = null;
    }

    protected function setUp(): void
    {
        clearstatcache();
        $this->logOffset = (int) @filesize(self::$server->logPath());
    }

    protected function tearDown(): void
    {
        $this->browsers = [];
        $errors = preg_grep('/PHP (Fatal error|Parse error|Warning|Notice|Deprecated)/', explode("\n", $this->serverLog()));
        $this->assertSame([], array_values($errors), 'The stand-in logged PHP errors');
    }

    /** Recreates the tables, seeds the demo data and activates $modules (default: activeModules()). */
    protected static function resetDatabase(?array $modules = null): void
    {
        $modules ??= static::activeModules();
        $command = [PHP_BINARY];
        if (getenv('LS_EXTENSION')) {
            $command = array_merge($command, ['-d', 'extension=' . getenv('LS_EXTENSION')]);
        }
        $command[] = dirname(__DIR__) . '/bin/reset.php';
        if ($modules !== []) {
            $command[] = '--activate=' . implode(',', $modules);
        }
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes, null, array_merge(getenv(), self::environment()));
        $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        if (proc_close($process) !== 0) {
            throw new RuntimeException("reset.php failed:\n$output");
        }
    }

    /** Another server on the same database (e.g. a second app server); stopped after the class. */
    protected static function startServer(array $env = [], int $workers = 1): StandinServer
    {
        $server = StandinServer::start(array_merge(self::environment(), $env), $workers);
        self::$extraServers[] = $server;
        return $server;
    }

    /** The environment shared by reset.php and the servers. */
    private static function environment(): array
    {
        $name = getenv('LS_DB_NAME') ?: 'perfex';
        $env = ['LS_DB_NAME' => str_ends_with($name, '_test') ? $name : $name . '_test'];
        if (static::modulesDir() !== null) {
            $env['STANDIN_MODULES_DIR'] = static::modulesDir();
        }
        return array_merge($env, static::serverEnv());
    }

    /** A browser with its own cookies; the same name gives the same browser within a test. */
    protected function browser(string $name = 'default', ?StandinServer $server = null): StandinBrowser
    {
        return $this->browsers[$name] ??= new StandinBrowser(($server ?? self::$server)->url());
    }

    protected function get(string $path, array $headers = []): StandinResponse
    {
        return $this->browser()->get($path, $headers);
    }

    protected function post(string $path, array $fields = [], array $headers = [], bool $csrf = true): StandinResponse
    {
        return $this->browser()->post($path, $fields, $headers, $csrf);
    }

    protected function ajax(string $method, string $path, array $fields = [], array $headers = []): StandinResponse
    {
        return $this->browser()->ajax($method, $path, $fields, $headers);
    }

    protected function loginStaff(string $email, string $password, bool $remember = false): StandinResponse
    {
        return $this->browser()->loginStaff($email, $password, $remember);
    }

    protected function loginContact(string $email, string $password, bool $remember = false): StandinResponse
    {
        return $this->browser()->loginContact($email, $password, $remember);
    }

    protected function logout(): StandinResponse
    {
        return $this->browser()->logout();
    }

    protected function logoutContact(): StandinResponse
    {
        return $this->browser()->logoutContact();
    }

    /** A demo staff member by key (admin, staff, viewer, inactive, twofa): id, email, password ... */
    protected static function staff(string $key): array
    {
        return Seed::STAFF[$key];
    }

    /** A demo contact by key (contact, inactive). */
    protected static function contact(string $key): array
    {
        return Seed::CONTACTS[$key];
    }

    /** A connection to the test database, for assertions and arranging state. */
    protected static function db(): mysqli
    {
        if (self::$mysqli === null) {
            mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
            self::$mysqli = new mysqli(getenv('LS_DB_HOST') ?: '127.0.0.1', getenv('LS_DB_USER'), getenv('LS_DB_PASSWORD'),
                self::environment()['LS_DB_NAME'], (int) getenv('LS_DB_PORT'));
            self::$mysqli->set_charset('utf8mb4');
        }
        return self::$mysqli;
    }

    /** The prefixed table name, e.g. table('staff') = 'tblstaff'. */
    protected static function table(string $name): string
    {
        return (self::environment()['STANDIN_DB_PREFIX'] ?? 'tbl') . $name;
    }

    /** One row (associative) of a parametrised query, or null. */
    protected static function row(string $sql, array $params = []): ?array
    {
        $statement = self::db()->prepare($sql);
        $statement->execute($params);
        return $statement->get_result()->fetch_assoc();
    }

    /** Runs Perfex's cron now (clears last_cron_run so the 300 s gate lets it through). */
    protected function runCron(): StandinResponse
    {
        self::db()->query("UPDATE `" . self::table('options') . "` SET value = '' WHERE name = 'last_cron_run'");
        return $this->browser('cron')->get('cron/index');
    }

    /** What the server logged since this test started. */
    protected function serverLog(): string
    {
        clearstatcache();
        return (string) @file_get_contents(self::$server->logPath(), false, null, $this->logOffset);
    }

    /** The response redirects to $path (relative to the server) or to the absolute URL $path. */
    protected function assertRedirectsTo(string $path, StandinResponse $response): void
    {
        $this->assertTrue($response->isRedirect(), "expected a redirect, got HTTP {$response->status}");
        $expected = preg_match('#^https?://#', $path) ? $path : self::$server->url($path);
        $this->assertSame($expected, $response->location());
    }
}
