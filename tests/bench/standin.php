<?php
/** What the HTTP benchmarks share: the project's settings (scripts/env.sh) and the stand-in's server and browser. */

declare(strict_types=1);

require dirname(__DIR__) . '/standin/src/Config.php';
Standin\Config::importProjectEnv();
foreach (['StandinResponse', 'StandinServer', 'StandinBrowser'] as $class) {
    require dirname(__DIR__) . "/standin/tests/support/$class.php";
}
