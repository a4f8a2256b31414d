<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Login attempts (lockouts): the gateway's calls of LoginSecurity\Store::claimLogin / loginFailed / loginSucceeded /
 * accountStatus / lockedAccounts / reenable (see the stub). Every call fails open: on an error it is logged and the
 * verdict is "allowed" — our failure never refuses a login. Every setting is passed as stored; the extension reads
 * invalid or missing values as their defaults.
 */
trait Login_security_lockout_calls
{
    /** @var array<string, string>|null */
    private ?array $lockoutSettings = null;

    /**
     * Counts this login attempt BEFORE the password is checked, atomically for the account Perfex will authenticate
     * (the extension resolves the e-mail as typed with Perfex's own lookup) and the client IP, and says whether the
     * password may be checked; a refused attempt is recorded by the extension (a 'failed' event, with why).
     * "busy": the attempt lost to concurrent ones even after retries and was not counted — it is refused (no
     * password is checked uncounted). Only an extension or database that fails outright is let through (Perfex
     * cannot check a password without its database either).
     *
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, ip_locked_now: bool, blocked_now: bool, user_id: int|null, claim: string}
     */
    public function claimLogin(string $userType, string $identifier): array
    {
        $ip       = $this->clientIp();
        $settings = $this->lockoutSettings();
        $refused  = $this->refusedEvent($userType, null, $identifier, \LoginSecurity\Method::FORM);

        // The extension retries a deadlocked claim itself (nothing is counted twice).
        return self::lockoutVerdict($this->call('claimLogin', function () use ($userType, $identifier, $ip, $settings, $refused) {
            return $this->store()->claimLogin($userType, $identifier, $ip, $settings, $refused);
        }, null));
    }

    /**
     * A login attempt Perfex refused ($reason: wrong_password, unknown_account, inactive_account, or invalid_form when
     * its form validation checked no password), under the claim its attempt got (null: none, e.g. lockouts off).
     * The extension records the failure and the lockout or block the claim set, in one transaction. Returns that
     * lock ('status' locked / blocked, or '' when none) and, for a block, the administrators to notify.
     *
     * @return array{status: string, scope: string, until: int|null, notify: list<int>}
     */
    public function loginFailed(string $userType, ?string $claim, string $reason, ?int $userId, string $identifier): array
    {
        $failed = $this->eventContext([
            'event' => \LoginSecurity\Event::FAILED, 'user_type' => $userType, 'user_id' => $userId, 'identifier' => $identifier, 'reason' => $reason,
        ]);
        $lock = $this->call('loginFailed', function () use ($claim, $failed) {
            return $this->store()->loginFailed($claim, $failed);
        }, null);
        $lock = is_array($lock) ? $lock : [];

        return [
            'status' => in_array($lock['status'] ?? '', [\LoginSecurity\Verdict::LOCKED, \LoginSecurity\Verdict::BLOCKED], true) ? $lock['status'] : '',
            'scope'  => is_string($lock['scope'] ?? null) ? $lock['scope'] : '',
            'until'  => isset($lock['until']) && is_numeric($lock['until']) ? (int) $lock['until'] : null,
            'notify' => isset($lock['notify']) && is_array($lock['notify']) ? array_map('intval', array_values($lock['notify'])) : [],
        ];
    }

    /**
     * The moment of login of account $userId (its password, and any 2FA code, were right). $claim is the `claim` of
     * the verdict its attempt got from claimLogin(); $sameRequest says that attempt was claimed in this request.
     * What that claim counted is taken back; the verdict refuses a blocked account, and a locked one unless its
     * password was checked under this request's own claim. A refusal is recorded by the extension, as a login by
     * $method with $identifier typed.
     *
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, ip_locked_now: bool, blocked_now: bool, user_id: int|null, claim: string}
     */
    public function loginSucceeded(string $userType, int $userId, ?string $claim, bool $sameRequest, string $method, string $identifier): array
    {
        $settings = $this->lockoutSettings();
        $refused  = $this->refusedEvent($userType, $userId, $identifier, $method);

        return self::lockoutVerdict($this->call('loginSucceeded', function () use ($userType, $userId, $claim, $sameRequest, $settings, $refused) {
            return $this->store()->loginSucceeded($userType, $userId, $settings, $claim, $sameRequest, $refused);
        }, null));
    }

    /**
     * The standing of account $userId now, nothing counted (a user who arrived by the remember-me cookie); a refusal
     * is recorded by the extension.
     *
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, ip_locked_now: bool, blocked_now: bool, user_id: int|null, claim: string}
     */
    public function accountStatus(string $userType, int $userId): array
    {
        $settings = $this->lockoutSettings();
        $refused  = $this->refusedEvent($userType, $userId, '', \LoginSecurity\Method::REMEMBER_ME);

        return self::lockoutVerdict($this->call('accountStatus', function () use ($userType, $userId, $settings, $refused) {
            return $this->store()->accountStatus($userType, $userId, $settings, $refused);
        }, null));
    }

    /**
     * Blocks administrator $staffId has not been told of, at most once per 10 minutes (atomic in the extension):
     * count = how many to tell now (marked as told), pending = some wait for the next time.
     *
     * @return array{count: int, pending: bool}
     */
    public function announceBlocks(int $staffId): array
    {
        $due = $this->call('announceBlocks', function () use ($staffId) {
            return $this->store()->announceBlocks($staffId);
        }, null);

        return ['count' => is_array($due) ? (int) ($due['count'] ?? 0) : 0, 'pending' => is_array($due) && !empty($due['pending'])];
    }

    /**
     * Accounts, unknown identifiers and IPs locked now or blocked, most recent failure first.
     *
     * @return list<array{kind: string, subject: string, user_id: int|null, user_name: string, email: string, failures: int,
     *                    lockouts: int, locked_until: int|null, blocked_at: int|null, last_failure: int|null, last_ip: string}>
     */
    public function lockedAccounts(int $limit): array
    {
        $rows = [];
        foreach ($this->listCall('lockedAccounts', function () use ($limit) {
            return $this->store()->lockedAccounts($limit);
        }) as $row) {
            if (is_array($row) && isset($row['kind'], $row['subject'])) {
                $rows[] = $row;
            }
        }

        return $rows;
    }

    /**
     * Re-enables keys as lockedAccounts() lists them ("staff:<id>", "contact:<id>", "staff:?<fold>", "ip:<address>"),
     * or "staff:<e-mail>" / "contact:<e-mail>" (the account and every spelling of it).
     * How many had counters, or null on failure.
     *
     * @param list<string> $keys
     */
    public function reenable(array $keys): ?int
    {
        return $this->call('reenable', function () use ($keys) {
            return (int) $this->store()->reenable(array_values($keys));
        }, null);
    }

    /**
     * The 'failed' event the extension records when it refuses a login (it sets the reason and the account).
     *
     * @return array<string, mixed>
     */
    private function refusedEvent(string $userType, ?int $userId, string $identifier, string $method): array
    {
        return $this->eventContext([
            'event' => \LoginSecurity\Event::FAILED, 'user_type' => $userType, 'user_id' => $userId, 'identifier' => $identifier,
            'method' => $method, 'reason' => \LoginSecurity\Reason::LOCKED_OUT,
        ]);
    }

    /** @return array<string, string> every setting as stored, keys without the module prefix (the extension reads what it needs) */
    private function lockoutSettings(): array
    {
        if ($this->lockoutSettings === null) {
            $this->lockoutSettings = [];
            foreach (array_keys(Login_security_options::schema()) as $key) {
                $this->lockoutSettings[$key] = Login_security_options::get($key);
            }
        }

        return $this->lockoutSettings;
    }

    /**
     * @param mixed $result what claimLogin / loginSucceeded / accountStatus returned (null on failure)
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, ip_locked_now: bool, blocked_now: bool, user_id: int|null, claim: string}
     */
    private static function lockoutVerdict($result): array
    {
        $result = is_array($result) ? $result : [];
        $status = $result['status'] ?? '';
        $known  = [\LoginSecurity\Verdict::ALLOWED, \LoginSecurity\Verdict::LOCKED, \LoginSecurity\Verdict::BLOCKED, \LoginSecurity\Verdict::BUSY];

        return [
            'status'      => in_array($status, $known, true) ? $status : \LoginSecurity\Verdict::ALLOWED,
            'until'       => isset($result['until']) && is_numeric($result['until']) ? (int) $result['until'] : null,
            'remaining'   => isset($result['remaining']) && is_numeric($result['remaining']) ? (int) $result['remaining'] : null,
            'scope'       => is_string($result['scope'] ?? null) ? $result['scope'] : '',
            'locked_now'    => !empty($result['locked_now']),
            'ip_locked_now' => !empty($result['ip_locked_now']),
            'blocked_now'   => !empty($result['blocked_now']),
            'user_id'       => isset($result['user_id']) && is_numeric($result['user_id']) && (int) $result['user_id'] > 0 ? (int) $result['user_id'] : null,
            'claim'         => is_string($result['claim'] ?? null) ? $result['claim'] : '',
        ];
    }
}
