<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Inactivity Logout. Perfex wraps this view in the settings form (CSRF, Save button) and saves
 * the settings[...] fields after hooks/settings.php has validated them (all or nothing); the fields are the
 * schema's, the message's placeholder is the default message the users see when it is left empty.
 */
?>
<?= login_security_notice_html(Login_security_gateway::instance()->notice()); ?>

<p class="text-muted"><?= e(_l('login_security_inactivity_intro')); ?></p>
<hr>

<?php if (login_security_settings_fields('inactivity', [Login_security_options::INACTIVITY_MESSAGE => _l('login_security_inactivity_default_message')])) { ?>
<p class="text-muted login-security-hint"><?= e(_l('login_security_inactivity_applies_within')); ?></p>
<?php } ?>
