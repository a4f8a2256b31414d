<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Locked accounts: admin/login_security/locked_accounts (page) and /reenable (POST). Every action starts with its
 * permission check: view for the list, manage for re-enabling.
 */
class Locked_accounts extends AdminController
{
    /** Rows shown (most recent failure first). */
    public const LIMIT = 500;

    public const TIME_FORMAT = 'Y-m-d H:i:s';

    /** Keys accepted in one re-enable request. */
    private const MAX_KEYS = 500;

    public function index(): void
    {
        if (!login_security_allowed('view')) {
            return;
        }

        $gateway = Login_security_gateway::instance();
        $rows    = array_map([$this, 'present'], $gateway->lockedAccounts(self::LIMIT));

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
     * Re-enables the posted keys: "key" (one row's button) or "keys[]" (the checked rows). Each one re-enabled is
     * recorded in the Login Log with who did it.
     */
    public function reenable(): void
    {
        if (!login_security_allowed('manage')) {
            return;
        }
        if ($this->input->method() !== 'post') {
            http_response_code(405);
            header('Allow: POST');
            echo e(_l('login_security_post_only'));

            return;
        }

        $keys = $this->postedKeys();
        if ($keys === null || $keys === []) {
            set_alert($keys === null ? 'danger' : 'warning', _l($keys === null ? 'login_security_reenable_invalid' : 'login_security_reenable_nothing'));
            redirect(admin_url(LOGIN_SECURITY_URI_LOCKED));

            return;
        }

        $gateway = Login_security_gateway::instance();
        $locked  = [];
        foreach ($gateway->lockedAccounts(10000) as $row) {
            $locked[$row['kind'] . ':' . $row['subject']] = $row;
        }
        foreach ($keys as $key) { // a key may name an account by its e-mail (the extension resolves any spelling)
            [$kind, $subject] = explode(':', $key, 2);
            foreach ($locked as $row) {
                if ($kind !== 'ip' && $row['kind'] === $kind && (string) ($row['email'] ?? '') !== '' && !empty($row['user_id'])
                    && mb_strtolower(trim($subject)) === mb_strtolower((string) $row['email'])) {
                    $locked[$key] = $row;
                }
            }
        }
        if ($gateway->reenable($keys) === null) {
            set_alert('danger', _l('login_security_reenable_failed'));
            redirect(admin_url(LOGIN_SECURITY_URI_LOCKED));

            return;
        }

        $actorId   = (int) get_staff_user_id();
        $actorName = (string) get_staff_full_name();
        $done      = [];
        foreach ($keys as $key) {
            if (!isset($locked[$key])) {
                continue; // no longer locked: nothing was lifted
            }
            $row    = $locked[$key];
            $shown  = self::shown($row);
            $done[] = $shown;
            $gateway->record([
                'event'      => \LoginSecurity\Event::REENABLED,
                'user_type'  => $row['kind'] === 'ip' ? '' : (string) $row['kind'],
                'user_id'    => !empty($row['user_id']) ? (int) $row['user_id'] : null,
                'identifier' => $shown,
                'actor_id'   => $actorId,
                'actor_name' => $actorName,
            ]);
        }
        log_activity('Login Security: re-enabled ' . implode(', ', $done !== [] ? $done : $keys));
        $shown = array_slice($done !== [] ? $done : $keys, 0, 5);
        set_alert('success', login_security_alert_text(_l('login_security_reenabled_count', implode(', ', $shown) . (count($keys) > 5 ? ' …' : ''))));
        redirect(admin_url(LOGIN_SECURITY_URI_LOCKED));
    }

    /**
     * The keys of the request, checked: [] when none was posted, null when one is malformed.
     *
     * @return list<string>|null
     */
    private function postedKeys(): ?array
    {
        $one   = $this->input->post('key');
        $many  = $this->input->post('keys');
        $given = is_string($one) && $one !== '' ? [$one] : ($many ?? []);
        if (!is_array($given) || count($given) > self::MAX_KEYS) {
            return null;
        }
        $keys = [];
        foreach ($given as $key) {
            if (!is_string($key) || !preg_match('/^(staff|contact|ip):([^\x00-\x1f\x7f]{1,191})$/uD', $key, $m)) {
                return null;
            }
            if ($m[1] === 'ip' && filter_var($m[2], FILTER_VALIDATE_IP) === false) {
                return null;
            }
            $keys[$key] = true;
        }

        return array_keys($keys);
    }

    /**
     * One row for the view (plain text; the view escapes it).
     *
     * @param array<string, mixed> $row a row of Store::lockedAccounts()
     * @return array<string, mixed>
     */
    private function present(array $row): array
    {
        $kind    = (string) $row['kind'];
        $isIp    = $kind === 'ip';
        $subject = self::shown($row);
        $filter  = $isIp ? ['ip' => $subject] : (!empty($row['user_id']) ? ['user' => $kind . ':' . (int) $row['user_id']] : ['identifier' => $subject]);

        return [
            'key'          => $kind . ':' . (string) $row['subject'],
            'kind'         => _l('login_security_locked_kind_' . ($isIp ? 'ip' : ($kind === 'staff' ? 'staff' : 'contact'))),
            'name'         => $isIp ? '' : ((string) ($row['user_name'] ?? '') !== '' ? (string) $row['user_name'] : _l('login_security_locked_unknown_account')),
            'known'        => !$isIp && !empty($row['user_id']),
            'subject'      => $subject,
            'log_url'      => admin_url(LOGIN_SECURITY_URI_LOG . '?' . http_build_query($filter + ['from' => '', 'to' => ''], '', '&', PHP_QUERY_RFC3986)),
            'failures'     => (int) ($row['failures'] ?? 0),
            'lockouts'     => (int) ($row['lockouts'] ?? 0),
            'locked_until' => self::time($row['locked_until'] ?? null),
            'blocked'      => !empty($row['blocked_at']) ? _l('login_security_locked_blocked_since', self::time($row['blocked_at'])) : '',
            'last_ip'      => (string) ($row['last_ip'] ?? ''),
            'last_attempt' => self::time($row['last_failure'] ?? null),
        ];
    }

    /**
     * What names a key for people: an IP, the account's e-mail, or the e-mail last typed for an address that matches
     * no account (the key itself is the account id or a hash of the address's folded form).
     *
     * @param array<string, mixed> $row
     */
    private static function shown(array $row): string
    {
        $email = (string) ($row['email'] ?? '');

        return $row['kind'] === 'ip' || $email === '' ? (string) $row['subject'] : $email;
    }

    /** @param mixed $at */
    private static function time($at): string
    {
        return is_numeric($at) && (int) $at > 0 ? date(self::TIME_FORMAT, (int) $at) : '';
    }
}
