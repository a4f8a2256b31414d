<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Login Security. Perfex wraps this view in the settings form (CSRF, Save button) and saves
 * the settings[...] fields after hooks/settings.php has validated them; the fields are the extension's schema's.
 */
?>
<?= login_security_notice_html(Login_security_gateway::instance()->notice()); ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_log')); ?></h4>

<?php if (login_security_settings_fields('general')) { ?>
<p class="login-security-hint" id="login-security-ip-hint">
    <?= e(_l('login_security_remote_addr_is', login_security_settings_ip(true))); ?>
    <?= e(_l('login_security_client_ip_is', login_security_settings_ip())); ?>
</p>
<?php } ?>
