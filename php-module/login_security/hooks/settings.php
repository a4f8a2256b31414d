<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Settings: the tabs' fields come from the extension's schema (LoginSecurity\settings_schema), and every posted
 * login_security_* option goes through the extension's validation before Perfex saves it. All or nothing: one
 * invalid value (or no extension to check it, or a staff member without the module's manage capability) and none
 * of the module's options is saved.
 */

hooks()->add_filter('before_settings_updated', 'login_security_validate_posted_settings');

/**
 * @param array<string, mixed> $data the settings POST, ['settings' => [option name => value], ...]
 * @return array<string, mixed>
 */
function login_security_validate_posted_settings($data)
{
    if (!is_array($data['settings'] ?? null)) {
        return $data;
    }
    $prefix = Login_security_options::PREFIX;
    $ours   = array_filter($data['settings'], static function ($name) use ($prefix): bool {
        return strpos((string) $name, $prefix) === 0;
    }, ARRAY_FILTER_USE_KEY);
    if ($ours === []) {
        return $data;
    }
    $data['settings'] = array_diff_key($data['settings'], $ours); // put back below only when valid
    $posted           = [];
    $errors           = [];
    foreach ($ours as $name => $value) {
        $key = substr((string) $name, strlen($prefix));
        if (!isset(Login_security_options::schema()[$key])) {
            continue; // not a setting of the schema (internal or unknown): never taken from a form
        }
        if (!is_scalar($value)) {
            $errors[] = _l('login_security_setting_malformed', _l('login_security_setting_' . $key));
            continue;
        }
        $posted[$key] = trim((string) $value);
    }
    // Perfex lets anyone with "settings: edit" save every tab; ours also needs the module's manage capability
    // (a 1-day retention would empty the log, a trusted proxy would let clients choose their IP).
    if (!staff_can('manage', LOGIN_SECURITY_CAPABILITY)) {
        $errors = [_l('login_security_settings_need_manage')];
    } elseif ($errors === []) {
        $result = Login_security_gateway::instance()->validateSettings($posted);
        if ($result === null) {
            $errors[] = _l('login_security_settings_need_extension');
        } elseif (!$result['ok']) {
            $errors = array_map('login_security_setting_error_text', array_values($result['errors']));
        }
    }
    if ($errors !== []) {
        set_alert('danger', login_security_alert_text(_l('login_security_settings_not_saved') . ' ' . implode(' ', $errors)));

        return $data;
    }
    foreach (array_intersect_key($result['values'], $posted) as $key => $value) {
        $data['settings'][Login_security_options::name($key)] = $value;
    }

    return $data;
}

/**
 * A refused setting as the language file says it: the extension gives a code and its values (a value "unit:<name>"
 * names a unit, translated too), never English text.
 *
 * @param array{code: string, params: list<string>} $error from LoginSecurity\validate_settings()
 */
function login_security_setting_error_text(array $error): string
{
    $params = array_map(static function (string $param): string {
        return preg_match('/^unit:([a-z_]+)$/', $param, $m) ? _l('login_security_unit_' . $m[1]) : $param;
    }, $error['params']);

    return _l('login_security_setting_error_' . $error['code'], $params);
}

/**
 * Perfex prints alerts unescaped into a JavaScript string and then as HTML: one line, HTML-escaped, no backslash.
 * Entities already there are kept, not escaped again: Perfex's _l() escapes a text holding a double quote itself
 * (an odd "&amp;" typed by a user then shows as "&", which is harmless).
 */
function login_security_alert_text(string $message): string
{
    $line = preg_replace('/\s+/u', ' ', mb_scrub($message, 'UTF-8')) ?? '';

    return str_replace('\\', '&#92;', html_escape(trim($line), false));
}

/**
 * Echoes the fields of a settings tab ("general", "lockout", "sessions" or "inactivity"), in the schema's order with
 * a rule between its groups, each through views/settings_field.php. False, and nothing shown, without the extension:
 * the tab's notice says what to install, and no value could be checked anyway.
 *
 * @param array<string, string> $placeholders key => placeholder, for what a language line cannot say
 */
function login_security_settings_fields(string $tab, array $placeholders = []): bool
{
    $section = null; // of the field shown last
    foreach (Login_security_options::schema() as $key => $row) {
        if ($row['tab'] !== $tab) {
            continue;
        }
        if ($section !== null && $row['section'] !== $section) {
            echo "<hr>\n";
        }
        $section = $row['section'];
        get_instance()->load->view('login_security/settings_field', ['ls_field' => $row, 'ls_placeholder' => $placeholders[$key] ?? null]);
    }

    return $section !== null;
}

/** The language line of $key, or null when the language file has none (optional help and placeholder lines). */
function login_security_optional_line(string $key): ?string
{
    $line = _l($key, '', false);

    return $line !== $key ? $line : null;
}

/** The client's IP as this server sees it (the settings' hints), or "-". */
function login_security_settings_ip(bool $remoteAddr = false): string
{
    $gateway = Login_security_gateway::instance();

    return ($remoteAddr ? $gateway->remoteAddr() : $gateway->clientIp()) ?: '-';
}
