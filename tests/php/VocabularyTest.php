<?php
use PHPUnit\Framework\TestCase;

/**
 * One vocabulary: the events, user types, methods, reasons and end reasons are defined by the extension
 * (LoginSecurity\vocabulary); the module names them by constants of its gateway only (it must run without the
 * extension). The two sets must be the same, constant by constant.
 */
final class VocabularyTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        defined('BASEPATH') or define('BASEPATH', __DIR__);
        $libraries = dirname(__DIR__, 2) . '/php-module/login_security/libraries';
        require_once "$libraries/Login_security_options.php";
        require_once "$libraries/Login_security_gateway.php";
    }

    /** @return array<string, array{0: string, 1: string}> */
    public static function kinds(): array
    {
        return ['events' => ['events', 'EVENT_'], 'user types' => ['user_types', 'USER_'], 'methods' => ['methods', 'METHOD_'],
            'reasons' => ['reasons', 'REASON_'], 'end reasons' => ['end_reasons', 'END_']];
    }

    /** @dataProvider kinds */
    public function testTheGatewayNamesExactlyTheExtensionsValues(string $list, string $prefix): void
    {
        $constants = [];
        foreach ((new ReflectionClass(Login_security_gateway::class))->getReflectionConstants() as $c) {
            if (str_starts_with($c->getName(), $prefix) && is_string($c->getValue())) {
                $constants[] = $c->getValue();
            }
        }
        $values = LoginSecurity\vocabulary()[$list];
        sort($constants);
        sort($values);
        $this->assertSame($values, $constants);
    }
}
