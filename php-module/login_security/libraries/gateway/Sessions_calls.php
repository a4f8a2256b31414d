<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Login sessions, force logout and bans: the gateway's calls of LoginSecurity\Sessions (see the stub). Every call
 * fails open: on an error it is logged and the safe default returned (a request goes on, nothing is refused).
 * Raw tokens pass through here and live only in the PHP session; the extension stores their SHA-256.
 */
trait Login_security_sessions_calls
{
    /**
     * A login by form or two-factor code ($method form / two_factor, $identifier the e-mail typed), a remember-me
     * arrival (remember_me, with the md5 key of its cookie) or a session taken over (""): the extension decides and
     * records it in one call — the lockout first, by the account's id ($claim: what this login's attempt counted,
     * $sameRequest: counted in this request; see hooks/lockout.php), then bans and single login.
     * ['state' => 'allowed', 'token', 'id'] | ['state' => 'refused', 'reason', 'until'?] | ['state' => 'revoked'] |
     * ['state' => 'locked' | 'blocked', 'until'?], or null when it could not answer (fail open: Perfex's login stands).
     *
     * @return array<string, mixed>|null
     */
    public function login(string $userType, int $userId, string $method, string $identifier, ?string $autologinKey, ?int $liveWindow,
                          ?string $claim = null, bool $sameRequest = false): ?array
    {
        $ip      = $this->clientIp();
        $agent   = Login_security_request::userAgent();
        $lockout = ['settings' => $this->lockoutSettings(), 'claim' => $claim, 'same_request' => $sameRequest];
        $result  = $this->call('Sessions::login', function () use ($userType, $userId, $method, $identifier, $ip, $agent, $autologinKey, $liveWindow, $lockout) {
            return $this->sessions()->login($userType, $userId, $method, $identifier, $ip, $agent, $autologinKey, $liveWindow,
                self::passwordRuleOffset(), Login_security_options::anonymizeIp(), $lockout);
        }, null);
        $state = is_array($result) ? ($result['state'] ?? null) : null;
        if (in_array($state, [\LoginSecurity\Verdict::LOCKED, \LoginSecurity\Verdict::BLOCKED], true)) {
            return ['state' => $state, 'until' => isset($result['until']) ? (int) $result['until'] : null];
        }
        if ($state === 'allowed' && is_string($result['token'] ?? null) && is_string($result['id'] ?? null)) {
            return $result;
        }
        if ($state === 'refused' && is_string($result['reason'] ?? null)) {
            return ['state' => 'refused', 'reason' => $result['reason'], 'until' => isset($result['until']) ? (int) $result['until'] : null];
        }

        return $state === 'revoked' ? ['state' => 'revoked'] : null;
    }

    /**
     * What the Login Log records of a session this browser ends itself: this request's IP and user agent.
     *
     * @return array{ip: string, user_agent: string, anonymize_ip: bool}
     */
    public function requestLog(): array
    {
        return ['ip' => $this->clientIp(), 'user_agent' => Login_security_request::userAgent(), 'anonymize_ip' => Login_security_options::anonymizeIp()];
    }

    /**
     * A request Perfex did not log in despite its autologin cookie: the user whose token the module revoked (that
     * refused arrival is recorded by the same call), or null.
     *
     * @return array{user_type: string, user_id: int}|null
     */
    public function revokedRememberMe(string $autologinKey): ?array
    {
        $log  = $this->requestLog();
        $user = $this->call('Sessions::revokedRememberMe', function () use ($autologinKey, $log) {
            return $this->sessions()->revokedRememberMe($autologinKey, self::passwordRuleOffset(), $log);
        }, null);
        if (!is_array($user) || !in_array($user['user_type'] ?? null, [\LoginSecurity\UserType::STAFF, \LoginSecurity\UserType::CONTACT], true)) {
            return null;
        }

        return ['user_type' => (string) $user['user_type'], 'user_id' => (int) ($user['user_id'] ?? 0)];
    }

    /** Binds a remember-me row (md5 key id) to the session of $token. */
    public function bindAutologin(string $token, string $autologinKey): bool
    {
        return (bool) $this->call('Sessions::bindAutologin', function () use ($token, $autologinKey) {
            return $this->sessions()->bindAutologin($token, $autologinKey);
        }, false);
    }

    /** The session of $token changed its own user's password since $since (unix time): it survives that change. */
    public function acceptPasswordChange(string $token, int $since): bool
    {
        return (bool) $this->call('Sessions::acceptPasswordChange', function () use ($token, $since) {
            return $this->sessions()->acceptPasswordChange($token, $since, (int) date('Z'));
        }, false);
    }

    /**
     * The per-request check (one SELECT, which also reads the user's last password change): ['state' =>
     * active|ended|banned|idle|password_changed|unknown, 'reason'?, 'until'?, 'started_at'?], or null when the
     * extension could not answer (the request then goes on). $liveWindow: the single-login idle expiry when single
     * login applies (last activity is then written often enough for it); $autologinKey: md5 key id of this request's
     * remember-me cookie, bound to the session when it is not yet. A session it ends (idle, banned, password changed)
     * is recorded by the extension then.
     *
     * @return array<string, mixed>|null
     */
    public function checkSession(string $token, ?int $idleLimit, bool $activity, ?int $liveWindow = null, ?string $autologinKey = null): ?array
    {
        $state = $this->call('Sessions::check', function () use ($token, $idleLimit, $activity, $liveWindow, $autologinKey) {
            return $this->sessions()->check($token, $idleLimit, $activity, $liveWindow, $autologinKey, self::passwordRuleOffset(),
                Login_security_options::anonymizeIp());
        }, null);

        return is_array($state) && isset($state['state']) ? $state : null;
    }

    /**
     * The password rule's argument: PHP's UTC offset (Perfex writes last_password_change in local time with date()),
     * or null when "End other sessions after a password change" is off.
     */
    private static function passwordRuleOffset(): ?int
    {
        return Login_security_options::endSessionsOnPasswordChange() ? (int) date('Z') : null;
    }

    /**
     * Ends one session, and with $log (see requestLog()) records its logout event in the same call; its duration in
     * seconds, or null when it was not active.
     *
     * @param array<string, mixed>|null $log
     */
    public function endSession(string $token, string $reason, string $by, ?array $log = null): ?int
    {
        $duration = $this->call('Sessions::end', function () use ($token, $reason, $by, $log) {
            return $this->sessions()->end($token, $reason, $by, $log);
        }, null);

        return is_int($duration) ? $duration : null;
    }

    /**
     * Ends a user's sessions (all but $keepToken's) and removes their Perfex session rows (all but $keepPhpSession)
     * and remember-me rows (all but the md5 key $keepAutologin), recording each one's logout event with $log's
     * fields in the same call. The durations of the sessions ended, or null on failure.
     *
     * @param array<string, mixed>|null $log
     * @return list<int>|null
     */
    public function endUserSessions(string $userType, int $userId, string $reason, string $by, ?string $keepToken = null, ?string $keepPhpSession = null, ?string $keepAutologin = null, ?array $log = null): ?array
    {
        $durations = $this->call('Sessions::endUser', function () use ($userType, $userId, $reason, $by, $keepToken, $keepPhpSession, $keepAutologin, $log) {
            return $this->sessions()->endUser($userType, $userId, $reason, $by, $keepToken, $keepPhpSession, $keepAutologin, $log);
        }, null);

        return is_array($durations) ? array_map('intval', array_values($durations)) : null;
    }

    /**
     * Ends the session with the public id live() shows — only when it is $owner's ("staff:ID" / "contact:ID"), if
     * given: the extension checks that in the same statement — and records its logout event with $log's fields
     * (actor, details) in the same transaction.
     *
     * @param array<string, mixed>|null $log
     * @return array{user_type: string, user_id: int, duration: int}|null null when no active session (of $owner) has that id
     */
    public function endSessionById(string $publicId, string $reason, string $by, ?string $owner = null, ?array $log = null): ?array
    {
        $ended = $this->call('Sessions::endById', function () use ($publicId, $reason, $by, $owner, $log) {
            return $this->sessions()->endById($publicId, $reason, $by, $owner, $log);
        }, null);
        if (!is_array($ended)) {
            return null;
        }

        return ['user_type' => (string) ($ended['user_type'] ?? ''), 'user_id' => (int) ($ended['user_id'] ?? 0), 'duration' => (int) ($ended['duration'] ?? 0)];
    }

    /**
     * Why the session $publicId of the user was signed out from elsewhere (one query of its row and a ban in force),
     * or null: still active, expired, ended by this browser itself, or the extension could not answer.
     *
     * @return array{reason: string, until: int|null}|null
     */
    public function sessionEndedWhy(string $userType, int $userId, string $publicId): ?array
    {
        $why = $this->call('Sessions::endedWhy', function () use ($userType, $userId, $publicId) {
            return $this->sessions()->endedWhy($userType, $userId, $publicId);
        }, null);
        if (!is_array($why) || !is_string($why['reason'] ?? null)) {
            return null;
        }

        return ['reason' => $why['reason'], 'until' => isset($why['until']) ? (int) $why['until'] : null];
    }

    /**
     * Live sessions, newest activity first (see Sessions::live()).
     *
     * @return list<array<string, mixed>>
     */
    public function liveSessions(string $userType, string $user, int $idleSeconds, int $limit): array
    {
        return $this->listCall('Sessions::live', function () use ($userType, $user, $idleSeconds, $limit) {
            return $this->sessions()->live($userType, $user, $idleSeconds, $limit);
        });
    }

    /** Bans a user for $minutes; when the ban ends (unix time), or null on failure. */
    public function banUser(string $userType, int $userId, int $minutes, string $reason, string $by): ?int
    {
        $until = $this->call('Sessions::ban', function () use ($userType, $userId, $minutes, $reason, $by) {
            return $this->sessions()->ban($userType, $userId, $minutes, $reason, $by);
        }, null);

        return is_int($until) ? $until : null;
    }

    /** Lifts a ban early: true when there was one, false when not, null on failure. */
    public function liftBan(string $userType, int $userId): ?bool
    {
        $lifted = $this->call('Sessions::liftBan', function () use ($userType, $userId) {
            return $this->sessions()->liftBan($userType, $userId);
        }, null);

        return is_bool($lifted) ? $lifted : null;
    }

    /**
     * Bans in force, of one user ("staff:ID" / "contact:ID") or all ("").
     *
     * @return list<array{user_type: string, user_id: int, until: int, reason: string, created_by: string}>
     */
    public function bans(string $user): array
    {
        return $this->listCall('Sessions::bans', function () use ($user) {
            return $this->sessions()->bans($user);
        });
    }

    /**
     * Ends sessions without activity for $idleSeconds with reason "expired" (cron); the extension records each end.
     *
     * @return list<array{user_type: string, user_id: int, duration: int}>
     */
    public function expireStaleSessions(int $idleSeconds): array
    {
        return $this->listCall('Sessions::expireStale', function () use ($idleSeconds) {
            return $this->sessions()->expireStale($idleSeconds, true);
        });
    }
}
