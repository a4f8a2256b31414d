<?php
use PHPUnit\Framework\TestCase;

/**
 * stubs/login_security.stub.php must describe the built extension exactly: the same functions, classes, methods,
 * parameters (names, types, optionality), return types and class constants (the vocabulary, with their values). The stub is read in a PHP process without the extension.
 */
final class StubsTest extends TestCase
{
    private const STUB = __DIR__ . '/../../stubs/login_security.stub.php';

    /** Signatures of everything in the LoginSecurity namespace, from Reflection. */
    public static function signatures(): array
    {
        $fn = static fn (ReflectionFunctionAbstract $f) => [
            'params' => array_map(static fn (ReflectionParameter $p) => [
                $p->getName(), (string) $p->getType(), $p->isOptional(),
            ], $f->getParameters()),
            'return' => (string) $f->getReturnType(),
        ];
        $out = ['functions' => [], 'classes' => []];
        foreach (array_merge(...array_values(get_defined_functions())) as $name) {
            if (str_starts_with($name, 'loginsecurity\\')) {
                $out['functions'][$name] = $fn(new ReflectionFunction($name));
            }
        }
        foreach (get_declared_classes() as $class) {
            if (!str_starts_with($class, 'LoginSecurity\\')) {
                continue;
            }
            $rc = new ReflectionClass($class);
            $methods = [];
            foreach ($rc->getMethods() as $m) {
                if ($m->getDeclaringClass()->getName() === $class) {
                    $methods[$m->getName()] = $fn($m);
                }
            }
            ksort($methods);
            $out['classes'][$class] = [
                'parent' => $rc->getParentClass() ? $rc->getParentClass()->getName() : null,
                'final' => $rc->isFinal(),
                'methods' => $methods,
                'constants' => $rc->getConstants(),
            ];
        }
        ksort($out['functions']);
        ksort($out['classes']);
        return $out;
    }

    public function testStubDescribesTheBuiltExtensionExactly(): void
    {
        // Load PHPUnit's TestCase in the child too: it is only needed for the class declaration of this file.
        $cmd = sprintf('%s -n -d display_errors=stderr -r %s', escapeshellarg(PHP_BINARY), escapeshellarg(
            'namespace PHPUnit\Framework { abstract class TestCase {} } namespace { require ' . var_export(self::STUB, true)
            . '; require ' . var_export(__FILE__, true) . '; echo json_encode(StubsTest::signatures()); }'));
        $json = shell_exec($cmd);
        $fromStub = json_decode((string) $json, true);
        $this->assertIsArray($fromStub, "the stub file did not load: $json");
        $this->assertNotEmpty($fromStub['functions']);
        $this->assertSame($fromStub, json_decode(json_encode(self::signatures()), true),
            'stubs/login_security.stub.php drifted from the extension');
    }
}
