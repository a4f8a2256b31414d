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

    /** One test over the five lists (no data provider: the same file runs under PHPUnit 9, 11 and 13). */
    public function testTheGatewayNamesExactlyTheExtensionsValuesOfEveryList(): void
    {
        $lists = ['events' => 'EVENT_', 'user_types' => 'USER_', 'methods' => 'METHOD_', 'reasons' => 'REASON_', 'end_reasons' => 'END_'];
        $vocabulary = LoginSecurity\vocabulary();
        foreach ($lists as $list => $prefix) {
            $constants = [];
            foreach ((new ReflectionClass(Login_security_gateway::class))->getReflectionConstants() as $c) {
                if (str_starts_with($c->getName(), $prefix) && is_string($c->getValue())) {
                    $constants[] = $c->getValue();
                }
            }
            $values = $vocabulary[$list];
            sort($constants);
            sort($values);
            $this->assertSame($values, $constants, $list);
        }
    }
}
