<?php
/**
 * Page frame: init_head() prints the admin <head> (module CSS, app_admin_head: csrfData), the header with the
 * alerts, and the sidebar + setup menus; init_tail() prints Chart.js (Perfex ships Chart.js 2 in its admin bundle),
 * the module scripts and app_admin_footer. As in Perfex the page view closes </body></html> itself.
 */

declare(strict_types=1);

function init_head($aside = true): void
{
    $load = get_instance()->load;
    $load->view('admin/head');
    if ($aside) {
        $load->view('admin/menu');
    }
}

function init_tail(): void
{
    get_instance()->load->view('admin/tail');
}

function app_admin_head(): void
{
    hooks()->do_action('app_admin_head');
}

function app_admin_footer(): void
{
    hooks()->do_action('app_admin_footer');
}

function app_customers_head(): void
{
    hooks()->do_action('app_customers_head');
}

function app_customers_footer(): void
{
    hooks()->do_action('app_customers_footer');
}

/** What JavaScript gets as csrfData: {formatted: {csrf_token_name: hash}, token_name, hash}. */
function get_csrf_for_ajax(): array
{
    return get_instance()->security->forAjax();
}

/**
 * Defines csrfData for scripts and, when jQuery is present, sends it with every jQuery AJAX POST (Perfex's
 * $.ajaxSetup). The stand-in has no jQuery: fetch()/FormData/sendBeacon callers add the field themselves.
 */
function csrf_jquery_token(): void
{
    echo '<script>var csrfData = ' . json_encode(get_csrf_for_ajax(), JSON_HEX_TAG | JSON_HEX_AMP) . ";\n"
        . "if (window.jQuery) { jQuery.ajaxSetup({data: csrfData.formatted}); }</script>\n";
}

/** <link> tags of the styles a module added to $group ('admin' or 'customers'). */
function standin_css_tags(string $group): string
{
    $tags = '';
    foreach (get_instance()->app_css->get($group) as $id => $url) {
        $tags .= '<link rel="stylesheet" id="' . html_escape($id) . '" href="' . html_escape($url) . "\">\n";
    }
    return $tags;
}

/** <script> tags of the scripts a module added to $group. */
function standin_script_tags(string $group): string
{
    $tags = '';
    foreach (get_instance()->app_scripts->get($group) as $id => $url) {
        $tags .= '<script id="' . html_escape($id) . '" src="' . html_escape($url) . "\"></script>\n";
    }
    return $tags;
}
