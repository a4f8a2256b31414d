<?php
/**
 * What Perfex's own helpers hook in before any module: csrf_jquery_token() in the admin and customers heads, and on
 * admin_init the core sidebar / setup menu items and the core settings sections (so modules add to them).
 */

declare(strict_types=1);

namespace Standin;

final class CoreHooks
{
    /** Perfex's settings sections: id => [title key, position]. */
    private const SECTIONS = ['general' => ['settings_group_general', 1], 'finance' => ['settings_group_sales', 5],
        'configuration' => ['settings_group_configure_features', 10], 'integrations' => ['integrations', 15],
        'ai' => ['settings_group_ai', 15], 'other' => ['settings_group_other', 20], 'misc' => ['settings_group_misc', 25]];

    public static function register(): void
    {
        hooks()->add_action('app_admin_head', 'csrf_jquery_token');
        hooks()->add_action('app_customers_head', 'csrf_jquery_token');
        hooks()->add_action('admin_init', [self::class, 'menus']);
        hooks()->add_action('admin_init', [self::class, 'settingsSections']);
    }

    public static function menus(): void
    {
        $menu = get_instance()->app_menu;
        $menu->add_sidebar_menu_item('dashboard', ['name' => _l('als_dashboard'), 'href' => admin_url(),
            'position' => 1, 'icon' => 'fa fa-home']);
        if (is_admin()) {
            $menu->add_setup_menu_item('modules', ['name' => _l('modules'), 'href' => admin_url('modules'), 'position' => 35]);
        }
        if (staff_can('view', 'settings')) {
            $menu->add_setup_menu_item('settings', ['name' => _l('acs_settings'), 'href' => admin_url('settings'), 'position' => 200]);
        }
    }

    public static function settingsSections(): void
    {
        $app = get_instance()->app;
        foreach (self::SECTIONS as $id => [$title, $position]) {
            $app->add_settings_section($id, ['title' => _l($title), 'position' => $position, 'children' => []]);
        }
        $app->add_settings_section_child('general', 'general', ['name' => _l('settings_group_general'),
            'view' => 'admin/settings/general', 'position' => 5, 'icon' => 'fa fa-cog']);
    }
}
