<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Login Attempt. Perfex wraps this view in the settings form (CSRF, Save button) and saves the
 * settings[...] fields after hooks/settings.php has validated them; the fields are the extension's schema's.
 */
$login_security = login_security_settings_view_data();
?>
<?= login_security_notice_html($login_security['notice']); ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_lockout_tab')); ?></h4>

<?php if (login_security_settings_fields('lockout')) { ?>
<div class="alert alert-info login-security-hint" id="login-security-allowlist-hint">
    <?= e(_l('login_security_lockout_allowlist_hint', $login_security['client_ip'] !== '' ? $login_security['client_ip'] : '-')); ?>
</div>
<p class="text-muted login-security-hint"><?= e(_l('login_security_lockout_recovery_hint')); ?></p>
<?php } ?>
