<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Login attempts (lockouts): the gateway's calls of LoginSecurity\Store::claimLogin / loginStatus / loginSucceeded /
 * lockedAccounts / reenable (see the stub). Every call fails open: on an error it is logged and the verdict is
 * "allowed" — our failure never refuses a login. The lockout_* options are passed as they are; the extension reads
 * invalid or missing values as their defaults.
 */
trait Login_security_lockout_calls
{
    /** @var array<string, string>|null */
    private ?array $lockoutSettings = null;

    /**
     * Counts this login attempt BEFORE the password is checked, atomically for the account and the client IP, and
     * says whether the password may be checked.
     *
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, blocked_now: bool}
     */
    public function claimLogin(string $userType, string $identifier): array
    {
        $ip       = $this->clientIp();
        $settings = $this->lockoutSettings();

        // The extension retries a deadlocked claim itself (nothing is counted twice).
        return self::lockoutVerdict($this->call('claimLogin', function () use ($userType, $identifier, $ip, $settings) {
            return $this->store()->claimLogin($userType, $identifier, $ip, $settings);
        }, null));
    }

    /**
     * The same verdict without counting anything (a login whose password was checked, the 2FA step, remember-me).
     *
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, blocked_now: bool}
     */
    public function loginStatus(string $userType, string $identifier): array
    {
        $ip       = $this->clientIp();
        $settings = $this->lockoutSettings();

        return self::lockoutVerdict($this->call('loginStatus', function () use ($userType, $identifier, $ip, $settings) {
            return $this->store()->loginStatus($userType, $identifier, $ip, $settings);
        }, null));
    }

    /**
     * A successful login: the account's failures are cleared (a block stays). $claim is the verdict of this login's
     * own claimLogin() and $ip the address it was claimed from: what that claim counted is taken back (a lock or
     * block it set on the account; its attempt on the IP, so correct logins never use up the per-IP limit).
     *
     * @param array<string, mixed>|null $claim
     */
    public function loginSucceeded(string $userType, string $identifier, ?array $claim = null, ?string $ip = null): bool
    {
        $ip       = $ip ?? $this->clientIp();
        $settings = $this->lockoutSettings();

        return $this->call('loginSucceeded', function () use ($userType, $identifier, $claim, $ip, $settings) {
            $this->store()->loginSucceeded($userType, $identifier, $ip, $settings, $claim);

            return true;
        }, false);
    }

    /**
     * The verdict for a logged-in user by id (one who arrived by the remember-me cookie), nothing counted.
     *
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, blocked_now: bool}
     */
    public function loginStatusOfUser(string $userType, int $userId): array
    {
        $ip       = $this->clientIp();
        $settings = $this->lockoutSettings();

        return self::lockoutVerdict($this->call('loginStatusOfUser', function () use ($userType, $userId, $ip, $settings) {
            return $this->store()->loginStatusOfUser($userType, $userId, $ip, $settings);
        }, null));
    }

    /** @return list<int> the ids of Perfex's active administrators (none on failure) */
    public function activeAdminIds(): array
    {
        return array_map('intval', $this->listCall('activeAdminIds', function () {
            return $this->store()->activeAdminIds();
        }));
    }

    /**
     * Accounts, unknown identifiers and IPs locked now or blocked, most recent failure first.
     *
     * @return list<array{kind: string, subject: string, user_id: int|null, user_name: string, failures: int,
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
     * Re-enables keys "staff:<e-mail>", "contact:<e-mail>", "ip:<address>" (as lockedAccounts() shows them).
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

    /** @return array<string, string> the lockout_* options, keys without the module prefix */
    private function lockoutSettings(): array
    {
        if ($this->lockoutSettings === null) {
            $this->lockoutSettings = [];
            foreach (array_keys(Login_security_options::SETTINGS) as $key) {
                if (strpos($key, 'lockout_') === 0) {
                    $this->lockoutSettings[$key] = Login_security_options::get($key);
                }
            }
        }

        return $this->lockoutSettings;
    }

    /**
     * @param mixed $result what claimLogin / loginStatus returned (null on failure)
     * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool, blocked_now: bool}
     */
    private static function lockoutVerdict($result): array
    {
        $result = is_array($result) ? $result : [];
        $status = $result['status'] ?? '';
        $known  = [self::VERDICT_ALLOWED, self::VERDICT_LOCKED, self::VERDICT_BLOCKED];

        return [
            'status'      => in_array($status, $known, true) ? $status : self::VERDICT_ALLOWED,
            'until'       => isset($result['until']) && is_numeric($result['until']) ? (int) $result['until'] : null,
            'remaining'   => isset($result['remaining']) && is_numeric($result['remaining']) ? (int) $result['remaining'] : null,
            'scope'       => is_string($result['scope'] ?? null) ? $result['scope'] : '',
            'locked_now'    => !empty($result['locked_now']),
            'ip_locked_now' => !empty($result['ip_locked_now']),
            'blocked_now'   => !empty($result['blocked_now']),
        ];
    }
}
