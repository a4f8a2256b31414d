<?php
/**
 * Maps a path to a controller, the way Perfex's HMVC router does (perfex-facts.md §3 L108-110):
 * - modules first: <m>/<controller>/<method>/<args> when controllers/<Controller>.php exists in module <m>, else
 *   the module's default controller controllers/<M>.php with <m>/<method>/<args>; a leading admin/ is stripped
 *   when the next segment is a module folder, so admin/<m>/... and /<m>/... reach the same controller (its base
 *   class enforces the login);
 * - then the stand-in's own pages (tables below).
 * A method is routable when it is public, not static and does not start with "_"; anything else is a 404, found
 * before the controller is constructed (as in CodeIgniter).
 */

declare(strict_types=1);

namespace Standin;

use Standin\Controllers;

final class Router
{
    /** As CodeIgniter's $CI->router after routing: the controller (lower-case, as in the URI), the method as the URI
     * spelled it (PHP calls it whatever its case), and 'admin/' for the admin area's core controllers. */
    public string $class = '';
    public string $method = 'index';
    public string $directory = '';

    /** @param array{name: string, class: string, method: string, module: ?string} $route */
    public function dispatched(array $route, bool $admin): void
    {
        $this->class = $route['name'];
        $this->method = $route['method'];
        $this->directory = $admin && $route['module'] === null ? 'admin/' : '';
    }

    public function fetch_class(): string
    {
        return $this->class;
    }

    public function fetch_method(): string
    {
        return $this->method;
    }

    public function fetch_directory(): string
    {
        return $this->directory;
    }

    private const ADMIN = ['' => Controllers\Dashboard::class, 'dashboard' => Controllers\Dashboard::class,
        'authentication' => Controllers\StaffAuth::class, 'settings' => Controllers\Settings::class,
        'modules' => Controllers\ModulesPage::class, 'misc' => Controllers\Misc::class, 'staff' => Controllers\Staff::class,
        'clients' => Controllers\AdminClients::class];
    private const SITE = ['' => Controllers\ClientsHome::class, 'clients' => Controllers\ClientsHome::class,
        'authentication' => Controllers\ContactAuth::class, 'cron' => Controllers\Cron::class];

    /**
     * @param list<string> $segments
     * @return array{class: string, file: ?string, method: string, args: list<string>, module: ?string}|null
     */
    public static function resolve(array $segments): ?array
    {
        $route = self::moduleRoute($segments) ?? self::coreRoute($segments);
        if ($route === null) {
            return null;
        }
        if ($route['file'] !== null) {
            require_once $route['file'];
        }
        return class_exists($route['class']) && self::routable($route['class'], $route['method']) ? $route : null;
    }

    private static function moduleRoute(array $segments): ?array
    {
        if (count($segments) >= 2 && $segments[0] === ADMIN_URI && is_dir(APP_MODULES_PATH . $segments[1])) {
            array_shift($segments);
        }
        $module = $segments[0] ?? '';
        $dir = APP_MODULES_PATH . $module . '/controllers/';
        if ($module === '' || !is_dir($dir)) {
            return null;
        }
        $second = $segments[1] ?? null;
        if ($second !== null && is_file($dir . ucfirst($second) . '.php')) {
            return self::route($dir . ucfirst($second) . '.php', ucfirst($second), array_slice($segments, 2), $module) + ['name' => strtolower($second)];
        }
        if (is_file($dir . ucfirst($module) . '.php')) {
            return self::route($dir . ucfirst($module) . '.php', ucfirst($module), array_slice($segments, 1), $module) + ['name' => strtolower($module)];
        }
        return null;
    }

    private static function coreRoute(array $segments): ?array
    {
        $table = self::SITE;
        if (($segments[0] ?? '') === ADMIN_URI) {
            $table = self::ADMIN;
            array_shift($segments);
        }
        $class = $table[$segments[0] ?? ''] ?? null;
        return $class === null ? null : self::route(null, $class, array_slice($segments, 1), null) + ['name' => $segments[0] ?? ''];
    }

    private static function route(?string $file, string $class, array $rest, ?string $module): array
    {
        return ['class' => $class, 'file' => $file, 'method' => $rest[0] ?? 'index',
            'args' => array_slice($rest, 1), 'module' => $module];
    }

    private static function routable(string $class, string $method): bool
    {
        if (method_exists($class, '_remap')) {
            return true;
        }
        if ($method === '' || $method[0] === '_' || !method_exists($class, $method)) {
            return false;
        }
        $reflection = new \ReflectionMethod($class, $method);
        return $reflection->isPublic() && !$reflection->isStatic() && !$reflection->isConstructor();
    }
}
