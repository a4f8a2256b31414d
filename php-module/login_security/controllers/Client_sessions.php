<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/../libraries/Login_security_session_actions.php';

/**
 * My sessions for customer contacts, in the customers area: /login_security/client_sessions, and its POST actions
 * (Login_security_my_sessions). Logged-out visitors go to the login page and come back after it.
 */
class Client_sessions extends ClientsController
{
    use Login_security_my_sessions;

    public function __construct()
    {
        parent::__construct();
        if (Login_security_session_context::contactId() <= 0) { // "Login as client" is a staff member's session
            redirect_after_login_to_current_url();
            redirect(site_url('authentication/login'));
        }
    }

    public function index(): void
    {
        login_security_sessions_assets(true);
        $this->data($this->mineData() + [
            // Customers read that protection is off; the fix is for an administrator (no link to admin pages).
            'notice'     => Login_security_gateway::instance()->isAvailable() ? null : _l('login_security_protection_off_client'),
            'admin_area' => false,
        ]);
        $this->title(_l('login_security_my_sessions'));
        $this->view('login_security/sessions_mine');
        $this->layout(true);
    }

    private function mine(): array
    {
        return ['contact', Login_security_session_context::contactId(), site_url(LOGIN_SECURITY_URI_CLIENT_SESSIONS)]; // opens without the extension
    }
}
