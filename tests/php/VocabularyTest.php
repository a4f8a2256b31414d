<?php
use PHPUnit\Framework\TestCase;

/**
 * One vocabulary: user types, events, methods, reasons, end reasons and verdicts are Rust enums, exported by the
 * extension as classes of constants (LoginSecurity\Event::LOGIN …). The module keeps no copy: it declares none of
 * those values itself, and every such constant it names exists in the extension (a typo would only fail at run time,
 * on the path that uses it).
 */
final class VocabularyTest extends TestCase
{
    private const CLASSES = ['UserType', 'Event', 'Method', 'Reason', 'EndReason', 'Verdict'];

    /** @return array<string, string> every PHP file of the module, by path */
    private static function moduleFiles(): array
    {
        $files = [];
        $dir   = new RecursiveIteratorIterator(new RecursiveDirectoryIterator(dirname(__DIR__, 2) . '/php-module/login_security', FilesystemIterator::SKIP_DOTS));
        foreach ($dir as $file) {
            if ($file->getExtension() === 'php') {
                $files[$file->getPathname()] = (string) file_get_contents($file->getPathname());
            }
        }

        return $files;
    }

    public function testTheClassesHoldExactlyTheExtensionsLists(): void
    {
        $lists = ['UserType' => 'user_types', 'Event' => 'events', 'Method' => 'methods', 'Reason' => 'reasons',
            'EndReason' => 'end_reasons', 'Verdict' => 'verdicts'];
        $vocabulary = LoginSecurity\vocabulary();
        foreach ($lists as $class => $list) {
            $this->assertSame($vocabulary[$list], array_values((new ReflectionClass("LoginSecurity\\$class"))->getConstants()), $class);
        }
    }

    public function testEveryConstantTheModuleNamesExists(): void
    {
        $named = 0;
        foreach (self::moduleFiles() as $path => $code) {
            preg_match_all('/\\\\?LoginSecurity\\\\(' . implode('|', self::CLASSES) . ')::([A-Z_]+)\b/', $code, $m, PREG_SET_ORDER);
            foreach ($m as [, $class, $constant]) {
                $named++;
                $this->assertTrue(defined("LoginSecurity\\$class::$constant"), basename($path) . " names LoginSecurity\\$class::$constant");
            }
        }
        $this->assertGreaterThan(50, $named, 'the module names its vocabulary through the extension');
    }

    public function testTheModuleDeclaresNoValueOfItsOwn(): void
    {
        $values = [];
        foreach (LoginSecurity\vocabulary() as $list) {
            $values = array_merge($values, $list);
        }
        $quoted = implode('|', array_map(static fn ($v) => preg_quote($v, '/'), array_unique($values)));
        foreach (self::moduleFiles() as $path => $code) {
            $this->assertDoesNotMatchRegularExpression("/const\\s+[A-Z_]+\\s*=\\s*'($quoted)'/", $code, basename($path) . ' declares a vocabulary constant');
        }
    }
}
