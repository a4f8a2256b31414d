<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/../libraries/Login_security_extension_status.php';

/**
 * Extension status: admin/login_security/extension_status. Administrators only: it shows the server's PHP paths
 * and the root commands that install the extension (the dashboard notice that links here is for admins too).
 */
class Extension_status extends AdminController
{
    public function index(): void
    {
        if (!is_admin()) {
            access_denied(LOGIN_SECURITY_CAPABILITY);

            return;
        }

        $gateway = Login_security_gateway::instance();
        $facts   = Login_security_extension_status::facts($gateway->isAvailable(), $gateway->isAvailable() ? $gateway->version() : null, LOGIN_SECURITY_VERSION);

        $this->app_css->add('login-security-css', login_security_asset_url('assets/css/login_security.css'));
        $this->load->view('login_security/extension_status', [
            'title'  => _l('login_security_ext_status'),
            'facts'  => $facts,
            'report' => Login_security_extension_status::report($facts),
        ]);
    }
}
