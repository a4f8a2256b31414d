<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Settings: validation of every posted login_security_* option through the extension before Perfex saves it.
 * All or nothing: one invalid value (or no extension to check it, or a staff member without the module's manage
 * capability) and none of the module's options is saved.
 */

hooks()->add_filter('before_settings_updated', 'login_security_validate_posted_settings');

/**
 * @param array<string, mixed> $data the settings POST, ['settings' => [option name => value], ...]
 * @return array<string, mixed>
 */
function login_security_validate_posted_settings($data)
{
    if (!is_array($data) || !isset($data['settings']) || !is_array($data['settings'])) {
        return $data;
    }

    $posted = [];
    $errors = [];
    foreach ($data['settings'] as $name => $value) {
        if (!Login_security_options::isModuleOption((string) $name)) {
            continue;
        }
        unset($data['settings'][$name]); // put back below only when valid
        $key = Login_security_options::settingKey((string) $name);
        if ($key === null) {
            continue; // not a setting (internal or unknown): never taken from a form
        }
        if (!is_scalar($value)) {
            $errors[] = _l('login_security_setting_malformed', $key);
            continue;
        }
        $posted[$key] = trim((string) $value);
    }

    if ($posted === [] && $errors === []) {
        return $data;
    }
    // Perfex lets anyone with "settings: edit" save every tab; ours also needs the module's manage capability
    // (a 1-day retention would empty the log, a trusted proxy would let clients choose their IP).
    if (!staff_can('manage', LOGIN_SECURITY_CAPABILITY)) {
        set_alert('danger', login_security_alert_text(_l('login_security_settings_not_saved') . ' ' . _l('login_security_settings_need_manage')));

        return $data;
    }

    $result = $errors === [] ? Login_security_gateway::instance()->validateSettings($posted) : null;
    if ($errors === [] && $result === null) {
        $errors[] = _l('login_security_settings_need_extension');
    } elseif ($result !== null && empty($result['ok'])) {
        $errors = array_map('login_security_setting_error_text', array_values((array) ($result['errors'] ?? [])));
    }

    if ($errors !== []) {
        set_alert('danger', login_security_alert_text(_l('login_security_settings_not_saved') . ' ' . implode(' ', $errors)));

        return $data;
    }

    $values = (array) ($result['values'] ?? []);
    foreach (array_keys($posted) as $key) {
        if (array_key_exists($key, $values) && is_scalar($values[$key])) {
            $data['settings'][Login_security_options::name($key)] = (string) $values[$key];
        }
    }

    return $data;
}

/**
 * Perfex prints alerts unescaped into a JavaScript string and then as HTML: one line, HTML-escaped, no backslash.
 * Entities already there are kept, not escaped again: Perfex's _l() escapes a text holding a double quote itself
 * (an odd "&amp;" typed by a user then shows as "&", which is harmless).
 */
/**
 * A refused setting as the language file says it: the extension gives a code and its values (a value "unit:<name>"
 * names a unit, translated too), never English text.
 *
 * @param mixed $error ['code' => string, 'params' => list<string>] from LoginSecurity\validate_settings()
 */
function login_security_setting_error_text($error): string
{
    if (!is_array($error) || !is_string($error['code'] ?? null) || !preg_match('/^[a-z_]+$/', $error['code'])) {
        return _l('login_security_setting_error_unknown');
    }
    $params = array_map(static function ($param): string {
        $param = is_scalar($param) ? (string) $param : '';

        return preg_match('/^unit:([a-z_]+)$/', $param, $m) ? _l('login_security_unit_' . $m[1]) : $param;
    }, array_values((array) ($error['params'] ?? [])));

    return _l('login_security_setting_error_' . $error['code'], $params);
}

function login_security_alert_text(string $message): string
{
    $line = preg_replace('/\s+/u', ' ', mb_scrub($message, 'UTF-8')) ?? '';

    return str_replace('\\', '&#92;', html_escape(trim($line), false));
}

/**
 * What the settings tab shows beside the fields.
 *
 * @return array{notice: string|null, remote_addr: string, client_ip: string}
 */
function login_security_settings_view_data(): array
{
    $gateway  = Login_security_gateway::instance();
    $clientIp = $gateway->clientIp();

    return [
        'notice'      => $gateway->notice(),
        'remote_addr' => $gateway->remoteAddr(),
        'client_ip'   => $clientIp,
    ];
}
