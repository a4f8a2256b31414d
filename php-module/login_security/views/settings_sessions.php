<?php defined('BASEPATH') or exit('No direct script access allowed');
/* Setup → Settings → Login Session: as views/settings.php, the fields of the schema's "sessions" tab. */
?>
<?= login_security_notice_html(Login_security_gateway::instance()->notice()); ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_sessions_settings_tab')); ?></h4>

<?php login_security_settings_fields('sessions'); ?>
