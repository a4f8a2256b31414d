<?php

defined('BASEPATH') or exit('No direct script access allowed');

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
