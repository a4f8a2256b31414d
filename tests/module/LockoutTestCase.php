<?php
/**
 * Base of the login-attempt (lockout) module tests: every test starts with no counters, an empty Login Log, no
 * notifications and the lockout settings at their defaults. Times are moved by editing the attempts table
 * (expireLockout) instead of sleeping.
 *
 * A test also fails when the module wrote a "[login_security]" line to the server log (a call of the extension
 * failed).
 */

declare(strict_types=1);

abstract class LockoutTestCase extends ModuleTestCase
{
    /** The lockout settings' defaults (install.php), keys without the "login_security_" prefix. */
    protected const DEFAULTS = [
        'lockout_staff_enabled' => '1', 'lockout_customers_enabled' => '1', 'lockout_retries' => '3',
        'lockout_minutes' => '3', 'lockout_max_lockouts' => '3', 'lockout_reset_hours' => '24',
        'lockout_ip_limit' => '20', 'lockout_allowlist' => '', 'trusted_proxies' => '',
        'lockout_last_block' => '',
    ];

    protected const LOCKED_URI = 'admin/login_security/locked_accounts';

    protected function setUp(): void
    {
        parent::setUp();
        foreach (['login_security_events', 'login_security_attempts', 'login_security_blocks', 'login_security_notices', 'notifications', 'activity_log'] as $table) {
            self::db()->query('DELETE FROM ' . self::table($table));
        }
        self::setOptions(static::DEFAULTS);
    }

    protected function tearDown(): void
    {
        $log = $this->serverLog();
        parent::tearDown();
        $this->assertSame([], array_values(preg_grep('/\[login_security\]/', explode("\n", $log))), 'a call of the extension failed');
    }

    /**
     * The stored subject of a key: an IP as it is; for "staff" / "contact", an e-mail becomes the id of the account
     * Perfex's lookup finds (`WHERE email = ?` under the table's collation), or — no account — the folded form the
     * extension keys it by: '?' + SHA-256 of the collation weight (no trailing spaces in what tests pass).
     */
    protected static function subject(string $kind, string $subject): string
    {
        if ($kind === 'ip' || !str_contains($subject, '@')) {
            return $subject;
        }
        [$table, $id] = $kind === 'staff' ? ['staff', 'staffid'] : ['contacts', 'id'];
        $found = self::row("SELECT $id AS id FROM " . self::table($table) . " WHERE email = ? ORDER BY $id LIMIT 1", [trim($subject)]);
        if ($found !== null) {
            return (string) $found['id'];
        }
        return '?' . self::row('SELECT SHA2(WEIGHT_STRING(CONVERT(? USING utf8mb4) COLLATE utf8mb4_unicode_ci), 256) AS h', [trim($subject)])['h'];
    }

    /** A key as the Locked accounts page posts it ("staff:2", "staff:?<hash>", "ip:…"). */
    protected static function key(string $kind, string $subject): string
    {
        return $kind . ':' . self::subject($kind, $subject);
    }

    /** The counters of one key ("staff", "contact" or "ip"; an account by any spelling of its e-mail), or null. */
    protected static function attempts(string $kind, string $subject): ?array
    {
        return self::row('SELECT failures, lockouts, locked_until, blocked_at, last_failure, INET6_NTOA(last_ip) AS last_ip FROM '
            . self::table('login_security_attempts') . ' WHERE kind = ? AND subject = ?', [$kind, self::subject($kind, $subject)]);
    }

    /** Every key with counters, as "kind:subject" — an account as its e-mail, an unknown address as typed last. */
    protected static function attemptKeys(): array
    {
        $result = self::db()->query('SELECT a.kind, a.subject, a.label, COALESCE(s.email, c.email) AS email FROM ' . self::table('login_security_attempts') . ' a'
            . ' LEFT JOIN ' . self::table('staff') . " s ON a.kind = 'staff' AND s.staffid = a.subject"
            . ' LEFT JOIN ' . self::table('contacts') . " c ON a.kind = 'contact' AND c.id = a.subject");
        $keys = array_map(fn ($r) => $r['kind'] . ':' . ($r['kind'] === 'ip' ? $r['subject'] : strtolower($r['email'] ?? $r['label'])),
            $result->fetch_all(MYSQLI_ASSOC));
        sort($keys);
        return $keys;
    }

    /** Ends a key's current lockout now (as if its time had passed). */
    protected static function expireLockout(string $kind, string $subject): void
    {
        self::db()->execute_query('UPDATE ' . self::table('login_security_attempts')
            . ' SET locked_until = UNIX_TIMESTAMP() - 1 WHERE kind = ? AND subject = ? AND locked_until IS NOT NULL', [$kind, self::subject($kind, $subject)]);
    }

    /** Blocks a key directly (as after its last lockout). */
    protected static function block(string $kind, string $subject): void
    {
        self::db()->execute_query('INSERT INTO ' . self::table('login_security_attempts')
            . ' (kind, subject, label, failures, lockouts, blocked_at, last_failure) VALUES (?, ?, ?, 0, 4, UNIX_TIMESTAMP(), UNIX_TIMESTAMP())'
            . ' ON DUPLICATE KEY UPDATE blocked_at = UNIX_TIMESTAMP(), locked_until = NULL', [$kind, self::subject($kind, $subject), $subject]);
    }

    /** How many "failed" events have this reason. */
    protected static function failures(string $reason): int
    {
        return count(self::events('event = ? AND reason = ?', ['failed', $reason]));
    }

    /** How many times Perfex checked a password and found it wrong (its own activity-log line). */
    protected static function passwordsRejectedByPerfex(): int
    {
        return (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('activity_log') . " WHERE description LIKE 'Failed Login Attempt%'")['n'];
    }

    /** $times wrong-password logins at the staff form, each from the browser $name; the last response. */
    protected function failStaff(string $email, int $times, string $name = 'attacker'): StandinResponse
    {
        $response = null;
        for ($i = 0; $i < $times; $i++) {
            $response = $this->browser($name)->loginStaff($email, 'wrong-password-' . $i);
        }
        return $response;
    }

    protected function failContact(string $email, int $times, string $name = 'attacker'): StandinResponse
    {
        $response = null;
        for ($i = 0; $i < $times; $i++) {
            $response = $this->browser($name)->loginContact($email, 'wrong-password-' . $i);
        }
        return $response;
    }

    /** The alerts the page after $response shows (its redirect followed), as text: type => message. */
    protected function alertsAfter(StandinResponse $response, string $browser = 'attacker'): array
    {
        $page = $this->browser($browser)->follow($response);
        $alerts = [];
        foreach (self::xpath($page->body)->query('//div[@role="alert"]') as $div) {
            $type = preg_replace('/^.*alert-(\w+).*$/', '$1', (string) $div->getAttribute('class'));
            $alerts[$type] = trim(preg_replace('/\s+/', ' ', $div->textContent));
        }
        return $alerts;
    }

    /** The message with its date and time replaced, to compare two messages given at different moments. */
    protected static function withoutTime(string $message): string
    {
        return preg_replace('/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?/', '<time>', $message);
    }

    protected function assertStaffLoggedIn(string $browser, bool $expected = true): void
    {
        $response = $this->browser($browser)->get('admin/');
        $this->assertSame($expected, $response->status === 200, $expected ? 'expected a logged-in staff member' : 'expected no login');
    }

    protected function assertContactLoggedIn(string $browser, bool $expected = true): void
    {
        $response = $this->browser($browser)->get('');
        $this->assertSame($expected, $response->status === 200,
            $expected ? 'expected a logged-in contact' : 'expected no contact login');
    }

    protected static function xpath(string $html): DOMXPath
    {
        $doc = new DOMDocument();
        libxml_use_internal_errors(true);
        $doc->loadHTML('<?xml encoding="UTF-8">' . $html);
        libxml_clear_errors();
        return new DOMXPath($doc);
    }
}
