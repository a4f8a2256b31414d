<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Admin navigation (admin_init, when the language is loaded): the staff capability, the settings tabs under
 * Setup → Settings → Other (tab id => [language key of its name, view, icon]; a new tab is one more line) and the
 * sidebar menu.
 */

hooks()->add_action('admin_init', 'login_security_register_navigation');

const LOGIN_SECURITY_SETTINGS_TABS = [
    Login_security_options::SETTINGS_TAB => ['login_security_settings_tab', 'login_security/settings', 'fa-solid fa-shield-halved'],
    'login_security_lockout'             => ['login_security_lockout_tab', 'login_security/settings_lockout', 'fa-solid fa-user-lock'],
    'login_security_sessions'            => ['login_security_sessions_settings_tab', 'login_security/settings_sessions', 'fa-solid fa-user-clock'],
    'login_security_inactivity'          => ['login_security_inactivity_settings_tab', 'login_security/settings_inactivity', 'fa-regular fa-clock'],
];

function login_security_register_navigation(): void
{
    register_staff_capabilities(LOGIN_SECURITY_CAPABILITY, [
        'capabilities' => ['view' => _l('login_security_capability_view'), 'manage' => _l('login_security_capability_manage')],
    ], _l('login_security'));

    $CI       = &get_instance();
    $position = 70;
    foreach (LOGIN_SECURITY_SETTINGS_TABS as $tabId => [$nameKey, $view, $icon]) {
        $tab = ['name' => _l($nameKey), 'view' => $view, 'position' => $position++, 'icon' => $icon];
        if (is_callable([$CI->app, 'add_settings_section_child'])) {
            $CI->app->add_settings_section_child('other', $tabId, $tab);
        } else {
            // Perfex before 3.2 has tabs only (the 3.2+ method maps to the "other" section too).
            $CI->app_tabs->add_settings_tab($tabId, $tab);
        }
    }

    if (!staff_can('view', LOGIN_SECURITY_CAPABILITY)) {
        return;
    }
    $CI->app_menu->add_sidebar_menu_item('login_security', [
        'name' => _l('login_security'), 'href' => admin_url(LOGIN_SECURITY_URI_LOG), 'icon' => 'fa-solid fa-shield-halved', 'position' => 58, 'collapse' => true,
    ]);
    $children = [ // slug, language key of the name, URI, position
        ['login_security_log', 'login_security_log', LOGIN_SECURITY_URI_LOG, 5],
        ['login_security_locked_accounts', 'login_security_locked_accounts', LOGIN_SECURITY_URI_LOCKED, 10],
    ];
    if (is_admin()) {
        $children[] = ['login_security_extension_status', 'login_security_ext_status', LOGIN_SECURITY_URI_EXTENSION_STATUS, 90];
    }
    foreach ($children as [$slug, $name, $uri, $position]) {
        $CI->app_menu->add_sidebar_children_item('login_security', ['slug' => $slug, 'name' => _l($name), 'href' => admin_url($uri), 'position' => $position]);
    }
}

/**
 * Whether the current staff member has the module's $capability ("view" or "manage"); when not, Perfex's
 * access_denied() answers (it ends the request in Perfex) and false is returned. Every action starts with it.
 */
function login_security_allowed(string $capability): bool
{
    if (staff_can($capability, LOGIN_SECURITY_CAPABILITY)) {
        return true;
    }
    access_denied(LOGIN_SECURITY_CAPABILITY);

    return false;
}
