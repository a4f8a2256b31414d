<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Keeping the store healthy: the retention purge (Perfex cron), the schema catch-up after the extension is
 * installed or upgraded, and the admins' dashboard notice when the extension is missing.
 */

hooks()->add_action('admin_init', 'login_security_migrate_if_needed');
hooks()->add_action('before_start_render_dashboard_content', 'login_security_dashboard_notice');

/**
 * Cron task: ends the sessions whose Perfex session has expired (no activity for Perfex's session lifetime) with
 * reason "expired", and deletes events older than the retention; the extension records both.
 */
function login_security_purge_expired_events(): void
{
    $gateway = Login_security_gateway::instance();
    if (!$gateway->isAvailable()) {
        return;
    }
    $lifetime = defined('APP_SESSION_EXPIRATION') ? (int) constant('APP_SESSION_EXPIRATION') : 0;
    $gateway->expireStaleSessions($lifetime > 0 ? $lifetime : 28800);
    $gateway->purgeEvents(Login_security_options::number('log_retention_days'));
}

/**
 * Runs the idempotent migration once per extension version: covers a module activated before the extension
 * was installed, and new tables or columns brought by an upgraded extension. The settings' options follow the
 * same way (a new extension may define new settings; add_option keeps the existing ones).
 */
function login_security_migrate_if_needed(): void
{
    $gateway = Login_security_gateway::instance();
    if (!$gateway->isAvailable()) {
        return;
    }
    $tag = $gateway->migrationTag();
    if ($tag !== null && $tag !== Login_security_options::get(Login_security_options::MIGRATED_VERSION) && $gateway->migrate() !== null) {
        Login_security_options::set(Login_security_options::MIGRATED_VERSION, $tag);
        Login_security_options::addDefaults();
    }
}

/** Admins only, on the dashboard: what to install when the extension is missing. */
function login_security_dashboard_notice(): void
{
    if (is_admin() && !Login_security_gateway::instance()->isAvailable()) {
        echo '<div class="col-md-12">' . login_security_notice_html(_l('login_security_extension_missing')) . '</div>';
    }
}

/**
 * A notice of the module's pages (escaped). Without the extension, admin-area notices link to the Extension status
 * page, which says how to install it; the customers area gets no link to admin pages.
 */
function login_security_notice_html(?string $notice, bool $adminArea = true): string
{
    if ($notice === null || $notice === '') {
        return '';
    }
    $link = $adminArea && !Login_security_gateway::instance()->isAvailable()
        ? ' <a href="' . e(admin_url(LOGIN_SECURITY_URI_EXTENSION_STATUS)) . '">' . e(_l('login_security_extension_status_link')) . '</a>' : '';

    return '<div class="alert alert-warning login-security-notice">' . e($notice) . $link . '</div>';
}
