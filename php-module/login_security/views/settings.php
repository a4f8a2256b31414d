<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Login Security. Perfex wraps this view in the settings form (CSRF, Save button) and saves
 * the settings[...] fields after hooks/settings.php has validated them.
 */
$login_security = login_security_settings_view_data();
$retention_name = Login_security_options::name(Login_security_options::LOG_RETENTION_DAYS);
$anonymize_name = Login_security_options::name(Login_security_options::ANONYMIZE_IP);
$proxies_name   = Login_security_options::name(Login_security_options::TRUSTED_PROXIES);
?>
<?php if ($login_security['notice'] !== null) { ?>
<?= login_security_notice_html($login_security['notice']); ?>
<?php } ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_log')); ?></h4>

<?= render_input('settings[' . $retention_name . ']', _l('login_security_retention_days'), get_option($retention_name), 'number', Login_security_options::range(Login_security_options::LOG_RETENTION_DAYS) + ['step' => 1]); ?>
<p class="text-muted login-security-hint"><?= e(_l('login_security_retention_days_help')); ?></p>
<hr>

<?= render_yes_no_option($anonymize_name, 'login_security_anonymize_ip', 'login_security_anonymize_ip_help'); /* Perfex echoes it and returns null */ ?>
<hr>

<?= render_textarea('settings[' . $proxies_name . ']', _l('login_security_trusted_proxies'), get_option($proxies_name), ['rows' => 4, 'placeholder' => '10.0.0.0/8']); ?>
<p class="text-muted login-security-hint"><?= e(_l('login_security_trusted_proxies_help')); ?></p>
<p class="login-security-hint" id="login-security-ip-hint">
    <?= e(_l('login_security_remote_addr_is', $login_security['remote_addr'] !== '' ? $login_security['remote_addr'] : '-')); ?>
    <?= e(_l('login_security_client_ip_is', $login_security['client_ip'] !== '' ? $login_security['client_ip'] : '-')); ?>
</p>
