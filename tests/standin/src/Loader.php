<?php
/**
 * $CI->load, with the HMVC resolution Perfex modules rely on:
 * - view('login_security/foo') → <modules>/login_security/views/foo.php; view('foo') from a module controller →
 *   that module's views/foo.php; anything else → the stand-in's own views/ (e.g. 'admin/settings/general').
 * - model('login_security/Foo_model') → <modules>/login_security/models/Foo_model.php, as $CI->foo_model.
 * - library('login_security/Foo_bar') → <modules>/login_security/libraries/Foo_bar.php, as $CI->foo_bar.
 * As in CodeIgniter, variables given to any view stay visible to the views loaded after it (so init_head() sees the
 * page's $title); $this in a view is this loader, which forwards to $CI.
 */

declare(strict_types=1);

namespace Standin;

#[\AllowDynamicProperties]
final class Loader
{
    /** @var array<string, mixed> */
    private array $cachedVars = [];
    /** The module of the controller being run, for module-relative views. */
    public ?string $currentModule = null;

    public function __get(string $name)
    {
        return get_instance()->$name ?? null;
    }

    public function vars($vars, $value = null): void
    {
        $this->cachedVars = array_merge($this->cachedVars, is_array($vars) ? $vars : [$vars => $value]);
    }

    public function view(string $view, $vars = [], bool $return = false)
    {
        $file = $this->resolve('views', $view, false);
        if ($file === null) {
            throw new \RuntimeException("Unable to load the requested view: $view");
        }
        $this->cachedVars = array_merge($this->cachedVars, (array) $vars);
        $output = $this->render($file, $this->cachedVars);
        if ($return) {
            return $output;
        }
        echo $output;
        return null;
    }

    public function model(string $model, string $name = ''): void
    {
        $this->instantiate('models', $model, $name);
    }

    public function library($library, $params = null, string $name = ''): void
    {
        foreach ((array) $library as $lib) {
            $this->instantiate('libraries', $lib, $name, $params);
        }
    }

    /** Helpers and language files are loaded by the stand-in itself; loading one is a no-op. */
    public function helper($helpers = []): void
    {
    }

    public function config($file = '', ...$rest): bool
    {
        return true;
    }

    private function instantiate(string $kind, string $path, string $name, $params = null): void
    {
        $class = ucfirst(basename($path));
        $property = $name !== '' ? $name : strtolower($class);
        $CI = get_instance();
        if (isset($CI->$property)) {
            return;
        }
        $file = $this->resolve($kind, dirname($path) === '.' ? $class : dirname($path) . '/' . $class, true);
        if ($file === null) {
            throw new \RuntimeException("Unable to locate the $kind file: $path");
        }
        require_once $file;
        $CI->$property = $params === null ? new $class() : new $class($params);
    }

    /** The file for "module/rest" (module dir) or "rest" (current module, then the stand-in). */
    private function resolve(string $kind, string $path, bool $modulesOnly): ?string
    {
        $path = preg_replace('/\.php$/', '', $path);
        $candidates = [];
        if (str_contains($path, '/')) {
            [$module, $rest] = explode('/', $path, 2);
            $candidates[] = APP_MODULES_PATH . "$module/$kind/$rest.php";
        }
        if ($this->currentModule !== null) {
            $candidates[] = APP_MODULES_PATH . "{$this->currentModule}/$kind/$path.php";
        }
        if (!$modulesOnly) {
            $candidates[] = Config::root() . "/$kind/$path.php";
        }
        foreach ($candidates as $file) {
            if (is_file($file)) {
                return $file;
            }
        }
        return null;
    }

    private function render(string $__file, array $__vars): string
    {
        extract($__vars, EXTR_SKIP);
        ob_start();
        try {
            include $__file;
        } catch (\Throwable $e) {
            ob_end_clean();
            throw $e;
        }
        return (string) ob_get_clean();
    }
}
