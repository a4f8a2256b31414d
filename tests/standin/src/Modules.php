<?php
/**
 * $CI->app_modules: the modules of STANDIN_MODULES_DIR (perfex-facts.md §3 L77-86).
 * - A module is a folder <m> holding <m>.php whose header comment has "Module Name:".
 * - Active modules (tblmodules.active = 1) have their init file require_once'd on every request, then
 *   modules_loaded fires.
 * - activate(): tblmodules row, include the init file, pre_activate_module, activate_<m>_module, active = 1,
 *   module_activated. deactivate() and uninstall() likewise; uninstall runs uninstall.php or the uninstall hook but,
 *   unlike Perfex, never deletes the module's folder (it is the repository's source).
 */

declare(strict_types=1);

namespace Standin;

final class Modules
{
    private const HEADERS = ['module_name' => 'Module Name', 'uri' => 'Module URI', 'version' => 'Version',
        'description' => 'Description', 'author' => 'Author', 'author_uri' => 'Author URI',
        'requires_at_least' => 'Requires at least'];

    /** @var array<string, array>|null */
    private ?array $valid = null;

    public function __construct(private Database $db)
    {
    }

    /** @return array<string, array{system_name: string, path: string, init_file: string, headers: array}> */
    public function get_valid_modules(): array
    {
        if ($this->valid !== null) {
            return $this->valid;
        }
        $this->valid = [];
        foreach (glob(APP_MODULES_PATH . '*', GLOB_ONLYDIR) ?: [] as $dir) {
            $name = basename($dir);
            $init = "$dir/$name.php";
            if ($name !== strtolower($name) || !is_file($init)) {
                continue;
            }
            $headers = self::headers($init);
            if ($headers['module_name'] !== '') {
                $this->valid[$name] = ['system_name' => $name, 'path' => "$dir/", 'init_file' => $init, 'headers' => $headers];
            }
        }
        ksort($this->valid);
        return $this->valid;
    }

    /** Every valid module with its 'activated' flag and installed version. */
    public function get(?string $name = null): ?array
    {
        $rows = [];
        foreach ($this->db->query('SELECT module_name, installed_version, active FROM `' . db_prefix() . 'modules`')->result() as $row) {
            $rows[$row->module_name] = $row;
        }
        $all = [];
        foreach ($this->get_valid_modules() as $system => $module) {
            $module['activated'] = (int) ($rows[$system]->active ?? 0);
            $module['installed_version'] = $rows[$system]->installed_version ?? false;
            $all[$system] = $module;
        }
        return $name === null ? $all : ($all[$name] ?? null);
    }

    /** Registers the csrf_exclude_uris of every valid module (done before the CSRF check). */
    public function registerCsrfExclusions(): void
    {
        foreach ($this->get_valid_modules() as $module) {
            $file = $module['path'] . 'config/csrf_exclude_uris.php';
            $uris = is_file($file) ? include $file : null;
            if (is_array($uris)) {
                hooks()->add_filter('csrf_exclude_uris', fn ($current) => array_merge($current, $uris));
            }
        }
    }

    /** Requires the init file of every active module, then fires modules_loaded. */
    public function loadActive(): void
    {
        foreach ($this->get() as $module) {
            if ($module['activated'] === 1) {
                require_once $module['init_file'];
            }
        }
        hooks()->do_action('modules_loaded');
    }

    public function activate(string $name): bool
    {
        $module = $this->get($name);
        if ($module === null) {
            return false;
        }
        if ($module['installed_version'] === false) {
            $this->db->insert(db_prefix() . 'modules', ['module_name' => $name,
                'installed_version' => $module['headers']['version'], 'active' => 0]);
        }
        require_once $module['init_file'];
        hooks()->do_action('pre_activate_module', $module);
        hooks()->do_action("activate_{$name}_module");
        $this->setActive($name, 1);
        hooks()->do_action('module_activated', $module);
        return true;
    }

    public function deactivate(string $name): bool
    {
        $module = $this->get($name);
        if ($module === null) {
            return false;
        }
        hooks()->do_action('pre_deactivate_module', $module);
        hooks()->do_action("deactivate_{$name}_module");
        $this->setActive($name, 0);
        hooks()->do_action('module_deactivated', $module);
        return true;
    }

    /** Only an inactive module can be uninstalled. */
    public function uninstall(string $name): bool
    {
        $module = $this->get($name);
        if ($module === null || $module['activated'] === 1) {
            return false;
        }
        hooks()->do_action('pre_uninstall_module', $module);
        $this->db->query('DELETE FROM `' . db_prefix() . 'modules` WHERE module_name = ?', [$name]);
        if (is_file($module['path'] . 'uninstall.php')) {
            include_once $module['path'] . 'uninstall.php';
        } else {
            hooks()->do_action("uninstall_{$name}_module");
        }
        hooks()->do_action('module_uninstalled', $module);
        return true;
    }

    private function setActive(string $name, int $active): void
    {
        $this->db->query('UPDATE `' . db_prefix() . 'modules` SET active = ? WHERE module_name = ?', [$active, $name]);
    }

    /** The header comment fields of an init file ('' when absent). */
    private static function headers(string $file): array
    {
        $text = (string) file_get_contents($file, false, null, 0, 8192);
        $headers = [];
        foreach (self::HEADERS as $key => $label) {
            $headers[$key] = preg_match('/^[\s\/*#@]*' . preg_quote($label, '/') . ':(.*)$/mi', $text, $m) ? trim($m[1]) : '';
        }
        return $headers;
    }
}
