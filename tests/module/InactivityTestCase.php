<?php
/**
 * Base of the Inactivity Logout module tests (issue 5): every test starts with no login session, event or attempt
 * counter, and Inactivity Logout on for staff and customers with a 2-minute timeout and a 30-second warning. Helpers
 * move a session's last activity into the past and read the pages. A test also fails when the module wrote a
 * "[login_security]" line to the server log (a call of the extension failed).
 */

declare(strict_types=1);

abstract class InactivityTestCase extends ModuleTestCase
{
    protected const SIGNED_OUT = 'You were signed out after 2 minutes of inactivity.';
    /** Timeout + grace, in seconds: how long the server lets a session idle. */
    protected const LIMIT = 2 * 60 + 60;

    protected function setUp(): void
    {
        parent::setUp();
        foreach (['login_security_sessions', 'login_security_events', 'login_security_attempts'] as $table) {
            self::db()->query('DELETE FROM ' . self::table($table));
        }
        self::setOptions(['inactivity_enabled' => '1', 'inactivity_staff' => '1', 'inactivity_customers' => '1',
            'inactivity_timeout_minutes' => '2', 'inactivity_warning_seconds' => '30', 'inactivity_message' => '']);
    }

    protected function tearDown(): void
    {
        $log = $this->serverLog();
        parent::tearDown();
        $this->assertSame([], array_values(preg_grep('/\[login_security\]/', explode("\n", $log))), 'a call of the extension failed');
    }

    protected function signInAdmin(): void
    {
        $this->assertRedirectsTo('admin/', $this->loginStaff('admin@example.com', 'Admin-demo-1'));
    }

    /** Moves the user's active session's last activity $seconds into the past. */
    protected static function idleFor(string $userType, int $userId, int $seconds): void
    {
        self::db()->execute_query('UPDATE ' . self::table('login_security_sessions') . ' SET last_seen = ? WHERE user_type = ? AND user_id = ? AND ended_at IS NULL',
            [time() - $seconds, $userType, $userId]);
        self::assertSame(1, self::db()->affected_rows, "one active $userType session");
    }

    protected static function session(string $userType, int $userId): array
    {
        $row = self::row('SELECT * FROM ' . self::table('login_security_sessions') . ' WHERE user_type = ? AND user_id = ? ORDER BY created_at DESC LIMIT 1', [$userType, $userId]);
        self::assertNotNull($row, "no $userType session");

        return $row;
    }

    protected static function lastSeen(string $userType, int $userId): int
    {
        return (int) self::session($userType, $userId)['last_seen'];
    }

    /** The signed-out notice of a login page, or null. */
    protected static function notice(string $html): ?string
    {
        $node = self::xpath($html)->query('//*[@id="login-security-signed-out"]')->item(0);

        return $node === null ? null : trim($node->textContent);
    }

    protected static function element(string $html): DOMElement
    {
        $node = self::xpath($html)->query('//*[@id="login-security-inactivity"]')->item(0);
        self::assertInstanceOf(DOMElement::class, $node, 'the page carries the Inactivity Logout element');

        return $node;
    }

    protected static function xpath(string $html): DOMXPath
    {
        $document = new DOMDocument();
        $previous = libxml_use_internal_errors(true);
        $document->loadHTML('<?xml encoding="UTF-8">' . $html);
        libxml_clear_errors();
        libxml_use_internal_errors($previous);

        return new DOMXPath($document);
    }
}
