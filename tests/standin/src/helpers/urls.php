<?php
/** URLs and redirects (CodeIgniter's url helper and Perfex's deep-link helpers). */

declare(strict_types=1);

function base_url($uri = ''): string
{
    return APP_BASE_URL . ltrim((string) $uri, '/');
}

function site_url($uri = ''): string
{
    return APP_BASE_URL . ltrim((string) $uri, '/');
}

function admin_url($url = ''): string
{
    $url = (string) $url;
    if ($url === '' || $url === '/') {
        return site_url(ADMIN_URI) . '/';
    }
    return site_url(ADMIN_URI . '/' . $url);
}

/** The requested URL with its query string. */
function current_full_url(): string
{
    $url = site_url(get_instance()->uri->uri_string());
    $query = $_SERVER['QUERY_STRING'] ?? '';
    return $query !== '' ? $url . '?' . $query : $url;
}

/**
 * Redirects and exits. A relative $uri goes through site_url(). Like CodeIgniter on HTTP/1.1: 303 after a non-GET
 * request, 307 after a GET (so a logged-out request to an admin page gets a 307).
 */
function redirect($uri = '', $method = 'auto', $code = null): never
{
    $uri = (string) $uri;
    if (!preg_match('#^(\w+:)?//#i', $uri)) {
        $uri = site_url($uri);
    }
    if ($method === 'refresh') {
        header('Refresh:0;url=' . $uri);
        exit;
    }
    if (!is_numeric($code)) {
        $http11 = ($_SERVER['SERVER_PROTOCOL'] ?? '') === 'HTTP/1.1';
        $code = $http11 ? (($_SERVER['REQUEST_METHOD'] ?? 'GET') !== 'GET' ? 303 : 307) : 302;
    }
    header('Location: ' . $uri, true, (int) $code);
    exit;
}

/** Remembers the current URL as red_url (not for notifications_check), to return to after login. */
function redirect_after_login_to_current_url(): void
{
    $url = current_full_url();
    if (!str_contains($url, 'notifications_check')) {
        get_instance()->session->set_userdata(['red_url' => $url]);
    }
}

/**
 * After a login: when red_url is set, unsets it and redirects there (exits, so the caller's after_*_login hook is
 * skipped: perfex-facts.md §1 L16-17). A staff member is not sent to a customers-area URL.
 */
function maybe_redirect_to_previous_url(): void
{
    $session = get_instance()->session;
    if (!$session->has_userdata('red_url')) {
        return;
    }
    $url = $session->userdata('red_url');
    $session->unset_userdata('red_url');
    if (str_contains($url, 'clients') && is_staff_logged_in()) {
        return;
    }
    redirect($url);
}
