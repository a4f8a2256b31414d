<?php
/**
 * IDE stubs of the login_security PHP extension (written in Rust).
 *
 * Kept by hand and checked against the built extension by tests/php/StubsTest.php (names, parameters, types).
 * All times are UTC unix timestamps (seconds) unless said otherwise.
 *
 * @generated never — edit with care and run the test suite.
 */

namespace LoginSecurity {

    /**
     * Base class of every exception the extension throws. Messages never contain credentials.
     * The extension's exceptions are thrown by it only: they cannot be instantiated from PHP.
     */
    class Exception extends \Exception {
        public function __construct() {}
    }

    /** The database could not be reached or a statement failed. Logins must go on: callers log it and continue. */
    class DatabaseException extends Exception {
        public function __construct() {}
    }

    /** An argument was malformed (unknown event type, bad filter, bad configuration key ...). */
    class InvalidArgumentException extends Exception {
        public function __construct() {}
    }

    /** The extension's version, e.g. "1.0.0". */
    function version(): string {}

    /**
     * Parses a User-Agent header. Any bytes are accepted: the text is cut to 512 bytes, invalid UTF-8 is replaced
     * and NUL bytes removed before parsing. Results are cached per process.
     *
     * @return array{device: string, browser: string, browser_version: string, os: string, os_version: string}
     *   device is one of "desktop", "mobile", "tablet", "bot", "unknown".
     */
    function parse_user_agent(string $user_agent): array {}

    /**
     * The client's IP address. $remote_addr is $_SERVER['REMOTE_ADDR']; forwarded headers are believed only when
     * $remote_addr is inside one of $trusted_proxies (IPs or CIDRs, IPv4 or IPv6, separated by commas, spaces or
     * new lines). $headers maps header names (any case; "X-Forwarded-For", "X-Real-IP", "CF-Connecting-IP", or
     * their $_SERVER forms "HTTP_X_FORWARDED_FOR" ...) to values. X-Forwarded-For is walked from the right,
     * skipping trusted proxies. Returns the normalised address, or $remote_addr unchanged when nothing better is
     * known ("" stays "").
     */
    function client_ip(string $remote_addr, array $headers, string $trusted_proxies): string {}

    /** IPv4 → /24 (last octet zeroed), IPv6 → /48. Anything that is not an IP address is returned as "". */
    function anonymize_ip(string $ip): string {}

    /**
     * Validates the module's settings. Keys are option names without the "login_security_" prefix; values are
     * what the form posted. Unknown keys are ignored.
     *
     * @return array{ok: bool, values: array<string, string>, errors: array<string, array{code: string, params: list<string>, message: string}>}
     *   values: the normalised values of the known keys (only meaningful when ok);
     *   errors: key => what is wrong and what is allowed, as a code for the module's language file ("not_a_number",
     *   "out_of_range", "not_yes_no", "too_long", "not_an_ip", "bad_prefix", "too_many_ips", "warning_too_long"),
     *   its values in order (a value "unit:<name>" names a unit, to translate too) and the English text.
     */
    function validate_settings(array $settings): array {}

    /**
     * The module's settings as the extension defines them, in the order the tabs show them: key (without the
     * "login_security_" prefix), kind ("int", "bool", "ip_list", "text"), default (as stored), min / max (int: the
     * range; text: max is the length), unit (int: "days", "minutes", "failed_attempts" …), lines (text: 1 is a
     * one-line input, more a text area), tab ("general", "lockout", "sessions", "inactivity") and section (the group
     * within the tab). The module keeps no copy: its options, fields and validation all come from this.
     *
     * @return list<array{key: string, kind: string, default: string, min: int|null, max: int|null, unit: string|null, lines: int|null, tab: string, section: int}>
     */
    function settings_schema(): array {}

    /**
     * The vocabulary as lists (Store::recordEvent refuses anything else): the values of the classes UserType, Event,
     * Method, Reason, EndReason and Verdict below, in order.
     *
     * @return array{events: list<string>, user_types: list<string>, methods: list<string>, reasons: list<string>, end_reasons: list<string>, verdicts: list<string>}
     */
    function vocabulary(): array {}

    /** Whose login. */
    final class UserType {
        /** Never needed: the class only holds constants. */
        public function __construct() {}

        public const STAFF = 'staff';
        public const CONTACT = 'contact';
    }

    /** What a Login Log row records. */
    final class Event {
        /** Never needed: the class only holds constants. */
        public function __construct() {}

        public const LOGIN = 'login';
        /** A refused or failed login (see Reason). */
        public const FAILED = 'failed';
        public const LOGOUT = 'logout';
        /** An attempt locked an account or an IP (details "account:<until>" / "ip:<until>"). */
        public const LOCKOUT = 'lockout';
        /** An attempt blocked an account until an administrator re-enables it. */
        public const BLOCKED = 'blocked';
        public const REENABLED = 'reenabled';
        public const LOG_CLEARED = 'log_cleared';
        public const PURGED = 'purged';
    }

    /** How a login happened. */
    final class Method {
        /** Never needed: the class only holds constants. */
        public function __construct() {}

        public const FORM = 'form';
        public const TWO_FACTOR = 'two_factor';
        public const REMEMBER_ME = 'remember_me';
    }

    /** Why a login failed. */
    final class Reason {
        /** Never needed: the class only holds constants. */
        public function __construct() {}

        public const WRONG_PASSWORD = 'wrong_password';
        public const UNKNOWN_ACCOUNT = 'unknown_account';
        public const INACTIVE_ACCOUNT = 'inactive_account';
        /** Refused before any password was checked: the account or the IP is locked. */
        public const LOCKED_OUT = 'locked_out';
        public const BLOCKED = 'blocked';
        /** Counted, but Perfex's form validation refused it: no password was checked. */
        public const INVALID_FORM = 'invalid_form';
        /** A remember-me cookie whose session was ended (or whose password changed since). */
        public const REVOKED = 'revoked';
    }

    /** Why a session ended. */
    final class EndReason {
        /** Never needed: the class only holds constants. */
        public function __construct() {}

        public const LOGOUT = 'logout';
        public const IDLE = 'idle';
        public const FORCED = 'forced';
        public const BANNED = 'banned';
        /** Refused at login: single login, another session is live. */
        public const REJECTED = 'rejected';
        public const EXPIRED = 'expired';
        public const PASSWORD_CHANGED = 'password_changed';
    }

    /** The status of a lockout verdict (Store::claimLogin, Store::loginFailed, Sessions::login). */
    final class Verdict {
        /** Never needed: the class only holds constants. */
        public function __construct() {}

        public const ALLOWED = 'allowed';
        public const LOCKED = 'locked';
        public const BLOCKED = 'blocked';
        /** The attempt lost to concurrent ones and was not counted: refuse it, never check it. */
        public const BUSY = 'busy';
    }

    /** The schema version Store::migrate() brings a database to; read without touching the database. */
    function schema_version(): int {}

    /**
     * The extension's view of one Perfex database. Construction does not connect: each PHP process keeps one
     * connection pool per distinct configuration, opened lazily on first use and reused across requests.
     */
    final class Store {
        /**
         * @param array{host: string, port?: int, socket?: string|null, user: string, password: string,
         *              database: string, prefix?: string} $config
         *   host "localhost" with a socket connects over the socket; any other host uses TCP (never silently
         *   the socket). prefix is Perfex's db_prefix() (default "tbl"; letters, digits and _ only).
         * @throws InvalidArgumentException for a missing key or an invalid prefix
         */
        public function __construct(array $config) {}

        /** Creates or upgrades the module's tables (idempotent). Returns the schema version now in place. */
        public function migrate(): int {}

        /** Drops every table of the module (uninstall). */
        public function dropSchema(): void {}

        /**
         * Records one Login Log event and returns its id.
         *
         * @param array{
         *   event: string,            // "login" | "logout" | "failed" | "lockout" | "blocked" | "reenabled"
         *                             // | "log_cleared" | "purged"
         *   user_type?: string,       // "staff" | "contact" | "" (unknown account / system)
         *   user_id?: int|null,
         *   identifier?: string,      // as typed (e-mail); stored cut to 191 characters, plus a normalised copy
         *   method?: string,          // login: "form" | "two_factor" | "remember_me"
         *   reason?: string,          // failed: "wrong_password" | "unknown_account" | "inactive_account"
         *                             // | "locked_out" | "blocked" (refused before the password was checked)
         *   ip?: string,
         *   user_agent?: string,      // parsed here; any bytes accepted (see parse_user_agent)
         *   anonymize_ip?: bool,      // store the /24 or /48 network instead of the address
         *   duration?: int|null,      // logout: seconds since the login
         *   end_reason?: string,      // logout: "logout" | "idle" | "forced" | "banned" | "rejected" | "expired"
         *   actor_id?: int|null,      // the staff member who did an admin action
         *   actor_name?: string,
         *   details?: string,
         *   at?: int                  // default: now
         * } $event
         * @throws InvalidArgumentException for an unknown event, user type, method or reason
         * @throws DatabaseException
         */
        public function recordEvent(array $event): int {}

        /**
         * One page of the Login Log, newest first.
         *
         * @param array{user?: string, identifier?: string, from?: int, to?: int, event?: string, ip?: string} $filter
         *   user: "staff:ID" or "contact:ID"; from/to: unix times, inclusive; event: an event name or "" for all;
         *   ip: an exact address.
         * @return array{total: int, rows: list<array<string, mixed>>}
         *   each row: id, at (unix), user_type, user_id, user_name, identifier, event, method, reason, ip,
         *   user_agent, device, browser, browser_version, os, os_version, duration, end_reason, actor_name, details.
         */
        public function events(array $filter, int $page, int $per_page): array {}

        /**
         * Successful and failed logins per day over the filter (the user/ip/from/to parts of it).
         * $utc_offset is the seconds east of UTC of the day boundaries (e.g. date('Z')).
         *
         * @return list<array{day: string, success: int, failed: int}>  day is "YYYY-MM-DD", days without events
         *   included, from the filter's first to its last day (at most 366 days, ending at "to").
         */
        public function dailyCounts(array $filter, int $utc_offset): array {}

        /** All events of the filter, newest first, at most $limit rows (rows as in events()). */
        public function exportEvents(array $filter, int $limit): array {}

        /** Empties the Login Log and records one "log_cleared" event naming the actor. Returns the rows removed. */
        public function clearEvents(int $actor_id, string $actor_name): int {}

        /**
         * Deletes events older than $retention_days days (in batches). Returns the rows removed. With $record, a purge
         * that removed any is recorded: event "purged", details how many.
         */
        public function purgeEvents(int $retention_days, ?bool $record = null): int {}

        /**
         * Staff members and contacts whose name or e-mail contains $term (at most $limit).
         *
         * @return list<array{key: string, label: string}>  key "staff:ID" / "contact:ID", label "Name <email>".
         */
        public function searchUsers(string $term, int $limit): array {}

        /**
         * Counts one login attempt BEFORE the password is checked (atomically, for the account and the IP) and says
         * whether the password may be checked. A refused attempt is not counted. $kind is "staff" or "contact";
         * $identifier is the e-mail exactly as posted (any bytes): it is trimmed as Perfex's form validation does and
         * resolved with Perfex's own lookup (`WHERE email = ?` on tblstaff / tblcontacts, so under the column's
         * collation), and the account's counter is keyed by its id — every spelling the database treats as equal is
         * one account. An e-mail that matches no account is counted under its collation weight, so every spelling of
         * it shares one counter too. $settings are the module's options without the "login_security_" prefix
         * (lockout_* keys; invalid or missing values read as defaults). Nothing is counted when lockouts are off for
         * $kind or $ip is allow-listed. When the attempt blocks an account, its remember-me rows are deleted.
         *
         * @return array{status: string, until: int|null, remaining: int|null, scope: string, locked_now: bool,
         *               ip_locked_now: bool, blocked_now: bool, user_id: int|null, claim: string}
         *   status "allowed" | "locked" (until: unix time) | "blocked" (an administrator must re-enable) | "busy" (the
         *   attempt lost to concurrent ones even after retries and was not counted: refuse it, never check it);
         *   scope "account" | "ip" | "" — which counter refused, or which one this attempt locked (until: its end);
         *   remaining: attempts left including this one; locked_now / blocked_now: this attempt used the account's
         *   last retry / last lockout; ip_locked_now: this attempt used the IP's last attempt; user_id: the account
         *   the e-mail resolved to; claim: what this attempt counted (opaque), for loginFailed() / Sessions::login().
         *   Two round trips: one statement resolves the e-mail and reads the counters, one writes them only if none
         *   changed since (or records the refusal). A parallel attempt that got there first makes it run again in a
         *   transaction that locks the counters first (READ COMMITTED); conflicts there (deadlocks, Galera
         *   certification failures) are retried inside, bounded.
         *
         * @param array<string, mixed>|null $refused a 'failed' event as recordEvent() takes it: a refused attempt is
         *   recorded with it in the claim's transaction (reason "locked_out" or "blocked", user_id the account).
         */
        public function claimLogin(string $kind, mixed $identifier, string $ip, array $settings, ?array $refused = null): array {}

        /**
         * A failed login attempt ($failed: its 'failed' event as recordEvent() takes it, with the reason Perfex
         * gave) under the $claim its attempt got from claimLogin() (null: none). Records it and — when that claim
         * used the account's last retry or last lockout, or the IP's last attempt — the 'lockout' (details
         * "account:<until>" / "ip:<until>") or 'blocked' event, in one transaction.
         *
         * @param array<string, mixed> $failed
         * @return array{status: string, scope: string, until: int|null, notify: list<int>}
         *   status "locked" | "blocked" | "" (this attempt locked nothing); notify: for a block, the ids of Perfex's
         *   active administrators to tell (admin = 1, active = 1), the blocked staff member left out.
         */
        public function loginFailed(?string $claim, array $failed): array {}

        /**
         * Blocks administrator $staff_id has not been told of, at most one notification per 10 minutes: "count" =
         * how many to tell now (they are marked as told), "pending" = some are still to be told later (not due
         * yet). Atomic: parallel blocks are each counted once, two requests of one administrator never both tell.
         * An administrator's own block is not news to them.
         *
         * @return array{count: int, pending: bool}
         */
        public function announceBlocks(int $staff_id): array {}

        /**
         * Accounts, unknown identifiers and IPs locked now or blocked, most recent failure first.
         *
         * Keys: "staff:<id>" / "contact:<id>" for accounts (user_id, user_name and email from Perfex),
         * "staff:?<hash>" / "contact:?<hash>" for e-mails that match no account (email: the spelling last typed),
         * "ip:<address>".
         *
         * @return list<array{kind: string, subject: string, user_id: int|null, user_name: string, email: string,
         *                    failures: int, lockouts: int, locked_until: int|null, blocked_at: int|null,
         *                    last_failure: int|null, last_ip: string}>
         */
        public function lockedAccounts(int $limit): array {}

        /**
         * Re-enables keys: "staff:<id>" / "contact:<id>" / "staff:?<fold>" as lockedAccounts() lists them,
         * "ip:<address>", or "staff:<e-mail>" / "contact:<e-mail>" (the account and every spelling of the address).
         * For each one lockedAccounts() lists now it records one "reenabled" event — $event (the actor, the request's
         * ip and user agent, as recordEvent() takes them) with that row's user type, user id and name as identifier —
         * in the transaction that lifts them. Returns those names in the order named: the IP, the account's
         * e-mail, or the e-mail last typed for an address that matches no account.
         *
         * @return list<string>
         * @throws InvalidArgumentException for a malformed key or event
         */
        public function reenableRecorded(array $keys, array $event): array {}
    }

    /**
     * Login sessions, force logout and bans (same $config as Store; construction does not connect).
     * Tokens are 64 hex characters kept in the PHP session only; the database keeps their SHA-256.
     */
    final class Sessions {
        public function __construct(array $config) {}

        /**
         * A login by form or two-factor code ($method "form" / "two_factor", $identifier the e-mail typed; before
         * Perfex sets its session), a remember-me arrival ("remember_me": Perfex's autologin cookie logged the user
         * in, no hook fired; $autologin_key the md5 key id of its cookie) or the takeover of a session older than the
         * module (""): decided and recorded in ONE transaction. Refused when the user is banned or, with $live_window
         * (the single-login idle expiry, when single login applies), has a live session: a "logout" event with that
         * end reason and duration 0 is recorded. A remember-me token the module revoked (its newest session was
         * ended other than by Perfex's session expiry, or the password changed after it began; $utc_offset as for
         * check()) is refused too: its tbluser_auto_login row is deleted and a "failed" event with reason "revoked"
         * recorded. Otherwise a session starts with its "login" event (none for a takeover).
         *
         * With $lockout (['settings' => the module's settings without their prefix, 'claim' => the claim of this
         * login's attempt or null, 'same_request' => bool]) the lockout decides first, by the account's id. A form or
         * 2FA login: what the claim counted is taken back — a correct password on the last retry locks nothing and
         * never uses up the per-IP limit —; without a claim the account's failures are cleared; then it is refused
         * when the account is blocked, or locked unless 'same_request' (its password was checked under that claim in
         * this very request). A remember-me arrival counts nothing and is refused when the account is locked or
         * blocked. A refusal is recorded (a "failed" event, reason "locked_out" or "blocked") and no session starts.
         *
         * @param array{settings: array<string, string>, claim: string|null, same_request: bool}|null $lockout
         * @return array{state: string, token?: string, id?: string, reason?: string, until?: int}
         *   state "allowed" (token: for the PHP session only; id: its public id as live() shows it) |
         *   "refused" (reason banned|rejected, until: end of a ban) | "revoked" | "locked" (until) | "blocked".
         */
        public function login(string $user_type, int $user_id, string $method, string $identifier, string $ip, string $user_agent, ?string $autologin_key = null, ?int $live_window = null, ?int $utc_offset = null, ?bool $anonymize_ip = null, ?array $lockout = null): array {}

        /**
         * A request that Perfex did not log in although it carried an autologin cookie (its row is gone): the user
         * whose token it was when the module revoked it (its session was ended, or the password changed since). With
         * $log (ip, user_agent, anonymize_ip) that refused arrival is recorded in the same call: a "failed" event,
         * method "remember_me", reason "revoked".
         *
         * @return array{user_type: string, user_id: int}|null
         */
        public function revokedRememberMe(string $autologin_key, ?int $utc_offset = null, ?array $log = null): ?array {}

        /** Binds the remember-me row (md5 key id) a login just created to that login's session. */
        public function bindAutologin(string $token, string $autologin_key): bool {}

        /**
         * The session of $token changed its own user's password at $since (unix time) or later: it survives that
         * change. False when there was no such change.
         */
        public function acceptPasswordChange(string $token, int $since, int $utc_offset): bool {}

        /**
         * The per-request check: ONE indexed SELECT (the session, a ban of its user, the user's last password
         * change), plus a write only when last activity is due or the remember-me key is not bound yet, or the
         * session ends now. Last activity is written when $activity (a page or the heartbeat, never background AJAX)
         * and at least a sixtieth of the shortest idle rule has passed (1 s to 60 s); the idle end waits for that
         * interval too, so no session ends before $idle_limit of real inactivity.
         * $idle_limit: seconds of inactivity after which the session ends (null or 0: never). $live_window: the
         * single-login idle expiry in seconds, when single login applies. $autologin_key: md5 key id of this
         * request's autologin cookie. $utc_offset: date('Z') to apply the password rule; null: the rule is off (the
         * user's last_password_change is then not read). A session this check ends (idle, banned, password changed)
         * has its "logout" event recorded in the same transaction, with the session's IP (its network when
         * $anonymize_ip) and device.
         *
         * @return array{state: string, reason?: string, until?: int, started_at?: int}
         *   state "active" | "ended" (reason: logout|idle|forced|banned|rejected|expired|password_changed) |
         *   "banned" (until) | "idle" | "password_changed" (the password changed after the session began, not by
         *   it) | "unknown" (not a session of ours).
         */
        public function check(string $token, ?int $idle_limit, bool $activity, ?int $live_window = null, ?string $autologin_key = null, ?int $utc_offset = null, ?bool $anonymize_ip = null): array {}

        /** Records real activity now (the heartbeat); false when the session is not active. */
        public function touch(string $token): bool {}

        /**
         * Ends this session with a reason (one of the Login Log's end reasons); its duration in seconds, or null when
         * it was not active. With $log its "logout" event — user, e-mail and duration from the session's row; ip,
         * user_agent, anonymize_ip, actor_id, actor_name, details from $log (ip / user_agent absent: the session's
         * own) — is recorded in the same transaction.
         */
        public function end(string $token, string $reason, string $by, ?array $log = null): ?int {}

        /**
         * Ends every active session of a user except $keep_token's, deletes their rows in Perfex's tblsessions
         * (except $keep_php_session, the current session_id()) and tbluser_auto_login (except the md5 key
         * $keep_autologin). With $log (as for end()) each one's "logout" event is recorded in the same transaction.
         * Returns the durations (seconds) of the sessions ended.
         */
        public function endUser(string $user_type, int $user_id, string $reason, string $by, ?string $keep_token = null, ?string $keep_php_session = null, ?string $keep_autologin = null, ?array $log = null): array {}

        /**
         * Ends sessions without activity for $idle_secs (at least 60) with reason "expired" — run it from cron with
         * Perfex's session lifetime (sess_expiration, 28800 s by default). At most 1000 a call. With $record, each end
         * is recorded in the same transaction (a "logout" event, end reason "expired", the duration, no IP or device).
         *
         * @return list<array{user_type: string, user_id: int, duration: int}>  duration: login to last activity.
         */
        public function expireStale(int $idle_secs, ?bool $record = null): array {}

        /**
         * Ends the session whose public id live() shows — only when it is $owner's ("staff:ID" / "contact:ID"), if
         * given: checked in the same statement — and deletes exactly its own remember-me row and Perfex session rows.
         * With $log (as for end()) its "logout" event is recorded in the same transaction.
         *
         * @return array{user_type: string, user_id: int, duration: int}|null  null when no active session (of $owner) has that id.
         */
        public function endById(string $id, string $reason, string $by, ?string $owner = null, ?array $log = null): ?array {}

        /**
         * Why the session with public id $public_id of a user was signed out from elsewhere, for a browser that comes
         * back without its Perfex session (ending a user's sessions deletes those rows): one query of the session's row
         * and a ban in force. "banned" (until: the ban's end) while a ban is in force; "forced" when an admin or a ban
         * ended it; "logout" when it was signed out from another session or by a password reset. Null otherwise
         * (active, expired, ended by this browser itself, unknown).
         *
         * @return array{reason: string, until: int|null}|null
         */
        public function endedWhy(string $user_type, int $user_id, string $public_id): ?array {}

        /**
         * Live sessions (not ended, active within $idle_secs), newest activity first.
         *
         * @param string $user_type "" | "staff" | "contact"
         * @param string $user "" or "staff:ID" / "contact:ID"
         * @return list<array{id: string, user_type: string, user_id: int, user_name: string, email: string,
         *   ip: string, user_agent: string, device: string, browser: string, os: string, method: string,
         *   created_at: int, last_seen: int}>  id is a public handle (not the token).
         */
        public function live(string $user_type, string $user, int $idle_secs, int $limit): array {}

        /** Bans a user for $minutes (1 to 525600); returns when it ends. Call endUser() to end their sessions. */
        public function ban(string $user_type, int $user_id, int $minutes, string $reason, string $by): int {}

        /** Lifts a ban early; true when there was one. */
        public function liftBan(string $user_type, int $user_id): bool {}

        /**
         * Bans in force: of one user ("staff:ID" / "contact:ID") or all ("").
         *
         * @return list<array{user_type: string, user_id: int, until: int, reason: string, created_by: string}>
         */
        public function bans(string $user): array {}
    }
}
