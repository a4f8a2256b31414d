<?php
/** PHPUnit bootstrap of the stand-in's tests: the project's database settings and the test support classes. */

declare(strict_types=1);

require dirname(__DIR__) . '/src/Config.php';
require dirname(__DIR__) . '/src/Seed.php';
Standin\Config::importProjectEnv();

foreach (['StandinResponse', 'StandinServer', 'StandinBrowser'] as $class) {
    require __DIR__ . "/support/$class.php";
}
require __DIR__ . '/StandinTestCase.php';
require __DIR__ . '/HookRecorderTestCase.php';
