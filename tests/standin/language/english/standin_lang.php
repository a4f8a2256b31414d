<?php
/** The stand-in's own strings, under the keys Perfex uses for the same places (modules may reuse core keys). */

$lang['access_denied'] = 'Access denied';
$lang['als_dashboard'] = 'Dashboard';
$lang['acs_settings'] = 'Settings';
$lang['options'] = 'Settings';
$lang['modules'] = 'Modules';
$lang['module'] = 'Module';
$lang['module_description'] = 'Description';
$lang['module_activate'] = 'Activate';
$lang['module_deactivate'] = 'Deactivate';
$lang['module_uninstall'] = 'Uninstall';
$lang['module_version'] = 'Version %s';
$lang['nav_logout'] = 'Log out';
$lang['standin_welcome'] = 'Signed in as %s.';
$lang['confirm'] = 'Confirm';

$lang['settings_group_general'] = 'General';
$lang['settings_group_sales'] = 'Finance';
$lang['settings_group_configure_features'] = 'Configure features';
$lang['integrations'] = 'Integrations';
$lang['settings_group_ai'] = 'AI';
$lang['settings_group_other'] = 'Other';
$lang['settings_group_misc'] = 'Miscellaneous';
$lang['settings_general_company_name'] = 'Company name';
$lang['settings_yes'] = 'Yes';
$lang['settings_no'] = 'No';
$lang['settings_save'] = 'Save settings';
$lang['settings_updated'] = 'Settings saved.';

$lang['form_validation_required'] = '%s is required.';
$lang['form_validation_valid_email'] = '%s must be a valid e-mail address.';
$lang['form_validation_matches'] = '%s does not match.';

$lang['admin_auth_login_heading'] = 'Staff sign-in';
$lang['admin_auth_login_email'] = 'E-mail';
$lang['admin_auth_login_password'] = 'Password';
$lang['admin_auth_login_remember_me'] = 'Keep me signed in';
$lang['admin_auth_login_button'] = 'Sign in';
$lang['admin_auth_login_fp'] = 'Forgot your password?';
$lang['admin_auth_invalid_email_or_password'] = 'Wrong e-mail or password.';
$lang['admin_auth_inactive_account'] = 'This account is disabled.';
$lang['inactive_account'] = 'This account is disabled.';
$lang['two_factor_authentication'] = 'Two-step verification';
$lang['two_factor_authentication_code'] = 'Verification code';
$lang['two_factor_auth_code_sent_successfully'] = 'A verification code was sent to %s.';
$lang['two_factor_code_not_valid'] = 'That verification code is not valid.';
$lang['admin_auth_forgot_password_heading'] = 'Reset your password';
$lang['check_email_for_resetting_password'] = 'A reset link was sent to your e-mail address.';
$lang['auth_reset_pass_email_not_found'] = 'No account uses that e-mail address.';
$lang['admin_auth_reset_password_heading'] = 'Choose a new password';
$lang['admin_auth_reset_password'] = 'New password';
$lang['admin_auth_reset_password_repeat'] = 'Repeat the new password';
$lang['password_reset_key_expired'] = 'This reset link is no longer valid.';
$lang['password_reset_message'] = 'Your password was changed.';
$lang['staff_password_changed'] = 'Your password was changed.';
$lang['staff_old_password_incorrect'] = 'The old password is wrong or the new ones do not match.';

$lang['clients_login_heading_no_register'] = 'Customer sign-in';
$lang['clients_login_email'] = 'E-mail';
$lang['clients_login_password'] = 'Password';
$lang['clients_login_remember'] = 'Keep me signed in';
$lang['clients_login_login_string'] = 'Sign in';
$lang['client_invalid_username_or_password'] = 'Wrong e-mail or password.';
$lang['clients_nav_login'] = 'Sign in';
$lang['clients_nav_logout'] = 'Log out';
