<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Login Attempt. Perfex wraps this view in the settings form (CSRF, Save button) and saves the
 * settings[...] fields after hooks/settings.php has validated them (LoginSecurity\validate_settings).
 */
$login_security = login_security_settings_view_data();
$lockout_name   = static function (string $key): string {
    return Login_security_options::name($key);
};
$lockout_numbers = [Login_security_options::LOCKOUT_RETRIES, Login_security_options::LOCKOUT_MINUTES,
    Login_security_options::LOCKOUT_MAX_LOCKOUTS, Login_security_options::LOCKOUT_RESET_HOURS, Login_security_options::LOCKOUT_IP_LIMIT];
$allowlist_name = $lockout_name(Login_security_options::LOCKOUT_ALLOWLIST);
$client_ip      = $login_security['client_ip'] !== '' ? $login_security['client_ip'] : '-';
?>
<?php if ($login_security['notice'] !== null) { ?>
<?= login_security_notice_html($login_security['notice']); ?>
<?php } ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_lockout_tab')); ?></h4>

<?php render_yes_no_option($lockout_name(Login_security_options::LOCKOUT_STAFF_ENABLED), 'login_security_lockout_staff_enabled'); ?>
<?php render_yes_no_option($lockout_name(Login_security_options::LOCKOUT_CUSTOMERS_ENABLED), 'login_security_lockout_customers_enabled'); ?>
<hr>

<?php foreach ($lockout_numbers as $key) { ?>
<?= render_input('settings[' . $lockout_name($key) . ']', _l('login_security_' . $key), get_option($lockout_name($key)), 'number', Login_security_options::range($key) + ['step' => 1]); ?>
<p class="text-muted login-security-hint"><?= e(_l('login_security_' . $key . '_help')); ?></p>
<?php } ?>
<hr>

<?= render_textarea('settings[' . $allowlist_name . ']', _l('login_security_lockout_allowlist'), get_option($allowlist_name), ['rows' => 4, 'placeholder' => '203.0.113.7' . PHP_EOL . '10.0.0.0/8']); ?>
<p class="text-muted login-security-hint"><?= e(_l('login_security_lockout_allowlist_help')); ?></p>
<div class="alert alert-info login-security-hint" id="login-security-allowlist-hint">
    <?= e(_l('login_security_lockout_allowlist_hint', $client_ip)); ?>
</div>
<p class="text-muted login-security-hint"><?= e(_l('login_security_lockout_recovery_hint')); ?></p>
