<?php
/** Loads the stand-in: its classes, the Perfex-facing global functions and base classes. No autoloader needed. */

declare(strict_types=1);

foreach (['Config', 'Hooks', 'Database', 'Input', 'Security', 'SessionHandler', 'Session', 'Loader', 'Lang', 'Options',
    'App', 'Menu', 'Assets', 'Modules', 'Uri', 'Router', 'StaticFiles', 'CoreHooks', 'FormValidation', 'Kernel',
    'Auth/RememberMe', 'Auth/AuthenticationModel', 'Auth/PasswordReset', 'Core', 'BaseControllers'] as $file) {
    require_once __DIR__ . "/$file.php";
}
foreach (glob(__DIR__ . '/helpers/*.php') as $file) {
    require_once $file;
}
foreach (glob(__DIR__ . '/controllers/*.php') as $file) {
    require_once $file;
}
