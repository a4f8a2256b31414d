<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Inactivity Logout: as views/settings.php, the fields of the schema's "inactivity" tab; the
 * message's placeholder is the default message the users see when it is left empty.
 */
?>
<?= login_security_notice_html(Login_security_gateway::instance()->notice()); ?>

<p class="text-muted"><?= e(_l('login_security_inactivity_intro')); ?></p>
<hr>

<?php if (login_security_settings_fields('inactivity', ['inactivity_message' => _l('login_security_inactivity_default_message')])) { ?>
<p class="text-muted login-security-hint"><?= e(_l('login_security_inactivity_applies_within')); ?></p>
<?php } ?>
