<?php
/**
 * Login Log (issue 2): what the client says about itself. The IP is REMOTE_ADDR unless a trusted proxy forwards
 * it (Perfex's own ip_address() believes an X-Sucuri-ClientIP header from anyone), anonymised when asked; user
 * agents and identifiers of any size and encoding are stored safely and never stop a login.
 */

declare(strict_types=1);

require_once __DIR__ . '/LoginLogTestCase.php';

final class LoginLogClientTest extends LoginLogTestCase
{
    private const FORGED = ['X-Forwarded-For' => '203.0.113.9', 'X-Real-IP' => '203.0.113.10',
        'CF-Connecting-IP' => '203.0.113.11', 'X-Sucuri-ClientIP' => '198.51.100.7'];

    public function testForwardedHeadersFromAnUntrustedClientAreIgnored(): void
    {
        $this->browser()->headers = self::FORGED;

        $this->loginStaff('admin@example.com', 'wrong'); // Perfex's log_activity() calls ip_address() here
        $this->assertSame('127.0.0.1', self::lastEvent()['ip_text']);
        $this->loginAdmin();
        $this->assertSame('127.0.0.1', self::lastEvent()['ip_text']);
    }

    public function testTheForwardedClientIsBelievedFromATrustedProxy(): void
    {
        self::setOptions(['trusted_proxies' => "10.0.0.0/8\n127.0.0.1"]);
        $this->browser()->headers = ['X-Forwarded-For' => '203.0.113.9, 10.1.2.3'];

        $this->loginAdmin();

        $this->assertSame('203.0.113.9', self::lastEvent()['ip_text'], 'walked from the right, skipping trusted proxies');
    }

    public function testATrustedProxyDoesNotMakeTheSucuriHeaderBelievable(): void
    {
        self::setOptions(['trusted_proxies' => '127.0.0.1']);
        $this->browser()->headers = ['X-Sucuri-ClientIP' => '198.51.100.7'];

        $this->loginAdmin();

        $this->assertSame('127.0.0.1', self::lastEvent()['ip_text']);
    }

    public function testAnIpv6ClientBehindATrustedProxyIsRecorded(): void
    {
        self::setOptions(['trusted_proxies' => '127.0.0.0/8']);
        $this->browser()->headers = ['X-Real-IP' => '2001:DB8:1234:5678::1'];

        $this->loginAdmin();

        $this->assertSame('2001:db8:1234:5678::1', self::lastEvent()['ip_text']);
    }

    public function testAnonymisationKeepsOnlyTheNetwork(): void
    {
        self::setOptions(['anonymize_ip' => '1', 'trusted_proxies' => '127.0.0.1']);

        $this->browser()->headers = ['X-Forwarded-For' => '203.0.113.77'];
        $this->loginAdmin();
        $this->assertSame('203.0.113.0', self::lastEvent()['ip_text']);

        $this->browser('v6')->headers = ['X-Forwarded-For' => '2001:db8:1234:5678::1'];
        $this->browser('v6')->loginStaff('admin@example.com', 'wrong');
        $this->assertSame('2001:db8:1234::', self::lastEvent()['ip_text']);
    }

    public function testAnonymisationAppliesOnlyToNewEvents(): void
    {
        $this->loginAdmin();
        self::setOptions(['anonymize_ip' => '1']);
        $this->browser('later')->loginStaff('admin@example.com', 'wrong');

        $this->assertSame(['127.0.0.0', '127.0.0.1'], array_column(self::events(), 'ip_text'));
    }

    /** Over a raw socket: curl 7.88 garbles its Cookie header when the headers pass its size limit. */
    public function testAHugeUserAgentIsCutAndTheLoginGoesOn(): void
    {
        $response = $this->rawLogin('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 ' . str_repeat('A', 64 * 1024));

        $this->assertLoggedIn($response);
        $event = self::lastEvent('login');
        $this->assertSame(512, strlen($event['user_agent']));
        $this->assertStringStartsWith('Mozilla/5.0 (Windows NT 10.0', $event['user_agent']);
        $this->assertSame(['Windows', 'desktop'], [$event['os'], $event['device']]);
    }

    public function testInvalidUtf8InTheUserAgentIsReplaced(): void
    {
        $this->assertLoggedIn($this->rawLogin("Bad\xff\xfeAgent/1.0 \xc3\x28 ok"));

        $agent = self::lastEvent('login')['user_agent'];
        $this->assertTrue(mb_check_encoding($agent, 'UTF-8'), 'valid UTF-8');
        $this->assertSame("Bad\u{FFFD}\u{FFFD}Agent/1.0 \u{FFFD}( ok", $agent);
    }

    /** PHP's built-in server cuts a header at a NUL byte (php-fpm behind a web server may pass it on). */
    public function testANulByteInTheUserAgentNeverReachesTheLog(): void
    {
        $this->assertLoggedIn($this->rawLogin("Nul\x00Agent"));

        $this->assertStringNotContainsString("\0", self::lastEvent('login')['user_agent']);
    }

    public function testTheLongestValidEmailIsStoredCutAndTheAccountStillFound(): void
    {
        $email = str_repeat('a', 64) . '@' . implode('.', array_fill(0, 3, str_repeat('b', 60))) . '.com';
        $this->assertSame(251, strlen($email));
        $this->assertNotFalse(filter_var($email, FILTER_VALIDATE_EMAIL), 'the login form accepts it');

        $this->loginStaff($email, 'x');

        $event = self::lastEvent();
        $this->assertSame(['failed', 'unknown_account'], [$event['event'], $event['reason']]);
        $this->assertSame(substr($email, 0, 191), $event['identifier']);
    }

    public function testAnIdentifierIsStoredAsTypedAndMatchedNormalised(): void
    {
        $this->loginStaff('ADMIN@Example.COM', 'wrong');

        $event = self::lastEvent();
        $this->assertSame(['ADMIN@Example.COM', 'admin@example.com', 1], [$event['identifier'], $event['identifier_norm'], $event['user_id']]);
    }

    private function assertLoggedIn(string $response): void
    {
        $this->assertMatchesRegularExpression('#^HTTP/1\.1 303 .*\r\nLocation: http://127\.0\.0\.1:\d+/admin/\r\n#s', $response,
            'the login went on');
    }

    /**
     * A staff login sent over a raw socket, so that the User-Agent can carry any bytes (curl stops at a NUL).
     * Returns the raw response head.
     */
    private function rawLogin(string $userAgent): string
    {
        $token = bin2hex(random_bytes(16));
        $body  = http_build_query(['email' => 'admin@example.com', 'password' => self::staff('admin')['password'], 'csrf_token_name' => $token]);
        $port  = self::$server->port;
        $socket = stream_socket_client("tcp://127.0.0.1:$port", $errno, $error, 5);
        $this->assertNotFalse($socket, $error);
        fwrite($socket, "POST /admin/authentication HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nUser-Agent: $userAgent\r\n"
            . "Cookie: csrf_cookie_name=$token\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            . 'Content-Length: ' . strlen($body) . "\r\nConnection: close\r\n\r\n$body");
        $response = stream_get_contents($socket);
        fclose($socket);

        return (string) $response;
    }
}
