<?php
/** The module API of Perfex's modules_helper (perfex-facts.md §3 L83-86). */

declare(strict_types=1);

function register_activation_hook($module, $function): void
{
    hooks()->add_action('activate_' . $module . '_module', $function);
}

function register_deactivation_hook($module, $function): void
{
    hooks()->add_action('deactivate_' . $module . '_module', $function);
}

function register_uninstall_hook($module, $function): void
{
    hooks()->add_action('uninstall_' . $module . '_module', $function);
}

/** Runs $function on every cron run, after the core tasks (it is an after_cron_run action). */
function register_cron_task($function): void
{
    hooks()->add_action('after_cron_run', $function);
}

/** Loads <module>/language/<language>/<file>_lang.php whenever the request's language is loaded. */
function register_language_files($module, $languages = []): void
{
    $files = empty($languages) ? [$module] : $languages;
    $loader = function ($language) use ($module, $files) {
        $lang = get_instance()->lang;
        foreach ($files as $file) {
            $path = APP_MODULES_PATH . "$module/language/$language/{$file}_lang.php";
            $lang->load("$module/$file", is_file($path) ? $language : 'english');
        }
    };
    hooks()->add_action('after_load_admin_language', $loader);
    hooks()->add_action('after_load_client_language', $loader);
}

/** Adds a feature's capabilities to the staff_permissions filter (what Setup → Staff → Permissions lists). */
function register_staff_capabilities($feature_id, $config, $name = null): void
{
    hooks()->add_filter('staff_permissions', function ($permissions) use ($feature_id, $config, $name) {
        if (!array_key_exists($feature_id, $permissions)) {
            $permissions[$feature_id] = ['name' => $name ?: ucwords((string) $feature_id)];
        }
        $permissions[$feature_id] = array_replace_recursive($permissions[$feature_id], $config);
        return $permissions;
    });
}

function module_dir_path($module, $concat = ''): string
{
    return APP_MODULES_PATH . $module . '/' . $concat;
}

/** = site_url('modules/<module>/<segment>'), served by the stand-in from the modules folder. */
function module_dir_url($module, $segment = ''): string
{
    return site_url('modules/' . $module . '/' . ltrim((string) $segment, '/'));
}
