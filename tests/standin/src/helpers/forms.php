<?php
/** Form helpers. form_open() adds the hidden CSRF field to POST forms aimed at this site (perfex-facts.md §3 L107). */

declare(strict_types=1);

function form_open($action = '', $attributes = [], $hidden = []): string
{
    $action = (string) $action;
    if ($action === '') {
        $action = site_url(get_instance()->uri->uri_string());
    } elseif (!str_contains($action, '://')) {
        $action = site_url($action);
    }
    $attributes = is_array($attributes) ? $attributes : [];
    $attributes += ['method' => 'post', 'accept-charset' => 'utf-8'];
    if (strtolower((string) $attributes['method']) !== 'get' && str_starts_with($action, APP_BASE_URL)) {
        $security = get_instance()->security;
        $hidden[$security->get_csrf_token_name()] = $security->get_csrf_hash();
    }
    $form = '<form action="' . html_escape($action) . '"' . standin_attributes($attributes) . ">\n";
    foreach ((array) $hidden as $name => $value) {
        $form .= '<input type="hidden" name="' . html_escape($name) . '" value="' . html_escape($value) . "\" />\n";
    }
    return $form;
}

function form_close($extra = ''): string
{
    return '</form>' . $extra;
}

function render_input($name, $label = '', $value = '', $type = 'text', $input_attrs = [], $form_group_attr = [], $form_group_class = '', $input_class = ''): string
{
    $id = $input_attrs['id'] ?? $name;
    unset($input_attrs['id']);
    return '<div class="form-group ' . html_escape($form_group_class) . '"' . standin_attributes(['app-field-wrapper' => $name] + $form_group_attr) . '>'
        . ($label != '' ? '<label for="' . html_escape($id) . '" class="control-label">' . _l($label, '', false) . '</label>' : '')
        . '<input type="' . html_escape($type) . '" id="' . html_escape($id) . '" name="' . html_escape($name) . '" class="form-control '
        . html_escape($input_class) . '"' . standin_attributes($input_attrs) . ' value="' . html_escape($value) . '"></div>';
}

function render_textarea($name, $label = '', $value = '', $textarea_attrs = [], $form_group_attr = [], $form_group_class = '', $textarea_class = ''): string
{
    $id = $textarea_attrs['id'] ?? $name;
    unset($textarea_attrs['id']);
    $textarea_attrs += ['rows' => 4];
    return '<div class="form-group ' . html_escape($form_group_class) . '"' . standin_attributes(['app-field-wrapper' => $name] + $form_group_attr) . '>'
        . ($label != '' ? '<label for="' . html_escape($id) . '" class="control-label">' . _l($label, '', false) . '</label>' : '')
        . '<textarea id="' . html_escape($id) . '" name="' . html_escape($name) . '" class="form-control ' . html_escape($textarea_class) . '"'
        . standin_attributes($textarea_attrs) . '>' . html_escape($value) . '</textarea></div>';
}

/** Yes / No radios named settings[<option>], checked from the option's current value (echoed, as in Perfex). */
function render_yes_no_option($option_value, $label, $tooltip = '', $replace_yes_text = '', $replace_no_text = '', $replace_1 = '', $replace_0 = ''): void
{
    $current = get_option($option_value);
    $choices = [[$replace_1 === '' ? '1' : $replace_1, $replace_yes_text ?: _l('settings_yes'), 'y_opt_1_'],
        [$replace_0 === '' ? '0' : $replace_0, $replace_no_text ?: _l('settings_no'), 'y_opt_2_']];
    echo '<div class="form-group"><label class="control-label"' . ($tooltip != '' ? ' title="' . html_escape(_l($tooltip, '', false)) . '"' : '')
        . '>' . _l($label, '', false) . '</label>';
    foreach ($choices as [$value, $text, $prefix]) {
        $id = html_escape($prefix . $label);
        echo '<div class="radio radio-inline"><input type="radio" id="' . $id . '" name="settings[' . html_escape($option_value) . ']" value="'
            . html_escape($value) . '"' . ($current == $value ? ' checked' : '') . '><label for="' . $id . '">' . $text . '</label></div>';
    }
    echo '</div>';
}

/** ' key="value"' pairs, escaped. */
function standin_attributes(array $attributes): string
{
    $out = '';
    foreach ($attributes as $key => $value) {
        $out .= ' ' . html_escape($key) . '="' . html_escape($value) . '"';
    }
    return $out;
}
