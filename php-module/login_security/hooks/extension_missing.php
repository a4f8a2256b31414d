<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Without the extension nothing protects logins (the hooks that would are not loaded: Perfex works as if the module
 * were off) and admins see the notice with the fix. The Login Log events this request would have recorded are
 * missing: the PHP log says so once per request, so that a server without the extension shows up in its logs.
 */

foreach (['before_staff_login', 'before_client_login', 'before_staff_logout', 'before_contact_logout', 'failed_login_attempt',
    'non_existent_user_login_attempt', 'inactive_user_login_attempt'] as $login_security_missing_hook) {
    hooks()->add_action($login_security_missing_hook, [Login_security_gateway::instance(), 'notRecorded']);
}
unset($login_security_missing_hook);
