<?php

defined('BASEPATH') or exit('No direct script access allowed');

// Module, menu, capability, settings tab.
$lang['login_security']                   = 'Login Security';
$lang['login_security_log']               = 'Login Log';
$lang['login_security_settings_tab']      = 'Login Security';
$lang['login_security_settings_link']     = 'Settings';
$lang['login_security_capability_view']   = 'View Login Log';
$lang['login_security_capability_manage'] = 'Manage (clear the Login Log, change the settings)';

// Extension and database status.
$lang['login_security_extension_missing'] = 'The login_security PHP extension is not loaded, so every protection of Login Security is off: logins are not recorded, failed attempts are not limited, lockouts, blocked accounts, bans, single login, signing sessions out and the server-side inactivity logout are not enforced. Perfex itself keeps working.';
$lang['login_security_extension_status_link']  = 'Extension status: how to install it';
$lang['login_security_protection_off_client']  = 'Login protection is off on this site right now: your sessions cannot be listed or signed out here. Please tell the site administrator.';
$lang['login_security_database_error']    = 'Login Security could not reach its database tables: see the PHP error log. Logins keep working.';

// Login Log page.
$lang['login_security_export_csv']              = 'Export CSV';
$lang['login_security_export_failed']           = 'The export failed: see the PHP error log.';
$lang['login_security_clear_log']               = 'Clear log';
$lang['login_security_clear_confirm']           = 'Delete every event of the Login Log? This cannot be undone; the clearing itself is recorded.';
$lang['login_security_clear_failed']            = 'The Login Log could not be cleared: see the PHP error log.';
$lang['login_security_log_cleared_count']       = 'Login Log cleared: %s events removed.';
$lang['login_security_post_only']               = 'This action accepts POST requests only.';
$lang['login_security_filters_ignored']         = 'These filters were not valid and were ignored: %s.';
$lang['login_security_filter_user']             = 'User';
$lang['login_security_filter_user_placeholder'] = 'Search staff or contacts';
$lang['login_security_filter_from']             = 'From';
$lang['login_security_filter_to']               = 'To';
$lang['login_security_filter_event']            = 'Event';
$lang['login_security_filter_ip']               = 'IP address';
$lang['login_security_filter_apply']            = 'Filter';
$lang['login_security_filter_reset']            = 'Reset';
$lang['login_security_all_events']              = 'All events';
$lang['login_security_no_users_found']          = 'No matching staff member or contact';
$lang['login_security_chart_title']             = 'Successful and failed logins per day';
$lang['login_security_chart_success']           = 'Successful logins';
$lang['login_security_chart_failed']            = 'Failed logins';
$lang['login_security_col_time']                = 'Time';
$lang['login_security_col_user']                = 'User';
$lang['login_security_col_event']               = 'Event';
$lang['login_security_col_detail']              = 'Details';
$lang['login_security_col_ip']                  = 'IP address';
$lang['login_security_col_device']              = 'Device / browser / OS';
$lang['login_security_col_duration']            = 'Session duration';
$lang['login_security_no_events']               = 'No events match these filters.';
$lang['login_security_showing']                 = 'Showing %s';
$lang['login_security_total']                   = 'of %s events';
$lang['login_security_page_previous']           = 'Previous page';
$lang['login_security_page_next']               = 'Next page';

// Events and their details.
$lang['login_security_event_login']              = 'Login';
$lang['login_security_event_failed']             = 'Failed login';
$lang['login_security_event_logout']             = 'Logout';
$lang['login_security_event_log_cleared']        = 'Log cleared';
$lang['login_security_event_purged']             = 'Old events purged';
$lang['login_security_method_form']              = 'Password';
$lang['login_security_method_two_factor']        = 'Password and two-factor code';
$lang['login_security_method_remember_me']       = 'Remember me (automatic login)';
$lang['login_security_reason_wrong_password']    = 'Wrong password';
$lang['login_security_reason_unknown_account']   = 'Unknown account';
$lang['login_security_reason_inactive_account']  = 'Inactive account';
$lang['login_security_reason_revoked']           = 'Refused: “remember me” token revoked (its session was signed out, or the password changed since)';
$lang['login_security_end_reason_logout']        = 'Logged out';
$lang['login_security_end_reason_idle']          = 'Inactivity logout';
$lang['login_security_end_reason_forced']        = 'Forced logout by an admin';
$lang['login_security_end_reason_banned']        = 'Banned';
$lang['login_security_end_reason_rejected']      = 'Rejected: already logged in elsewhere';
$lang['login_security_end_reason_expired']       = 'Session expired';
$lang['login_security_end_reason_password_changed'] = 'Password changed since the login';
$lang['login_security_cleared_by']               = 'By %s';
$lang['login_security_purged_count']             = '%s events older than the retention period removed';
$lang['login_security_user_type_staff']          = 'Staff';
$lang['login_security_user_type_contact']        = 'Contact';
$lang['login_security_device_desktop']           = 'Desktop';
$lang['login_security_device_mobile']            = 'Mobile';
$lang['login_security_device_tablet']            = 'Tablet';
$lang['login_security_device_bot']               = 'Bot';
$lang['login_security_device_unknown']           = 'Unknown device';

// CSV header.
$lang['login_security_csv_at']              = 'Time';
$lang['login_security_csv_user_type']       = 'User type';
$lang['login_security_csv_user_id']         = 'User ID';
$lang['login_security_csv_user_name']       = 'User';
$lang['login_security_csv_identifier']      = 'Identifier';
$lang['login_security_csv_event']           = 'Event';
$lang['login_security_csv_method']          = 'Method';
$lang['login_security_csv_reason']          = 'Failure reason';
$lang['login_security_csv_ip']              = 'IP address';
$lang['login_security_csv_device']          = 'Device';
$lang['login_security_csv_browser']         = 'Browser';
$lang['login_security_csv_browser_version'] = 'Browser version';
$lang['login_security_csv_os']              = 'OS';
$lang['login_security_csv_os_version']      = 'OS version';
$lang['login_security_csv_duration']        = 'Session duration (seconds)';
$lang['login_security_csv_end_reason']      = 'End reason';
$lang['login_security_csv_actor_name']      = 'Done by';
$lang['login_security_csv_details']         = 'Details';
$lang['login_security_csv_user_agent']      = 'User agent';

// Settings tab.
$lang['login_security_setting_log_retention_days']          = 'Keep Login Log events for (days)';
$lang['login_security_setting_log_retention_days_help']     = 'Older events are deleted automatically by the Perfex cron job.';
$lang['login_security_setting_anonymize_ip']            = 'Anonymise IP addresses';
$lang['login_security_setting_anonymize_ip_help']       = 'Store only the network of new events: IPv4 /24 (last number zeroed), IPv6 /48.';
$lang['login_security_setting_trusted_proxies']         = 'Trusted proxies';
$lang['login_security_setting_trusted_proxies_help']    = 'One IP address or CIDR range per line (IPv4 or IPv6). X-Forwarded-For, X-Real-IP and CF-Connecting-IP are believed only when the connection comes from one of these; leave empty when Perfex is reached directly.';
$lang['login_security_setting_trusted_proxies_placeholder'] = '10.0.0.0/8';
$lang['login_security_remote_addr_is']          = 'This page was requested from %s (REMOTE_ADDR).';
$lang['login_security_client_ip_is']            = 'With the saved trusted proxies, Login Security records your IP address as %s.';
$lang['login_security_settings_not_saved']      = 'Login Security settings not saved:';
$lang['login_security_settings_need_extension'] = 'the login_security PHP extension is not loaded, so the values cannot be checked. Install it first: see Login Security → Extension status.';
$lang['login_security_setting_error_not_a_number']     = '"%1$s" is not a number; enter a whole number of %2$s from %3$s to %4$s';
$lang['login_security_setting_error_out_of_range']     = '%1$s is out of range; enter a whole number of %2$s from %3$s to %4$s';
$lang['login_security_setting_error_not_yes_no']       = '"%1$s" is not yes or no';
$lang['login_security_setting_error_too_long']         = 'the text is longer than %1$s characters';
$lang['login_security_setting_error_not_an_ip']        = '"%1$s" is not an IP address or CIDR range; enter IP addresses or CIDR ranges, one a line';
$lang['login_security_setting_error_bad_prefix']       = '"%1$s" has a prefix length outside 0-%2$s; enter IP addresses or CIDR ranges, one a line';
$lang['login_security_setting_error_too_many_ips']     = 'at most %1$s entries are allowed, %2$s were given';
$lang['login_security_setting_error_warning_too_long'] = 'the warning (%1$s s) must be shorter than the timeout (%2$s min)';
$lang['login_security_setting_error_unknown']          = 'a value was refused';
$lang['login_security_unit_days']            = 'days';
$lang['login_security_unit_attempts']        = 'attempts';
$lang['login_security_unit_minutes']         = 'minutes';
$lang['login_security_unit_lockouts']        = 'lockouts';
$lang['login_security_unit_hours']           = 'hours';
$lang['login_security_unit_failed_attempts'] = 'failed attempts';
$lang['login_security_unit_seconds']         = 'seconds';
$lang['login_security_setting_range']           = 'From %1$s to %2$s %3$s.';
$lang['login_security_setting_malformed']       = '%s: the value is malformed.';
$lang['login_security_settings_need_manage']    = 'changing them needs the Login Security "Manage" permission.';
