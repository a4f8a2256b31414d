<?php
/**
 * Base of the Login Sessions module tests (issue 4): every test starts with no session, ban, Login Log event or
 * remember-me row, and the session settings at their defaults. Helpers read the module's sessions table, act as the
 * administrator, and check that a browser is signed in or was signed out with a message.
 *
 * A test also fails when the module wrote a "[login_security]" line to the server log (a call of the extension
 * failed).
 */

declare(strict_types=1);

abstract class SessionsTestCase extends ModuleTestCase
{
    protected const SESSIONS_URI = 'admin/login_security/sessions';

    private bool $adminSignedIn = false;

    protected function setUp(): void
    {
        parent::setUp();
        foreach (['login_security_sessions', 'login_security_bans', 'login_security_events', 'login_security_attempts', 'user_auto_login'] as $table) {
            self::db()->query('DELETE FROM ' . self::table($table));
        }
        self::setOptions(['session_single_staff' => '0', 'session_single_customers' => '0', 'session_idle_minutes' => '30',
            'session_end_on_password_change' => '1', 'inactivity_enabled' => '0']);
    }

    protected function tearDown(): void
    {
        $log = $this->serverLog();
        parent::tearDown();
        $this->assertSame([], array_values(preg_grep('/\[login_security\]/', explode("\n", $log))), 'a call of the extension failed');
    }

    /** Rows of the module's sessions table (oldest first), with the public id as live() shows it. */
    protected static function sessions(string $where = '1', array $params = []): array
    {
        $result = self::db()->execute_query('SELECT *, LOWER(LEFT(HEX(token_hash), 32)) AS public_id FROM '
            . self::table('login_security_sessions') . " WHERE $where ORDER BY created_at, public_id", $params);

        return $result->fetch_all(MYSQLI_ASSOC);
    }

    /** The live (not ended) sessions of a user. */
    protected static function openSessions(string $userType, int $userId): array
    {
        return self::sessions('user_type = ? AND user_id = ? AND ended_at IS NULL', [$userType, $userId]);
    }

    /** The token our module keeps in a browser's PHP session for a user type (null when none). */
    protected static function tokenOf(StandinBrowser $browser, string $userType = 'staff'): ?string
    {
        $row = self::row('SELECT data FROM ' . self::table('sessions') . ' WHERE id = ?', [(string) $browser->sessionId()]);
        $key = 'login_security_session_' . $userType;

        return $row !== null && preg_match('/' . $key . '\|a:2:\{s:7:"user_id";i:\d+;s:5:"token";s:64:"([0-9a-f]{64})";\}/', $row['data'], $m) ? $m[1] : null;
    }

    /** The public id (as the Login Sessions list shows it) of a browser's session. */
    protected static function publicIdOf(StandinBrowser $browser, string $userType = 'staff'): string
    {
        $token = self::tokenOf($browser, $userType);
        self::assertNotNull($token, 'the browser has no session token');

        return substr(hash('sha256', $token), 0, 32);
    }

    /** How many of Perfex's session rows (any regenerated id) carry the user. */
    protected static function phpSessionRows(string $userType, int $userId): int
    {
        $key = $userType === 'staff' ? 'staff_user_id' : 'contact_user_id';
        $row = self::row('SELECT COUNT(*) AS n FROM ' . self::table('sessions') . ' WHERE data LIKE ?',
            ['%' . $key . '|s:' . strlen((string) $userId) . ':"' . $userId . '";%']);

        return (int) $row['n'];
    }

    protected static function autologinRows(int $userId, bool $staff): int
    {
        $row = self::row('SELECT COUNT(*) AS n FROM ' . self::table('user_auto_login') . ' WHERE user_id = ? AND staff = ?', [$userId, (int) $staff]);

        return (int) $row['n'];
    }

    /** A browser signed in as a demo staff member ($key of Seed::STAFF). */
    protected function staffBrowser(string $name, string $key = 'staff', bool $remember = false, ?StandinServer $server = null): StandinBrowser
    {
        $browser  = $this->browser($name, $server);
        $response = $browser->loginStaff(self::staff($key)['email'], self::staff($key)['password'], $remember);
        $this->assertRedirectsTo($server?->url('admin/') ?? 'admin/', $response);

        return $browser;
    }

    /** A browser signed in as the demo contact. */
    protected function contactBrowser(string $name, bool $remember = false): StandinBrowser
    {
        $browser  = $this->browser($name);
        $response = $browser->loginContact(self::contact('contact')['email'], self::contact('contact')['password'], $remember);
        $this->assertTrue($response->isRedirect() && !str_contains((string) $response->location(), 'authentication'), 'the contact could not log in');

        return $browser;
    }

    /** The administrator's browser, signed in once per test. */
    protected function admin(): StandinBrowser
    {
        if (!$this->adminSignedIn) {
            $this->staffBrowser('admin', 'admin');
            $this->adminSignedIn = true;
        }

        return $this->browser('admin');
    }

    /** An admin action (POST with CSRF) on the Login Sessions page; returns the alert it leads to. */
    protected function adminAction(string $action, array $fields): string
    {
        $response = $this->admin()->post(self::SESSIONS_URI . '/' . $action, $fields);
        $this->assertRedirectsTo(self::SESSIONS_URI, $response);

        return implode(' ', self::alerts($this->admin()->get(self::SESSIONS_URI)->body));
    }

    protected function assertSignedIn(StandinBrowser $browser, string $path = 'admin/'): void
    {
        $response = $browser->get($path);
        $this->assertSame(200, $response->status, "expected to be signed in at $path");
    }

    /** The next request lands on the login page, which says why (once). */
    protected function assertSignedOutWith(StandinBrowser $browser, string $message, string $path = 'admin/', string $login = 'admin/authentication'): void
    {
        $response = $browser->get($path);
        $this->assertTrue($response->isRedirect(), "expected a sign-out at $path, got HTTP {$response->status}");
        $this->assertStringContainsString($login, (string) $response->location());
        $page = $browser->follow($response);
        $this->assertStringContainsString($message, html_entity_decode(self::notice($page->body)), 'the login page says why');
        $this->assertSame('', self::notice($browser->get($login)->body), 'the notice is shown once');
    }

    /** The signed-out notice of a login page ('' when none). */
    protected static function notice(string $html): string
    {
        return preg_match('#<div[^>]*id="login-security-signed-out"[^>]*>(.*?)</div>#s', $html, $m) ? trim($m[1]) : '';
    }

    /** @return list<string> the texts of the page's alerts */
    protected static function alerts(string $html): array
    {
        preg_match_all('#<div class="alert alert-\w+" role="alert">(.*?)</div>#s', $html, $m);

        return array_map(static fn ($t) => html_entity_decode(trim($t)), $m[1]);
    }

    /** Login Log events of one user, oldest first. */
    protected static function userEvents(string $userType, int $userId): array
    {
        return array_reverse(self::events('user_type = ? AND user_id = ?', [$userType, $userId]));
    }
}
