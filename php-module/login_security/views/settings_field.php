<?php defined('BASEPATH') or exit('No direct script access allowed');
/*
 * One setting on a settings tab, drawn from its schema row $ls_field (LoginSecurity\settings_schema, through
 * login_security_settings_fields()): the label is the language line login_security_setting_<key>, with optional
 * lines <label>_help and <label>_placeholder; input type, range, unit and length come from the schema. A value that
 * was never stored shows as the schema's default.
 */
$ls_name  = Login_security_options::name($ls_field['key']);
$ls_label = 'login_security_setting_' . $ls_field['key'];
$ls_help  = login_security_optional_line($ls_label . '_help');
$ls_value = Login_security_options::get($ls_field['key']);

if ($ls_field['kind'] === 'bool') {
    render_yes_no_option($ls_name, $ls_label, $ls_help === null ? '' : $ls_label . '_help'); // Perfex echoes it

    return;
}
$ls_placeholder = $ls_placeholder ?? login_security_optional_line($ls_label . '_placeholder');
$ls_attributes  = ['id' => $ls_name, 'name' => 'settings[' . $ls_name . ']', 'class' => 'form-control'];
if ($ls_field['kind'] === 'int') {
    $ls_attributes += ['type' => 'number', 'min' => $ls_field['min'], 'max' => $ls_field['max'], 'step' => 1, 'required' => 'required', 'value' => $ls_value];
} elseif ($ls_field['kind'] === 'text' && (int) $ls_field['lines'] <= 1) {
    $ls_attributes += ['type' => 'text', 'maxlength' => $ls_field['max'], 'value' => $ls_value];
} else {
    $ls_attributes += $ls_field['kind'] === 'text' ? ['rows' => $ls_field['lines'], 'maxlength' => $ls_field['max']] : ['rows' => 4];
}
if ($ls_placeholder !== null) {
    $ls_attributes['placeholder'] = $ls_placeholder;
}
$ls_html_attributes = implode(' ', array_map(static function (string $attribute, $value): string {
    return $attribute . '="' . e((string) $value) . '"';
}, array_keys($ls_attributes), $ls_attributes));
?>
<div class="form-group" app-field-wrapper="settings[<?= e($ls_name); ?>]">
    <label for="<?= e($ls_name); ?>" class="control-label"><?= e(_l($ls_label)); ?></label>
<?php if (isset($ls_attributes['type'])) { ?>
    <input <?= $ls_html_attributes; ?>>
<?php } else { ?>
    <textarea <?= $ls_html_attributes; ?>><?= e($ls_value); ?></textarea>
<?php } ?>
<?php if ($ls_help !== null) { ?>
    <p class="text-muted login-security-hint"><?= e($ls_help); ?></p>
<?php } ?>
<?php if ($ls_field['kind'] === 'int') { ?>
    <p class="text-muted login-security-hint"><?= e(_l('login_security_setting_range', [$ls_field['min'], $ls_field['max'], _l('login_security_unit_' . $ls_field['unit'])])); ?></p>
<?php } ?>
</div>
