<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * The module's CSS and JavaScript, added to the admin head and footer only on the module's own pages (the
 * controller switches them on before it renders).
 */

hooks()->add_action('app_admin_head', 'login_security_admin_head_assets');
hooks()->add_action('app_admin_footer', 'login_security_admin_footer_assets');

/** Switches the page assets on (with true) and tells whether they are on. */
function login_security_page_assets(?bool $enable = null): bool
{
    static $enabled = false;

    return $enabled = $enable ?? $enabled;
}

function login_security_asset_url(string $path): string
{
    return module_dir_url(LOGIN_SECURITY_MODULE_NAME, $path) . '?v=' . rawurlencode(LOGIN_SECURITY_VERSION);
}

/** The <link> of a module's .css file or the <script> of its .js file, as one line of HTML. */
function login_security_asset_tag(string $path): string
{
    $url = e(login_security_asset_url($path));

    return (substr($path, -4) === '.css' ? '<link rel="stylesheet" type="text/css" href="' . $url . '">' : '<script src="' . $url . '"></script>') . PHP_EOL;
}

function login_security_admin_head_assets(): void
{
    echo login_security_page_assets() ? login_security_asset_tag('assets/css/login_security.css') : '';
}

function login_security_admin_footer_assets(): void
{
    echo login_security_page_assets() ? login_security_asset_tag('assets/js/login_log.js') : '';
}
