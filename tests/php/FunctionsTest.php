<?php
use PHPUnit\Framework\TestCase;

final class FunctionsTest extends TestCase
{
    public function testVersionIsSemver(): void
    {
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+$/', LoginSecurity\version());
    }

    public function testUserAgentIsSummarised(): void
    {
        $ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
        $this->assertSame(['device' => 'desktop', 'browser' => 'Chrome', 'browser_version' => '124.0', 'os' => 'Windows',
            'os_version' => '10'], LoginSecurity\parse_user_agent($ua));
    }

    public function testBinaryHugeAndEmptyUserAgentsAreAccepted(): void
    {
        $this->assertSame('unknown', LoginSecurity\parse_user_agent("\xff\xfe\x00" . str_repeat('A', 65536))['device']);
        $this->assertSame('unknown', LoginSecurity\parse_user_agent('')['device']);
        $this->assertSame('bot', LoginSecurity\parse_user_agent('Googlebot/2.1 (+http://www.google.com/bot.html)')['device']);
    }

    public function testForwardedHeadersCountOnlyFromIpList(): void
    {
        $headers = ['HTTP_X_FORWARDED_FOR' => '198.51.100.1', 'X-Real-IP' => '198.51.100.2'];
        $this->assertSame('203.0.113.9', LoginSecurity\client_ip('203.0.113.9', $headers, "10.0.0.0/8\n"));
        $this->assertSame('198.51.100.1', LoginSecurity\client_ip('10.1.2.3', $headers, "10.0.0.0/8\n"));
        $this->assertSame('203.0.113.9', LoginSecurity\client_ip('203.0.113.9', $headers, 'garbage list'));
    }

    public function testAnonymisation(): void
    {
        $this->assertSame('192.0.2.0', LoginSecurity\anonymize_ip('192.0.2.200'));
        $this->assertSame('2001:db8:1::', LoginSecurity\anonymize_ip('2001:db8:1:2::3'));
        $this->assertSame('', LoginSecurity\anonymize_ip('nope'));
    }

    public function testSettingsValidationSaysWhatIsWrong(): void
    {
        $r = LoginSecurity\validate_settings(['log_retention_days' => 'abc', 'anonymize_ip' => '1', 'trusted_proxies' => "10.0.0.1\n::1", 'unknown' => 'x']);
        $this->assertFalse($r['ok']);
        $this->assertSame(['code' => 'not_a_number', 'params' => ['abc', 'unit:days', '1', '3650'],
            'message' => '"abc" is not a number; enter a whole number of days from 1 to 3650'], $r['errors']['log_retention_days']);
        $this->assertSame(['anonymize_ip' => '1', 'trusted_proxies' => "10.0.0.1\n::1"], $r['values']);
        $this->assertTrue(LoginSecurity\validate_settings(['log_retention_days' => 30])['ok']);
    }

    public function testWrongArgumentTypeIsATypeError(): void
    {
        $this->expectException(TypeError::class);
        LoginSecurity\client_ip('1.2.3.4', 'not an array', '');
    }
}
