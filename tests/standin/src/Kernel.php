<?php
/**
 * One HTTP request, in Perfex's order: static files; constants and shared services; csrf_exclude_uris of the
 * modules; the CSRF check (before the session and before any module code, as CodeIgniter's input class does);
 * routing; the controller's constructor (session, active modules' init files + modules_loaded, remember-me
 * autologin, language, app_init, then the base class's own checks) and method; finally, for non-AJAX requests that
 * end normally, _prev_url in the session (Perfex's post_controller hook).
 */

declare(strict_types=1);

namespace Standin;

final class Kernel
{
    public static function handle(): void
    {
        $path = rawurldecode((string) parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH));
        if (StaticFiles::serve($path)) {
            return;
        }
        Config::defineConstants($_SERVER['HTTP_HOST'] ?? null);
        Core::boot($path);
        CoreHooks::register();
        Core::service('app_modules')->registerCsrfExclusions();

        $input = Core::service('input');
        $uri = Core::service('uri');
        Core::service('security')->verify($uri->uri_string(), $input->is_ajax_request());

        $route = Router::resolve($uri->segment_array());
        if ($route === null) {
            show_404();
        }
        Core::service('load')->currentModule = $route['module'];
        Core::service('router')->dispatched($route, ($uri->segment_array()[0] ?? '') === ADMIN_URI);
        $controller = new $route['class']();
        if (method_exists($controller, '_remap')) {
            $controller->_remap($route['method'], $route['args']);
        } else {
            $controller->{$route['method']}(...$route['args']);
        }
        if (!$input->is_ajax_request() && session_status() === PHP_SESSION_ACTIVE) {
            get_instance()->session->set_userdata('_prev_url', current_full_url());
        }
    }
}
