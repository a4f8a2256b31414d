<?php
/** The super object, hooks, the table prefix and error pages. */

declare(strict_types=1);

use Standin\Core;
use Standin\Hooks;

/** By reference, like CodeIgniter's, so that modules' `$CI = &get_instance();` raises no notice. */
function &get_instance(): ?Core
{
    $instance = Core::instance();
    return $instance;
}

function hooks(): Hooks
{
    global $hooks;
    return $hooks;
}

function db_prefix(): string
{
    return APP_DB_PREFIX;
}

/** An error page with $status, then exit (CodeIgniter's show_error). */
function show_error($message, $status = 500, $heading = 'An Error Was Encountered'): never
{
    http_response_code((int) $status);
    header('Content-Type: text/html; charset=UTF-8');
    include Standin\Config::root() . '/views/errors/error.php';
    exit;
}

function show_404(): never
{
    show_error('The page you requested was not found.', 404, '404 Page Not Found');
}
