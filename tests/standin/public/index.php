<?php
/**
 * The stand-in's front controller, and the router script of `php -S 127.0.0.1:PORT tests/standin/public/index.php`
 * (bin/serve). Every request, static files included, comes through here.
 */

declare(strict_types=1);

require dirname(__DIR__) . '/src/bootstrap.php';

Standin\Kernel::handle();
