<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/../libraries/Login_security_session_presenter.php';

/**
 * My sessions for customer contacts, in the customers area: /login_security/client_sessions (the contact's own live
 * sessions), and the POST actions /end_others ("sign out everywhere else") and /end (one of their other sessions).
 * Logged-out visitors go to the login page and come back after it.
 */
class Client_sessions extends ClientsController
{
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
        $this->data([
            'sessions' => !Login_security_gateway::instance()->isAvailable() ? [] : Login_security_session_actions::ownSessions(\LoginSecurity\UserType::CONTACT, Login_security_session_context::contactId()),
            'base_url' => site_url(LOGIN_SECURITY_URI_CLIENT_SESSIONS),
            // Customers read that protection is off; the fix is for an administrator (no link to admin pages).
            'notice'     => Login_security_gateway::instance()->isAvailable() ? null : _l('login_security_protection_off_client'),
            'admin_area' => false,
        ]);
        $this->title(_l('login_security_my_sessions'));
        $this->view('login_security/sessions_mine');
        $this->layout(true);
    }

    public function end_others(): void
    {
        login_security_sessions_require_post();
        login_security_sessions_require_extension(site_url(LOGIN_SECURITY_URI_CLIENT_SESSIONS));
        $count = Login_security_session_actions::endOthers(\LoginSecurity\UserType::CONTACT, Login_security_session_context::contactId(),
            _l('login_security_sessions_ended_by_user_details'));
        login_security_sessions_mine_done($count, site_url(LOGIN_SECURITY_URI_CLIENT_SESSIONS));
    }

    public function end(): void
    {
        login_security_sessions_require_post();
        login_security_sessions_require_extension(site_url(LOGIN_SECURITY_URI_CLIENT_SESSIONS));
        $id    = $this->input->post('id');
        $ended = is_string($id) && Login_security_session_actions::endOwn(\LoginSecurity\UserType::CONTACT, Login_security_session_context::contactId(), $id);
        login_security_sessions_mine_done($ended ? 1 : 0, site_url(LOGIN_SECURITY_URI_CLIENT_SESSIONS));
    }
}
