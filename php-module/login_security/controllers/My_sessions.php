<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/../libraries/Login_security_session_actions.php';

/**
 * My sessions for staff: admin/login_security/my_sessions, and its POST actions (Login_security_my_sessions). Any
 * logged-in staff member; no capability needed: it only ever touches their own sessions.
 */
class My_sessions extends AdminController
{
    use Login_security_my_sessions;

    public function index(): void
    {
        login_security_sessions_assets(true);
        $this->load->view('login_security/sessions_mine_page', $this->mineData() + [
            'title'  => _l('login_security_my_sessions'),
            'notice' => Login_security_gateway::instance()->notice(),
        ]);
    }

    private function mine(): array
    {
        return ['staff', (int) get_staff_user_id(), admin_url(LOGIN_SECURITY_URI_MY_SESSIONS)]; // no UserType::STAFF: opens without the extension
    }
}
