<?php defined('BASEPATH') or exit('No direct script access allowed');
/* Setup → Settings → Login Attempt: as views/settings.php, the fields of the schema's "lockout" tab. */
?>
<?= login_security_notice_html(Login_security_gateway::instance()->notice()); ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_lockout_tab')); ?></h4>

<?php if (login_security_settings_fields('lockout')) { ?>
<div class="alert alert-info login-security-hint" id="login-security-allowlist-hint">
    <?= e(_l('login_security_lockout_allowlist_hint', login_security_settings_ip())); ?>
</div>
<p class="text-muted login-security-hint"><?= e(_l('login_security_lockout_recovery_hint')); ?></p>
<?php } ?>
