<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * Setup → Settings → Inactivity Logout. Perfex wraps this view in the settings form (CSRF, Save button) and saves
 * the settings[...] fields after hooks/settings.php has validated them (all or nothing).
 */
$ls_notice  = Login_security_gateway::instance()->notice();
$ls_timeout = Login_security_options::name(Login_security_options::INACTIVITY_TIMEOUT_MINUTES);
$ls_warning = Login_security_options::name(Login_security_options::INACTIVITY_WARNING_SECONDS);
$ls_timeout_range = Login_security_options::range(Login_security_options::INACTIVITY_TIMEOUT_MINUTES);
$ls_warning_range = Login_security_options::range(Login_security_options::INACTIVITY_WARNING_SECONDS);
$ls_message = Login_security_options::name(Login_security_options::INACTIVITY_MESSAGE);
?>
<?php if ($ls_notice !== null) { ?>
<?= login_security_notice_html($ls_notice); ?>
<?php } ?>

<p class="text-muted"><?= e(_l('login_security_inactivity_intro')); ?></p>
<hr>

<?php render_yes_no_option(Login_security_options::name(Login_security_options::INACTIVITY_ENABLED), 'login_security_inactivity_enabled', 'login_security_inactivity_enabled_help'); ?>
<?php render_yes_no_option(Login_security_options::name(Login_security_options::INACTIVITY_STAFF), 'login_security_inactivity_staff'); ?>
<?php render_yes_no_option(Login_security_options::name(Login_security_options::INACTIVITY_CUSTOMERS), 'login_security_inactivity_customers'); ?>
<hr>

<div class="form-group" app-field-wrapper="settings[<?= e($ls_timeout); ?>]">
    <label for="<?= e($ls_timeout); ?>" class="control-label"><?= e(_l('login_security_inactivity_timeout')); ?></label>
    <input type="number" id="<?= e($ls_timeout); ?>" name="settings[<?= e($ls_timeout); ?>]" class="form-control"
        min="<?= e((string) $ls_timeout_range['min']); ?>" max="<?= e((string) $ls_timeout_range['max']); ?>" step="1" required value="<?= e(get_option($ls_timeout)); ?>">
    <p class="text-muted login-security-hint"><?= e(_l('login_security_inactivity_timeout_help')); ?></p>
</div>

<div class="form-group" app-field-wrapper="settings[<?= e($ls_warning); ?>]">
    <label for="<?= e($ls_warning); ?>" class="control-label"><?= e(_l('login_security_inactivity_warning')); ?></label>
    <input type="number" id="<?= e($ls_warning); ?>" name="settings[<?= e($ls_warning); ?>]" class="form-control"
        min="<?= e((string) $ls_warning_range['min']); ?>" max="<?= e((string) $ls_warning_range['max']); ?>" step="1" required value="<?= e(get_option($ls_warning)); ?>">
    <p class="text-muted login-security-hint"><?= e(_l('login_security_inactivity_warning_help')); ?></p>
</div>

<div class="form-group" app-field-wrapper="settings[<?= e($ls_message); ?>]">
    <label for="<?= e($ls_message); ?>" class="control-label"><?= e(_l('login_security_inactivity_message')); ?></label>
    <textarea id="<?= e($ls_message); ?>" name="settings[<?= e($ls_message); ?>]" class="form-control" rows="3"
        maxlength="500" placeholder="<?= e(_l('login_security_inactivity_default_message')); ?>"><?= e(get_option($ls_message)); ?></textarea>
    <p class="text-muted login-security-hint"><?= e(_l('login_security_inactivity_message_help')); ?></p>
</div>
<p class="text-muted login-security-hint"><?= e(_l('login_security_inactivity_applies_within')); ?></p>
