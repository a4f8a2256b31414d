<?php
/**
 * admin/settings?group=<tab id>: Setup → Settings (perfex-facts.md §3 L89-93). Needs settings view (edit to save).
 * The tab's view is rendered inside a CSRF form posting settings[<option>]; on POST the whole POST array passes the
 * before_settings_updated filter (a module may drop keys and set_alert to refuse), then every remaining
 * settings[name] (strings trimmed) is saved with update_option, and the page redirects back to the tab.
 */

declare(strict_types=1);

namespace Standin\Controllers;

final class Settings extends \AdminController
{
    public function index(): void
    {
        if (staff_cant('view', 'settings')) {
            access_denied('settings');
        }
        $group = (string) ($this->input->get('group') ?: 'general');
        if ($this->input->post()) {
            if (staff_cant('edit', 'settings')) {
                access_denied('settings');
            }
            $post = $this->input->post();
            hooks()->do_action('before_update_system_options', $post);
            if ($this->save($post) > 0) {
                set_alert('success', _l('settings_updated'));
            }
            redirect(admin_url('settings?group=' . rawurlencode($group)));
        }
        $tab = $this->app->settings_tab($group);
        if ($tab === null) {
            show_404();
        }
        $this->load->view('admin/settings', ['title' => _l('options'), 'group' => $tab,
            'sections' => $this->app->get_settings_sections()]);
    }

    /** @return int how many options changed */
    private function save(array $post): int
    {
        $data = hooks()->apply_filters('before_settings_updated', $post);
        $changed = 0;
        foreach ($data['settings'] ?? [] as $name => $value) {
            $value = is_string($value) ? trim($value) : $value;
            $hook = hooks()->apply_filters('before_single_setting_updated_in_loop', ['name' => $name, 'value' => $value]);
            if (update_option($hook['name'], $hook['value'])) {
                $changed++;
            }
        }
        return $changed;
    }
}
