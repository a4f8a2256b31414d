<?php
// The extension must be loaded: a missing extension is a failure, never a skip.
if (!extension_loaded('login_security')) {
    fwrite(STDERR, "login_security extension is not loaded: run with php -d extension=.../liblogin_security.so\n");
    exit(1);
}

/** Connection settings of the test database (scripts/env.sh exports them). */
function ls_test_config(string $prefix): array
{
    return [
        'host' => getenv('LS_DB_HOST') ?: '127.0.0.1',
        'port' => (int) (getenv('LS_DB_PORT') ?: 33306),
        'user' => getenv('LS_DB_USER') ?: 'perfex',
        'password' => getenv('LS_DB_PASSWORD') ?: 'perfex-demo-pw',
        'database' => (getenv('LS_DB_NAME') ?: 'perfex') . '_test',
        'prefix' => $prefix,
    ];
}
