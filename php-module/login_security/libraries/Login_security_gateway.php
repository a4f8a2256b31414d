<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/Login_security_db_config.php';
require_once __DIR__ . '/Login_security_request.php';

/**
 * The only PHP that calls the login_security extension (namespace LoginSecurity: stubs/login_security.stub.php says
 * what each call takes and returns). It alone decides what happens when the extension is missing or a call fails:
 * the error goes to the PHP log (never with credentials), the caller gets a safe default, and Perfex keeps working —
 * a login is never refused because of our failure. Each method is one extension call with this request's context
 * (client IP, user agent, settings) added; the results are the extension's own, unchanged.
 *
 * Needs no constant of the init file: uninstall.php loads it with the module inactive.
 */
final class Login_security_gateway
{
    public const EXTENSION = 'login_security';

    private static ?self $instance = null;

    /** @var object|null LoginSecurity\Store */
    private ?object $store = null;

    /** @var object|null LoginSecurity\Sessions */
    private ?object $sessions = null;

    private ?string $clientIp = null;

    /** @var array<string, string>|null */
    private ?array $settings = null;

    private bool $failed = false;

    private bool $missingLogged = false;

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

    // --- the extension's functions ---------------------------------------------------------------------------

    public function version(): ?string
    {
        return $this->call('version', static fn () => \LoginSecurity\version(), null);
    }

    /** "<version>/<schema version>", what a migrated database is marked with (a new schema migrates on the same version). */
    public function migrationTag(): ?string
    {
        return $this->call('schema_version', static fn () => \LoginSecurity\version() . '/' . \LoginSecurity\schema_version(), null);
    }

    /** @param array<string, string> $settings keys without the "login_security_" prefix */
    public function validateSettings(array $settings): ?array
    {
        return $this->call('validate_settings', static fn () => \LoginSecurity\validate_settings($settings), null);
    }

    /** @return list<array<string, mixed>> [] without the extension (the settings tabs say so; nothing to log) */
    public function settingsSchema(): array
    {
        return $this->isAvailable() ? $this->call('settings_schema', static fn () => \LoginSecurity\settings_schema(), []) : [];
    }

    /**
     * One list of the extension's vocabulary ("events", "reasons" …; the module names single values by the classes,
     * LoginSecurity\Event::LOGIN …); [] without the extension (what depends on it cannot be done: an action says so).
     *
     * @return list<string>
     */
    public function vocabulary(string $list): array
    {
        static $vocabulary = null;
        if (!$this->isAvailable()) {
            $this->failed = true;

            return [];
        }
        $vocabulary ??= $this->call('vocabulary', static fn () => \LoginSecurity\vocabulary(), []);

        return $vocabulary[$list] ?? [];
    }

    /** REMOTE_ADDR of this request, as captured when the module loaded. */
    public function remoteAddr(): string
    {
        return Login_security_request::remoteAddr();
    }

    /** The client's IP: REMOTE_ADDR, or a forwarded header when REMOTE_ADDR is a trusted proxy. */
    public function clientIp(): string
    {
        if ($this->clientIp === null) {
            $remote         = Login_security_request::remoteAddr();
            $headers        = Login_security_request::forwardedHeaders();
            $proxies        = Login_security_options::trustedProxies();
            $this->clientIp = !$this->isAvailable() ? $remote
                : $this->call('client_ip', static fn () => \LoginSecurity\client_ip($remote, $headers, $proxies), $remote);
        }

        return $this->clientIp;
    }

    // --- LoginSecurity\Store: schema, Login Log ----------------------------------------------------------------

    /** The schema version, or null on failure. */
    public function migrate(): ?int
    {
        return $this->store('migrate');
    }

    public function dropSchema(): bool
    {
        return $this->call('dropSchema', fn () => $this->db()->dropSchema() ?? true, false);
    }

    /** @param array<string, mixed> $event see Store::recordEvent; this request's IP and user agent unless it gives them */
    public function record(array $event): ?int
    {
        return $this->store('recordEvent', $this->eventContext($event));
    }

    /** An event the missing extension would have recorded: logged once per request, like any call. */
    public function notRecorded(): void
    {
        $this->call('recordEvent', static fn () => null, null);
    }

    /** @return array{total: int, rows: list<array<string, mixed>>} */
    public function events(array $filter, int $page, int $perPage): array
    {
        return $this->store('events', $filter, $page, $perPage) ?? ['total' => 0, 'rows' => []];
    }

    public function dailyCounts(array $filter, int $utcOffset): array
    {
        return $this->store('dailyCounts', $filter, $utcOffset) ?? [];
    }

    public function exportEvents(array $filter, int $limit): array
    {
        return $this->store('exportEvents', $filter, $limit) ?? [];
    }

    /** Empties the log (the extension records who did it): rows removed, or null. */
    public function clearEvents(int $actorId, string $actorName): ?int
    {
        return $this->store('clearEvents', $actorId, $actorName);
    }

    /** Deletes events older than the retention and records the purge: rows removed, or null. */
    public function purgeEvents(int $retentionDays): ?int
    {
        return $this->store('purgeEvents', $retentionDays, true);
    }

    public function searchUsers(string $term, int $limit): array
    {
        return $this->store('searchUsers', $term, $limit) ?? [];
    }

    // --- LoginSecurity\Store: login attempts (hooks/lockout.php) ----------------------------------------------

    /**
     * Counts this login attempt BEFORE its password is checked (see Store::claimLogin); the extension records a
     * refusal. Fails open: "allowed" with no claim.
     *
     * @return array<string, mixed> the verdict
     */
    public function claimLogin(string $userType, string $identifier): array
    {
        $refused = $this->eventContext(['event' => \LoginSecurity\Event::FAILED, 'user_type' => $userType, 'identifier' => $identifier,
            'method' => \LoginSecurity\Method::FORM, 'reason' => \LoginSecurity\Reason::LOCKED_OUT]);

        return $this->store('claimLogin', $userType, $identifier, $this->clientIp(), $this->settings(), $refused)
            ?? ['status' => \LoginSecurity\Verdict::ALLOWED, 'until' => null, 'scope' => '', 'user_id' => null, 'claim' => ''];
    }

    /**
     * A login attempt Perfex refused ($reason: wrong_password, unknown_account, inactive_account, invalid_form) under
     * the claim its attempt got: the failure and the lockout or block that claim set are recorded in one call.
     *
     * @return array{status: string, scope: string, until: int|null, notify: list<int>} status '' when nothing locked
     */
    public function loginFailed(string $userType, ?string $claim, string $reason, ?int $userId, string $identifier): array
    {
        $failed = $this->eventContext(['event' => \LoginSecurity\Event::FAILED, 'user_type' => $userType, 'user_id' => $userId,
            'identifier' => $identifier, 'reason' => $reason]);

        return $this->store('loginFailed', $claim, $failed) ?? ['status' => '', 'scope' => '', 'until' => null, 'notify' => []];
    }

    /** @return array{count: int, pending: bool} blocks to tell administrator $staffId of now, at most once per 10 minutes */
    public function announceBlocks(int $staffId): array
    {
        return $this->store('announceBlocks', $staffId) ?? ['count' => 0, 'pending' => false];
    }

    public function lockedAccounts(int $limit): array
    {
        return $this->store('lockedAccounts', $limit) ?? [];
    }

    /** @param array{actor_id: int, actor_name: string} $actor reenable() that records what it lifted: the names, or null */
    public function reenableRecorded(array $keys, array $actor): ?array
    {
        return $this->store('reenableRecorded', array_values($keys), $this->eventContext($actor));
    }

    // --- LoginSecurity\Sessions --------------------------------------------------------------------------------

    /**
     * A login (form / two_factor, with the e-mail typed), a remember-me arrival (remember_me, with its cookie's md5
     * key) or a session taken over (""): the extension decides — the lockout by account id first ($claim of this
     * login's attempt, $sameRequest: claimed in this request), then bans and single login — and records it. The
     * decision, with 'until' always set; null when it could not answer (Perfex's login stands).
     *
     * @return array<string, mixed>|null
     */
    public function login(string $userType, int $userId, string $method, string $identifier, ?string $autologinKey, ?int $liveWindow,
                          ?string $claim = null, bool $sameRequest = false): ?array
    {
        $lockout  = ['settings' => $this->settings(), 'claim' => $claim, 'same_request' => $sameRequest];
        $decision = $this->sessions('login', $userType, $userId, $method, $identifier, $this->clientIp(), Login_security_request::userAgent(),
            $autologinKey, $liveWindow, self::passwordRuleOffset(), Login_security_options::anonymizeIp(), $lockout);

        return $decision === null ? null : $decision + ['until' => null];
    }

    /** @return array{ip: string, user_agent: string, anonymize_ip: bool} what the Login Log records of this request */
    public function requestLog(): array
    {
        return ['ip' => $this->clientIp(), 'user_agent' => Login_security_request::userAgent(), 'anonymize_ip' => Login_security_options::anonymizeIp()];
    }

    /** The user whose remember-me token the module revoked (the refused arrival is recorded), or null. */
    public function revokedRememberMe(string $autologinKey): ?array
    {
        return $this->sessions('revokedRememberMe', $autologinKey, self::passwordRuleOffset(), $this->requestLog());
    }

    public function bindAutologin(string $token, string $autologinKey): bool
    {
        return $this->sessions('bindAutologin', $token, $autologinKey) ?? false;
    }

    /** The session of $token changed its own user's password since $since: it survives that change. */
    public function acceptPasswordChange(string $token, int $since): bool
    {
        return $this->sessions('acceptPasswordChange', $token, $since, (int) date('Z')) ?? false;
    }

    /** The per-request check (Sessions::check), or null when the extension could not answer (the request goes on). */
    public function checkSession(string $token, ?int $idleLimit, bool $activity, ?int $liveWindow = null, ?string $autologinKey = null): ?array
    {
        return $this->sessions('check', $token, $idleLimit, $activity, $liveWindow, $autologinKey, self::passwordRuleOffset(),
            Login_security_options::anonymizeIp());
    }

    /** Ends one session (with $log, see requestLog(), recording its logout): its duration, or null when not active. */
    public function endSession(string $token, string $reason, string $by, ?array $log = null): ?int
    {
        return $this->sessions('end', $token, $reason, $by, $log);
    }

    /** Ends a user's sessions but the ones kept (Sessions::endUser): their durations, or null on failure. */
    public function endUserSessions(string $userType, int $userId, string $reason, string $by, ?string $keepToken = null,
                                    ?string $keepPhpSession = null, ?string $keepAutologin = null, ?array $log = null): ?array
    {
        return $this->sessions('endUser', $userType, $userId, $reason, $by, $keepToken, $keepPhpSession, $keepAutologin, $log);
    }

    /** Ends the session live() shows as $publicId, only when it is $owner's if given (Sessions::endById), or null. */
    public function endSessionById(string $publicId, string $reason, string $by, ?string $owner = null, ?array $log = null): ?array
    {
        return $this->sessions('endById', $publicId, $reason, $by, $owner, $log);
    }

    /** Why that session of the user was signed out from elsewhere (Sessions::endedWhy), or null. */
    public function sessionEndedWhy(string $userType, int $userId, string $publicId): ?array
    {
        return $this->sessions('endedWhy', $userType, $userId, $publicId);
    }

    public function liveSessions(string $userType, string $user, int $idleSeconds, int $limit): array
    {
        return $this->sessions('live', $userType, $user, $idleSeconds, $limit) ?? [];
    }

    /** When the ban ends (unix time), or null on failure. */
    public function banUser(string $userType, int $userId, int $minutes, string $reason, string $by): ?int
    {
        return $this->sessions('ban', $userType, $userId, $minutes, $reason, $by);
    }

    /** True when there was a ban, false when not, null on failure. */
    public function liftBan(string $userType, int $userId): ?bool
    {
        return $this->sessions('liftBan', $userType, $userId);
    }

    public function bans(string $user): array
    {
        return $this->sessions('bans', $user) ?? [];
    }

    /** Ends sessions idle for $idleSeconds (cron); the extension records each end. */
    public function expireStaleSessions(int $idleSeconds): array
    {
        return $this->sessions('expireStale', $idleSeconds, true) ?? [];
    }

    /** The browser's heartbeat: real activity of the session now; false when not active or on failure. */
    public function touchSession(string $token): bool
    {
        return $this->sessions('touch', $token) ?? false;
    }

    // --- the machinery ----------------------------------------------------------------------------------------

    /**
     * An event with this request's client IP, user agent and the anonymisation setting unless it gives them; nulls
     * dropped.
     */
    private function eventContext(array $event): array
    {
        return array_filter($event, static fn ($value) => $value !== null) + $this->requestLog();
    }

    /** @return array<string, string> every setting as stored, keys without the prefix (the extension reads what it needs) */
    private function settings(): array
    {
        if ($this->settings === null) {
            $this->settings = [];
            foreach (array_keys(Login_security_options::schema()) as $key) {
                $this->settings[$key] = Login_security_options::get($key);
            }
        }

        return $this->settings;
    }

    /**
     * The password rule's argument: PHP's UTC offset (Perfex writes last_password_change in local time with date()),
     * or null when "End other sessions after a password change" is off.
     */
    private static function passwordRuleOffset(): ?int
    {
        return Login_security_options::endSessionsOnPasswordChange() ? (int) date('Z') : null;
    }

    /** @return mixed LoginSecurity\Store::$method(...$args), or null on failure */
    private function store(string $method, ...$args)
    {
        return $this->call($method, fn () => $this->db()->$method(...$args), null);
    }

    /** @return mixed LoginSecurity\Sessions::$method(...$args), or null on failure */
    private function sessions(string $method, ...$args)
    {
        return $this->call('Sessions::' . $method, function () use ($method, $args) {
            $this->sessions ??= new \LoginSecurity\Sessions(Login_security_db_config::fromPerfex());

            return $this->sessions->$method(...$args);
        }, null);
    }

    /** @return object LoginSecurity\Store, built once per request */
    private function db(): object
    {
        return $this->store ??= new \LoginSecurity\Store(Login_security_db_config::fromPerfex());
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
