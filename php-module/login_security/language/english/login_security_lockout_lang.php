<?php

defined('BASEPATH') or exit('No direct script access allowed');

// Login page: refusals (the same text whether the account exists or not).
$lang['login_security_lockout_locked_account'] = 'Too many failed login attempts. Logins to this account are locked until %s. Please try again then.';
$lang['login_security_lockout_locked_ip']      = 'Too many failed login attempts from your network. Logins from your IP address are locked until %s. Please try again then.';
$lang['login_security_lockout_busy']           = 'Too many login attempts at this moment. Please try again in a few seconds.';
$lang['login_security_lockout_malformed']      = 'Invalid login request: send the e-mail address and the password as plain text fields.';
$lang['login_security_lockout_blocked']        = 'This account is blocked after too many failed login attempts. An administrator must re-enable it before you can log in.';

// Login Log: events, refusal reasons and details.
$lang['login_security_event_lockout']          = 'Locked out';
$lang['login_security_event_blocked']          = 'Blocked';
$lang['login_security_event_reenabled']        = 'Re-enabled';
$lang['login_security_reason_invalid_form']    = 'Counted, but the login form was invalid (password not checked)';
$lang['login_security_reason_locked_out']      = 'Refused: locked out (password not checked)';
$lang['login_security_reason_blocked']         = 'Refused: blocked (password not checked)';
$lang['login_security_lockout_detail_account'] = 'Account locked until %s';
$lang['login_security_lockout_detail_ip']      = 'IP address locked until %s';
$lang['login_security_lockout_detail_blocked'] = 'Blocked until an administrator re-enables it';
$lang['login_security_reenabled_by']           = 'Re-enabled by %s';

// Locked accounts page.
$lang['login_security_locked_accounts']          = 'Locked accounts';
$lang['login_security_locked_intro']             = 'Staff members, contacts, unknown e-mail addresses and IP addresses that are locked out now or blocked. Blocked accounts stay blocked until re-enabled here.';
$lang['login_security_locked_none']              = 'No account or IP address is locked out or blocked.';
$lang['login_security_locked_col_select']        = 'Select';
$lang['login_security_locked_col_account']       = 'Account';
$lang['login_security_locked_col_type']          = 'Login';
$lang['login_security_locked_col_failures']      = 'Failures';
$lang['login_security_locked_col_lockouts']      = 'Lockouts';
$lang['login_security_locked_col_until']         = 'Locked until';
$lang['login_security_locked_col_blocked']       = 'Blocked';
$lang['login_security_locked_col_last_ip']       = 'Last IP address';
$lang['login_security_locked_col_last_attempt']  = 'Last attempt';
$lang['login_security_locked_col_actions']       = 'Actions';
$lang['login_security_locked_kind_staff']        = 'Staff';
$lang['login_security_locked_kind_contact']      = 'Customer contact';
$lang['login_security_locked_kind_ip']           = 'IP address (all accounts)';
$lang['login_security_locked_unknown_account']   = 'No such account';
$lang['login_security_locked_blocked_since']     = 'Since %s';
$lang['login_security_locked_not_blocked']       = 'No';
$lang['login_security_locked_view_events']       = 'Login Log events';
$lang['login_security_select_all']               = 'Select all';
$lang['login_security_reenable']                 = 'Re-enable';
$lang['login_security_reenable_selected']        = 'Re-enable selected';
$lang['login_security_reenable_confirm']         = 'Re-enable the selected accounts and IP addresses? Their failed attempts, lockouts and blocks are cleared.';
$lang['login_security_reenable_nothing']         = 'Select at least one account or IP address to re-enable.';
$lang['login_security_reenable_invalid']         = 'The request named no valid account or IP address.';
$lang['login_security_reenable_failed']          = 'Nothing was re-enabled: the database could not be reached (see the PHP error log).';
$lang['login_security_reenabled_count']          = 'Re-enabled: %s.';

// Notification to admins (the bell).
$lang['login_security_notification_blocked']     = 'Login Security: %s accounts blocked after repeated failed logins. Review them on Locked accounts.';
$lang['login_security_notification_blocked_one'] = 'Login Security: an account was blocked after repeated failed logins. Review it on Locked accounts.';

// Settings tab "Login Attempt".
$lang['login_security_lockout_tab']                = 'Login Attempt';
$lang['login_security_setting_lockout_staff_enabled']      = 'Lock out staff after failed logins';
$lang['login_security_setting_lockout_customers_enabled']  = 'Lock out customer contacts after failed logins';
$lang['login_security_setting_lockout_retries']            = 'Allowed retries before a lockout';
$lang['login_security_setting_lockout_retries_help']       = 'Failed logins allowed for one account before it is locked out.';
$lang['login_security_setting_lockout_minutes']            = 'Lockout time (minutes)';
$lang['login_security_setting_lockout_minutes_help']       = 'The n-th lockout lasts n times this long: 3, 6, 9 … minutes with 3.';
$lang['login_security_setting_lockout_max_lockouts']       = 'Maximum lockouts';
$lang['login_security_setting_lockout_max_lockouts_help']  = 'One more lockout than this blocks the account until an administrator re-enables it on Locked accounts.';
$lang['login_security_setting_lockout_reset_hours']        = 'Reset the counters after (hours)';
$lang['login_security_setting_lockout_reset_hours_help']   = 'Failed logins and lockouts are forgotten this long after the last failure. A block never expires by itself.';
$lang['login_security_setting_lockout_ip_limit']           = 'Failed logins allowed from one IP address';
$lang['login_security_setting_lockout_ip_limit_help']      = 'Across all accounts, before that IP address is locked out as well: this stops credential stuffing.';
$lang['login_security_setting_lockout_allowlist']          = 'Never lock out these IP addresses';
$lang['login_security_setting_lockout_allowlist_help']     = 'One IP address or CIDR range per line (IPv4 or IPv6). Logins from them are never counted, locked or blocked: keep a break-glass way in.';
$lang['login_security_setting_lockout_allowlist_placeholder'] = "203.0.113.7\n10.0.0.0/8";
$lang['login_security_lockout_allowlist_hint']     = 'Tip: add your own IP address (%s) to this list, so that an attacker can never lock you out of Perfex.';
$lang['login_security_lockout_recovery_hint']      = 'If every administrator is blocked, re-enable an account from the server with: login-security-cli --config application/config/app-config.php reenable staff:<e-mail> (any spelling of the address; see the README).';

// Login Log: the identifier filter (links from Locked accounts).
$lang['login_security_filter_identifier_active'] = 'Only the events of the e-mail address %s are shown. Reset the filters to see all.';
