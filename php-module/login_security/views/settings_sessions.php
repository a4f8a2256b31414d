<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Login Session. Perfex wraps this view in the settings form (CSRF, Save button) and saves the
 * settings[...] fields after hooks/settings.php has validated them (all or nothing).
 */
$ls_notice = Login_security_gateway::instance()->notice();
$ls_idle   = Login_security_options::name(Login_security_options::SESSION_IDLE_MINUTES);
$ls_idle_range = Login_security_options::range(Login_security_options::SESSION_IDLE_MINUTES);
?>
<?php if ($ls_notice !== null) { ?>
<?= login_security_notice_html($ls_notice); ?>
<?php } ?>

<h4 class="tw-mt-0 tw-font-semibold tw-text-base"><?= e(_l('login_security_sessions_settings_tab')); ?></h4>

<?php render_yes_no_option(Login_security_options::name(Login_security_options::SESSION_SINGLE_STAFF), 'login_security_session_single_staff', 'login_security_session_single_staff_help'); ?>
<?php render_yes_no_option(Login_security_options::name(Login_security_options::SESSION_SINGLE_CUSTOMERS), 'login_security_session_single_customers', 'login_security_session_single_customers_help'); ?>

<div class="form-group" app-field-wrapper="settings[<?= e($ls_idle); ?>]">
    <label for="<?= e($ls_idle); ?>" class="control-label"><?= e(_l('login_security_session_idle_minutes')); ?></label>
    <input type="number" id="<?= e($ls_idle); ?>" name="settings[<?= e($ls_idle); ?>]" class="form-control"
        min="<?= e((string) $ls_idle_range['min']); ?>" max="<?= e((string) $ls_idle_range['max']); ?>" step="1" required value="<?= e(get_option($ls_idle)); ?>">
    <p class="text-muted login-security-hint"><?= e(_l('login_security_session_idle_minutes_help')); ?></p>
</div>
<hr>

<?php render_yes_no_option(Login_security_options::name(Login_security_options::SESSION_END_ON_PASSWORD_CHANGE), 'login_security_session_end_on_password_change', 'login_security_session_end_on_password_change_help'); ?>
