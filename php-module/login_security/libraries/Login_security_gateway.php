<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/Login_security_db_config.php';
require_once __DIR__ . '/Login_security_request.php';
require_once __DIR__ . '/gateway/Lockout_calls.php';
require_once __DIR__ . '/gateway/Sessions_calls.php';
require_once __DIR__ . '/gateway/Inactivity_calls.php';

/**
 * The only PHP that calls the login_security extension (namespace LoginSecurity, see stubs/login_security.stub.php).
 *
 * It alone decides what happens when the extension is missing or a call fails: the error goes to the PHP log
 * (error_log, never with credentials), the caller gets a safe default, and Perfex keeps working — a login is never
 * blocked by our failure. One instance per request; the LoginSecurity\Store is built once and cached.
 *
 * Needs no constant of the init file: uninstall.php loads it with the module inactive.
 *
 * The calls of each later feature (login attempts, sessions, inactivity) live in a trait of their own under
 * libraries/gateway/ that this class `use`s; the traits call $this->call() / $this->store() / $this->sessions().
 */
final class Login_security_gateway
{
    use Login_security_lockout_calls;
    use Login_security_sessions_calls;
    use Login_security_inactivity_calls;

    public const EXTENSION = 'login_security';

    private static ?self $instance = null;

    /** @var object|null LoginSecurity\Store */
    private ?object $store = null;

    /** @var object|null LoginSecurity\Sessions */
    private ?object $sessions = null;

    private ?string $clientIp = null;

    private bool $failed = false;

    private bool $missingLogged = false;

    private function __construct()
    {
    }

    public static function instance(): self
    {
        return self::$instance ??= new self();
    }

    public function isAvailable(): bool
    {
        return extension_loaded(self::EXTENSION);
    }

    /** True once a call of this request failed (extension missing or LoginSecurity\Exception). */
    public function hadError(): bool
    {
        return $this->failed;
    }

    /** What an admin page should say about the extension, or null when all went well so far. */
    public function notice(): ?string
    {
        if (!$this->isAvailable()) {
            return _l('login_security_extension_missing');
        }

        return $this->failed ? _l('login_security_database_error') : null;
    }

    /** The extension's version, or null. */
    public function version(): ?string
    {
        return $this->call('version', static function () {
            return (string) \LoginSecurity\version();
        }, null);
    }

    /**
     * What a database migrated by this extension is marked with ("1.0.0/5": version and schema version), so that a
     * new schema is migrated even when the version string did not change; null when unknown.
     */
    public function migrationTag(): ?string
    {
        return $this->call('schema_version', static function () {
            return \LoginSecurity\version() . '/' . \LoginSecurity\schema_version();
        }, null);
    }

    /** Creates or upgrades the tables; the schema version, or null on failure. */
    public function migrate(): ?int
    {
        return $this->call('migrate', function () {
            return (int) $this->store()->migrate();
        }, null);
    }

    public function dropSchema(): bool
    {
        return $this->call('dropSchema', function () {
            $this->store()->dropSchema();

            return true;
        }, false);
    }

    /**
     * Records a Login Log event with this request's client IP, user agent and the anonymisation setting (unless
     * the event gives them). The event id, or null when it could not be recorded.
     *
     * @param array<string, mixed> $event see Store::recordEvent
     */
    public function record(array $event): ?int
    {
        $event = $this->eventContext($event);

        return $this->call('recordEvent', function () use ($event) {
            return (int) $this->store()->recordEvent($event);
        }, null);
    }

    /**
     * An event as recordEvent() takes it, with this request's client IP, user agent and the anonymisation setting
     * (unless it gives them); nulls dropped.
     *
     * @param array<string, mixed> $event
     * @return array<string, mixed>
     */
    private function eventContext(array $event): array
    {
        return array_filter($event, static function ($value) {
            return $value !== null;
        }) + [
            'ip'           => $this->clientIp(),
            'user_agent'   => Login_security_request::userAgent(),
            'anonymize_ip' => Login_security_options::anonymizeIp(),
        ];
    }

    /** A Login Log event the extension would have recorded (it is missing): logged once per request, like any call. */
    public function notRecorded(): void
    {
        $this->call('recordEvent', static function () {
            return null;
        }, null);
    }

    /**
     * @param array<string, mixed> $filter
     * @return array{total: int, rows: list<array<string, mixed>>}
     */
    public function events(array $filter, int $page, int $perPage): array
    {
        $result = $this->call('events', function () use ($filter, $page, $perPage) {
            return $this->store()->events($filter, $page, $perPage);
        }, null);

        if (!is_array($result) || !isset($result['rows']) || !is_array($result['rows'])) {
            return ['total' => 0, 'rows' => []];
        }

        return ['total' => (int) ($result['total'] ?? 0), 'rows' => array_values($result['rows'])];
    }

    /**
     * @param array<string, mixed> $filter
     * @return list<array{day: string, success: int, failed: int}>
     */
    public function dailyCounts(array $filter, int $utcOffset): array
    {
        return $this->listCall('dailyCounts', function () use ($filter, $utcOffset) {
            return $this->store()->dailyCounts($filter, $utcOffset);
        });
    }

    /**
     * @param array<string, mixed> $filter
     * @return list<array<string, mixed>>
     */
    public function exportEvents(array $filter, int $limit): array
    {
        return $this->listCall('exportEvents', function () use ($filter, $limit) {
            return $this->store()->exportEvents($filter, $limit);
        });
    }

    /** Empties the log (the extension records who did it). Rows removed, or null on failure. */
    public function clearEvents(int $actorId, string $actorName): ?int
    {
        return $this->call('clearEvents', function () use ($actorId, $actorName) {
            return (int) $this->store()->clearEvents($actorId, $actorName);
        }, null);
    }

    /** Deletes events older than the retention; a purge that removed any is recorded. Rows removed, or null on failure. */
    public function purgeEvents(int $retentionDays): ?int
    {
        return $this->call('purgeEvents', function () use ($retentionDays) {
            return (int) $this->store()->purgeEvents($retentionDays, true);
        }, null);
    }

    /** @return list<array{key: string, label: string}> */
    public function searchUsers(string $term, int $limit): array
    {
        return $this->listCall('searchUsers', function () use ($term, $limit) {
            return $this->store()->searchUsers($term, $limit);
        });
    }

    /**
     * LoginSecurity\validate_settings(); null when the extension is missing or the call failed.
     *
     * @param array<string, string> $settings keys without the "login_security_" prefix
     * @return array{ok: bool, values: array<string, string>, errors: array<string, string>}|null
     */
    public function validateSettings(array $settings): ?array
    {
        $result = $this->call('validate_settings', static function () use ($settings) {
            return \LoginSecurity\validate_settings($settings);
        }, null);

        return is_array($result) ? $result : null;
    }

    /**
     * The settings as the extension defines them (LoginSecurity\settings_schema); [] without the extension.
     *
     * @return list<array<string, mixed>>
     */
    public function settingsSchema(): array
    {
        if (!$this->isAvailable()) {
            return []; // the settings tabs show the missing-extension notice instead; nothing to log
        }

        return $this->listCall('settings_schema', static function () {
            return \LoginSecurity\settings_schema();
        });
    }

    /**
     * One list of the extension's vocabulary (LoginSecurity\vocabulary(): "events", "reasons" …); [] without the
     * extension. The module names single values by the extension's classes (LoginSecurity\Event::LOGIN …).
     *
     * @return list<string>
     */
    public function vocabulary(string $list): array
    {
        static $vocabulary = null;
        if (!$this->isAvailable()) {
            $this->failed = true; // what depends on it cannot be done (an action says so); nothing to log

            return [];
        }
        $vocabulary ??= $this->call('vocabulary', static function () {
            return \LoginSecurity\vocabulary();
        }, []);

        return isset($vocabulary[$list]) && is_array($vocabulary[$list]) ? array_values($vocabulary[$list]) : [];
    }

    /** REMOTE_ADDR of this request, as captured when the module loaded. */
    public function remoteAddr(): string
    {
        return Login_security_request::remoteAddr();
    }

    /** The client's IP: REMOTE_ADDR, or a forwarded header when REMOTE_ADDR is a trusted proxy. */
    public function clientIp(): string
    {
        if ($this->clientIp !== null) {
            return $this->clientIp;
        }
        $remote = Login_security_request::remoteAddr();
        if (!$this->isAvailable()) {
            return $this->clientIp = $remote;
        }
        $headers = Login_security_request::forwardedHeaders();
        $proxies = Login_security_options::trustedProxies();
        $ip      = $this->call('client_ip', static function () use ($remote, $headers, $proxies) {
            return (string) \LoginSecurity\client_ip($remote, $headers, $proxies);
        }, $remote);

        return $this->clientIp = $ip;
    }

    /** @return object LoginSecurity\Store */
    private function store(): object
    {
        return $this->store ??= new \LoginSecurity\Store(Login_security_db_config::fromPerfex());
    }

    /** @return object LoginSecurity\Sessions */
    private function sessions(): object
    {
        return $this->sessions ??= new \LoginSecurity\Sessions(Login_security_db_config::fromPerfex());
    }

    /** @return list<mixed> */
    private function listCall(string $operation, callable $fn): array
    {
        $result = $this->call($operation, $fn, []);

        return is_array($result) ? array_values($result) : [];
    }

    /**
     * Runs one extension call; on any failure logs it and returns $default. Never throws.
     *
     * @param mixed $default
     * @return mixed
     */
    private function call(string $operation, callable $fn, $default)
    {
        if (!$this->isAvailable()) {
            $this->failed = true;
            if (!$this->missingLogged) {
                $this->missingLogged = true;
                error_log('[login_security] ' . $operation . ' skipped: the login_security PHP extension is not loaded');
            }

            return $default;
        }

        try {
            return $fn();
        } catch (Throwable $e) {
            $this->failed = true;
            $message      = preg_replace('/\s+/', ' ', $e->getMessage()) ?? '';
            error_log(sprintf('[login_security] %s failed: %s: %s', $operation, get_class($e), substr($message, 0, 500)));

            return $default;
        }
    }
}
