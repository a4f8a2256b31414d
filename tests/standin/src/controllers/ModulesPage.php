<?php
/**
 * admin/modules: Setup → Modules, administrators only (others are sent to the dashboard, as in Perfex). Each row shows
 * the header fields and the action links (module_<m>_action_links filter, then activate / deactivate / uninstall).
 * Unlike Perfex (plain GET links) the actions are POST forms with the CSRF field.
 */

declare(strict_types=1);

namespace Standin\Controllers;

final class ModulesPage extends \AdminController
{
    public function __construct()
    {
        parent::__construct();
        if (!is_admin()) {
            redirect(admin_url());
        }
    }

    public function index(): void
    {
        $modules = $this->app_modules->get();
        foreach ($modules as $name => $module) {
            $modules[$name]['action_links'] = hooks()->apply_filters("module_{$name}_action_links", []);
        }
        $this->load->view('admin/modules', ['title' => _l('modules'), 'modules' => $modules]);
    }

    public function activate($name = ''): void
    {
        $this->act('activate', $name);
    }

    public function deactivate($name = ''): void
    {
        $this->act('deactivate', $name);
    }

    public function uninstall($name = ''): void
    {
        $this->act('uninstall', $name);
    }

    private function act(string $action, string $name): void
    {
        if ($this->input->method() !== 'post') {
            show_error('Method Not Allowed', 405);
        }
        $this->app_modules->$action($name);
        redirect(admin_url('modules'));
    }
}
