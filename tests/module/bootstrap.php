<?php
// Module tests run the real module (php-module/login_security) in the stand-in with the built extension loaded.
declare(strict_types=1);

require dirname(__DIR__) . '/standin/tests/bootstrap.php';
require __DIR__ . '/ModuleTestCase.php';

$ext = getenv('LS_EXTENSION');
if ($ext === false || !is_file($ext)) {
    fwrite(STDERR, "LS_EXTENSION must name the built login_security .so (scripts/test sets it)\n");
    exit(1);
}
