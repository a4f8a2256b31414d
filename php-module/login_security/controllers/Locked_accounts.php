<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Locked accounts: admin/login_security/locked_accounts (page) and /reenable (POST). Every action starts with its
 * permission check: view for the list, manage for re-enabling.
 */
class Locked_accounts extends AdminController
{
    public function index(): void
    {
        if (!login_security_allowed('view')) {
            return;
        }
        $gateway = Login_security_gateway::instance();
        $rows    = array_map([$this, 'present'], $gateway->lockedAccounts(500)); // most recent failure first

        $this->app_css->add('login-security-css', login_security_asset_url('assets/css/login_security.css'));
        $this->app_scripts->add('login-security-locked-accounts', login_security_asset_url('assets/js/locked_accounts.js'));
        $this->load->view('login_security/locked_accounts', [
            'title'      => _l('login_security_locked_accounts'),
            'rows'       => $rows,
            'notice'     => $gateway->notice(),
            'can_manage' => staff_can('manage', LOGIN_SECURITY_CAPABILITY),
        ]);
    }

    /**
     * Re-enables the posted keys: "key" (one row's button) or "keys[]" (the checked rows), at most 500, refused as a
     * whole when one is malformed. Each one re-enabled is recorded in the Login Log with who did it.
     */
    public function reenable(): void
    {
        if (!login_security_allowed('manage')) {
            return;
        }
        login_security_sessions_require_post();

        $one  = $this->input->post('key');
        $keys = is_string($one) && $one !== '' ? [$one] : ($this->input->post('keys') ?? []);
        $bad  = !is_array($keys) || count($keys) > 500 || array_filter($keys, static fn ($key) => !is_string($key)
            || !preg_match('/^(staff|contact|ip):([^\x00-\x1f\x7f]{1,191})$/uD', $key, $m)
            || ($m[1] === 'ip' && filter_var($m[2], FILTER_VALIDATE_IP) === false)) !== [];
        if ($keys === [] || $bad) {
            $this->done($bad ? 'danger' : 'warning', _l($bad ? 'login_security_reenable_invalid' : 'login_security_reenable_nothing'));

            return;
        }
        $keys  = array_values(array_unique($keys)); // the extension records each one it lifted, with who did it
        $actor = ['actor_id' => (int) get_staff_user_id(), 'actor_name' => (string) get_staff_full_name()];
        $gateway = Login_security_gateway::instance();
        $done    = $gateway->reenableRecorded($keys, $actor);
        if ($done === null || $done === []) { // failed (the extension missing, or the database), or none was locked
            $this->done($done === null ? 'danger' : 'warning', $done === null
                ? ($gateway->isAvailable() ? _l('login_security_reenable_failed') : $gateway->notice()) : _l('login_security_reenable_none_locked'));

            return;
        }
        log_activity('Login Security: re-enabled ' . implode(', ', $done));
        $this->done('success', _l('login_security_reenabled_count', implode(', ', array_slice($done, 0, 5)) . (count($keys) > 5 ? ' …' : '')));
    }

    private function done(string $type, string $message): void
    {
        set_alert($type, login_security_alert_text($message));
        redirect(admin_url(LOGIN_SECURITY_URI_LOCKED));
    }

    /** One row of Store::lockedAccounts() for the view (plain text; the view escapes it). */
    private function present(array $row): array
    {
        $isIp    = $row['kind'] === 'ip';
        // What names a key for people: an IP, the account's e-mail, or the e-mail last typed for an address that
        // matches no account (the key itself is the account id or a hash of the address's folded form).
        $subject = $isIp || $row['email'] === '' ? $row['subject'] : $row['email'];
        $filter  = $isIp ? ['ip' => $subject] : ($row['user_id'] ? ['user' => $row['kind'] . ':' . $row['user_id']] : ['identifier' => $subject]);
        $filter  = http_build_query($filter + ['from' => '', 'to' => ''], '', '&', PHP_QUERY_RFC3986);
        $time    = static fn (?int $at) => $at ? date('Y-m-d H:i:s', $at) : '';

        return [
            'key'          => $row['kind'] . ':' . $row['subject'],
            'kind'         => _l('login_security_locked_kind_' . $row['kind']),
            'name'         => $isIp ? '' : ($row['user_name'] !== '' ? $row['user_name'] : _l('login_security_locked_unknown_account')),
            'known'        => !$isIp && $row['user_id'],
            'subject'      => $subject,
            'log_url'      => admin_url(LOGIN_SECURITY_URI_LOG . '?' . $filter),
            'failures'     => $row['failures'],
            'lockouts'     => $row['lockouts'],
            'locked_until' => $time($row['locked_until']),
            'blocked'      => $row['blocked_at'] ? _l('login_security_locked_blocked_since', $time($row['blocked_at'])) : '',
            'last_ip'      => $row['last_ip'],
            'last_attempt' => $time($row['last_failure']),
        ];
    }
}
