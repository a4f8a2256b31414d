<?php

defined('BASEPATH') or exit('No direct script access allowed');

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
