<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Login Session. Perfex wraps this view in the settings form (CSRF, Save button) and saves the
 * settings[...] fields after hooks/settings.php has validated them (all or nothing); the fields are the schema's.
 */
?>
<?= login_security_notice_html(Login_security_gateway::instance()->notice()); ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_sessions_settings_tab')); ?></h4>

<?php login_security_settings_fields('sessions'); ?>
