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
$lang['login_security_reenable_none_locked']     = 'Nothing was re-enabled: none of them is locked or blocked now.';
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

// Menus and pages.
$lang['login_security_sessions']    = 'Login Sessions';
$lang['login_security_my_sessions'] = 'My sessions';

// Login Sessions page.
$lang['login_security_sessions_updated_at']                 = 'Updated at %s';
$lang['login_security_sessions_filter_type']                = 'Users';
$lang['login_security_sessions_all_users']                  = 'Staff and contacts';
$lang['login_security_sessions_filter_search']              = 'Search';
$lang['login_security_sessions_filter_search_placeholder']  = 'Name or e-mail';
$lang['login_security_sessions_col_login']                  = 'Signed in';
$lang['login_security_sessions_col_last_activity']          = 'Last activity';
$lang['login_security_sessions_col_method']                 = 'How';
$lang['login_security_sessions_col_actions']                = 'Actions';
$lang['login_security_sessions_col_until']                  = 'Until';
$lang['login_security_sessions_col_reason']                 = 'Reason';
$lang['login_security_sessions_col_banned_by']              = 'Banned by';
$lang['login_security_sessions_none']                       = 'Nobody is signed in (or nobody matches the filter).';
$lang['login_security_sessions_this_session']               = 'This session';
$lang['login_security_sessions_ago']                        = '%s ago';
$lang['login_security_sessions_method_takeover']            = 'Session from before the module';
$lang['login_security_sessions_end']                        = 'Sign out';
$lang['login_security_sessions_end_confirm']                = 'Sign out this session? The user lands on the login page at their next click.';
$lang['login_security_sessions_end_user']                   = 'Sign out everywhere';
$lang['login_security_sessions_end_user_confirm']           = 'Sign this user out of every session, including “remember me” logins?';
$lang['login_security_sessions_ban']                        = 'Ban…';
$lang['login_security_sessions_ban_minutes']                = 'Minutes';
$lang['login_security_sessions_ban_reason']                 = 'Reason (optional)';
$lang['login_security_sessions_ban_submit']                 = 'Ban and sign out';
$lang['login_security_sessions_bans']                       = 'Active bans';
$lang['login_security_sessions_no_bans']                    = 'Nobody is banned.';
$lang['login_security_sessions_lift_ban']                   = 'Lift ban';

// Outcomes of the actions.
$lang['login_security_sessions_ended_one']              = 'The session was ended: the user is signed out at their next request.';
$lang['login_security_sessions_ended_user']             = '%s sessions ended: the user is signed out everywhere.';
$lang['login_security_sessions_ended_user_one']         = 'One session ended: the user is signed out everywhere.';
$lang['login_security_sessions_nothing_ended']          = 'No active session to end.';
$lang['login_security_sessions_banned']                 = 'The user is banned until %s and signed out everywhere.';
$lang['login_security_sessions_ban_minutes_invalid']    = 'Ban not saved: enter a whole number of minutes from 1 to %s.';
$lang['login_security_sessions_ban_self']               = 'You cannot ban yourself.';
$lang['login_security_sessions_ban_lifted']             = 'The ban was lifted: the user can sign in again.';
$lang['login_security_sessions_no_ban']                 = 'This user is not banned (the ban may have ended by itself).';
$lang['login_security_sessions_bad_request']            = 'The request named no valid user.';
$lang['login_security_sessions_admin_only']             = 'Only an administrator can sign out or ban an administrator.';
$lang['login_security_sessions_action_failed']          = 'Login Security could not do that: see the PHP error log.';
$lang['login_security_sessions_signed_out_others']      = 'Signed out of %s other sessions.';
$lang['login_security_sessions_signed_out_others_one']  = 'Signed out of 1 other session.';

// Login Log details.
$lang['login_security_sessions_banned_until']               = 'Banned until %s';
$lang['login_security_sessions_ban_lifted_details']         = 'Ban lifted';
$lang['login_security_sessions_password_changed_details']   = 'Password changed';
$lang['login_security_sessions_ended_by_user_details']      = 'Signed out from another session of the same user';

// What a signed-out or refused user reads on the login page.
$lang['login_security_sessions_notice_forced']   = 'You were signed out by an administrator.';
$lang['login_security_sessions_notice_banned']   = 'Your account is suspended until %s. Try again after that.';
$lang['login_security_sessions_notice_idle']     = 'You were signed out after a period of inactivity.';
$lang['login_security_sessions_notice_rejected'] = 'You are already signed in on another device or browser. Sign out there first, or try again once that session has been inactive for %s minutes.';
$lang['login_security_sessions_notice_rejected_one'] = 'You are already signed in on another device or browser. Sign out there first, or try again once that session has been inactive for 1 minute.';
$lang['login_security_sessions_notice_expired']  = 'Your session has expired. Please sign in again.';
$lang['login_security_sessions_notice_ended']    = 'Your session was ended (signed out from another session or after a password change). Please sign in again.';
$lang['login_security_sessions_notice_password_changed'] = 'Your session was ended because your password was changed. Please sign in with the new password.';
$lang['login_security_sessions_notice_revoked']  = 'Your automatic login (“remember me”) is no longer valid: that session was signed out, or your password was changed. Please sign in again.';

// My sessions.
$lang['login_security_my_sessions_intro']        = 'Where you are signed in now. Sign out any session you do not recognise, then change your password.';
$lang['login_security_my_sessions_end_others']   = 'Sign out everywhere else';
$lang['login_security_my_sessions_end_others_confirm'] = 'Sign out every other session, including “remember me” logins on other devices?';
$lang['login_security_my_sessions_none']         = 'No other session.';

// Settings tab "Login Session".
$lang['login_security_sessions_settings_tab']            = 'Login Session';
$lang['login_security_setting_session_single_staff']             = 'Single login for staff';
$lang['login_security_setting_session_single_staff_help']        = 'A staff member who is already signed in elsewhere cannot sign in from another browser or device; the first session keeps working.';
$lang['login_security_setting_session_single_customers']         = 'Single login for customers';
$lang['login_security_setting_session_single_customers_help']    = 'The same rule for customer contacts.';
$lang['login_security_setting_session_idle_minutes']             = 'Idle expiry (minutes)';
$lang['login_security_setting_session_idle_minutes_help']        = 'A session without activity for this long no longer counts for single login, so a user who closed the browser without signing out is never stranded.';
$lang['login_security_setting_session_end_on_password_change']      = 'Sign out other sessions after a password change';
$lang['login_security_setting_session_end_on_password_change_help'] = 'After a password change — by the user, a reset link, an administrator or another module — every other session of the user ends at its next request, “remember me” logins from before the change included.';

// Settings tab "Inactivity Logout".
$lang['login_security_inactivity_settings_tab']   = 'Inactivity Logout';
$lang['login_security_inactivity_intro']          = 'Warns a user who has not used the mouse, keyboard, scroll wheel or touch screen and has not opened a page for a while, then signs them out. The server enforces it too: a session idle for longer than the timeout plus one minute is ended on its next request, even with JavaScript off.';
$lang['login_security_setting_inactivity_enabled']        = 'Sign out inactive users';
$lang['login_security_setting_inactivity_enabled_help']   = 'The global switch of Inactivity Logout.';
$lang['login_security_setting_inactivity_staff']          = 'Apply to staff';
$lang['login_security_setting_inactivity_customers']      = 'Apply to customers (contacts)';
$lang['login_security_setting_inactivity_timeout_minutes']        = 'Inactivity timeout (minutes)';
$lang['login_security_setting_inactivity_timeout_minutes_help']   = 'Minutes without activity before the sign-out.';
$lang['login_security_setting_inactivity_warning_seconds']        = 'Warning before the sign-out (seconds)';
$lang['login_security_setting_inactivity_warning_seconds_help']   = 'How long the warning and its countdown show before the sign-out; shorter than the timeout.';
$lang['login_security_setting_inactivity_message']        = 'Warning message';
$lang['login_security_setting_inactivity_message_help']   = 'Plain text. Leave it empty to show the default (the grey text).';
$lang['login_security_inactivity_applies_within'] = 'Changes reach open pages within a minute and new pages at once.';

// The warning in the browser.
$lang['login_security_inactivity_default_message'] = 'You have not been active for a while. For your security you will be signed out soon.';
$lang['login_security_inactivity_title']           = 'Are you still there?';
$lang['login_security_inactivity_stay']            = 'Stay signed in';
$lang['login_security_inactivity_sign_out']        = 'Sign out now';
$lang['login_security_inactivity_seconds']         = 'seconds';
$lang['login_security_inactivity_countdown']       = 'You will be signed out in %s seconds.';

// The login page after the sign-out.
$lang['login_security_inactivity_signed_out']     = 'You were signed out after %s minutes of inactivity.';
$lang['login_security_inactivity_signed_out_one'] = 'You were signed out after 1 minute of inactivity.';

// Extension status page (admin/login_security/extension_status).
$lang['login_security_ext_status']          = 'Extension status';
$lang['login_security_ext_ok']              = 'The login_security extension %s is loaded and matches this module.';
$lang['login_security_ext_mismatch']        = 'The login_security extension loaded is version %s, but this module is version %s: install the extension from the release bundle of the module\'s version (the steps below replace the file).';
$lang['login_security_ext_missing']         = 'The login_security extension is not loaded: logins are neither recorded nor limited. The file for this server is %s in the release bundle; the steps below install it.';
$lang['login_security_ext_no_build_zts']    = 'The login_security extension is not loaded, and no prebuilt file fits: this PHP is thread-safe (ZTS), the prebuilt extensions are for non-thread-safe PHP %s (php-fpm, or Apache with mod_php and the prefork MPM). Switch the site to an NTS PHP, or build the extension from source on this server.';
$lang['login_security_ext_no_build_platform'] = 'The login_security extension is not loaded, and no prebuilt file fits this server (%s): the prebuilt extensions are for PHP %s on 64-bit x86 Linux with glibc 2.17 or newer. Build the extension from source on this server.';
$lang['login_security_ext_no_build_version'] = 'The login_security extension is not loaded, and no prebuilt file fits PHP %s: the bundle has builds for PHP %s. Switch the site to one of those versions (hosting panels offer it per site), or build the extension from source on this server.';
$lang['login_security_ext_php_version']     = 'PHP version';
$lang['login_security_ext_sapi']            = 'Server API (SAPI)';
$lang['login_security_ext_thread_safety']   = 'Thread safety';
$lang['login_security_ext_zts']             = 'thread-safe (ZTS)';
$lang['login_security_ext_nts']             = 'not thread-safe (NTS)';
$lang['login_security_ext_arch']            = 'Architecture, C library';
$lang['login_security_ext_extension_dir']   = 'extension_dir';
$lang['login_security_ext_ini_loaded']      = 'Loaded php.ini';
$lang['login_security_ext_ini_scan_dirs']   = 'Additional .ini directory';
$lang['login_security_ext_ini_scanned']     = 'Additional .ini files parsed';
$lang['login_security_ext_loaded']          = 'Extension loaded';
$lang['login_security_ext_version']         = 'Extension version';
$lang['login_security_ext_module_version']  = 'Module version';
$lang['login_security_ext_build']           = 'Build for this server';
$lang['login_security_ext_none']            = '(none)';
$lang['login_security_ext_yes']             = 'yes';
$lang['login_security_ext_no']              = 'no';
$lang['login_security_ext_what_to_do']      = 'What to do on this server';
$lang['login_security_ext_step_installer']  = 'Copy the release bundle to the server, unzip it and run its installer as root (it picks the file, enables it and checks it):';
$lang['login_security_ext_step_copy']       = 'Or by hand: copy %s into PHP\'s extension directory,';
$lang['login_security_ext_step_ini_debian'] = 'enable it for every SAPI (cli, fpm, apache2),';
$lang['login_security_ext_step_ini_scan']   = 'enable it in the additional .ini directory %s,';
$lang['login_security_ext_step_ini_php']    = 'add this line to %s,';
$lang['login_security_ext_step_restart']    = 'then restart PHP so that the web server loads it:';
$lang['login_security_ext_step_source']     = 'From the module\'s source tree on this server (needs Rust and the PHP headers; README → Install → Build from source):';
$lang['login_security_ext_after']           = 'Reload this page afterwards: it should say that the extension is loaded.';
