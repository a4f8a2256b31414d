<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/../libraries/Login_security_session_presenter.php';

/**
 * My sessions for staff: admin/login_security/my_sessions (the staff member's own live sessions), and the POST
 * actions /end_others ("sign out everywhere else") and /end (one of their other sessions). Any logged-in staff
 * member; no capability needed: it only ever touches their own sessions.
 */
class My_sessions extends AdminController
{
    public function index(): void
    {
        $staffId = (int) get_staff_user_id();
        login_security_sessions_assets(true);
        $this->load->view('login_security/sessions_mine_page', [
            'title'    => _l('login_security_my_sessions'),
            'sessions' => !Login_security_gateway::instance()->isAvailable() ? [] : Login_security_session_actions::ownSessions(\LoginSecurity\UserType::STAFF, $staffId),
            'base_url' => admin_url(LOGIN_SECURITY_URI_MY_SESSIONS),
            'notice'   => Login_security_gateway::instance()->notice(),
        ]);
    }

    public function end_others(): void
    {
        login_security_sessions_require_post();
        login_security_sessions_require_extension(admin_url(LOGIN_SECURITY_URI_MY_SESSIONS));
        $count = Login_security_session_actions::endOthers(\LoginSecurity\UserType::STAFF, (int) get_staff_user_id(),
            _l('login_security_sessions_ended_by_user_details'));
        login_security_sessions_mine_done($count, admin_url(LOGIN_SECURITY_URI_MY_SESSIONS));
    }

    public function end(): void
    {
        login_security_sessions_require_post();
        login_security_sessions_require_extension(admin_url(LOGIN_SECURITY_URI_MY_SESSIONS));
        $id    = $this->input->post('id');
        $ended = is_string($id) && Login_security_session_actions::endOwn(\LoginSecurity\UserType::STAFF, (int) get_staff_user_id(), $id);
        login_security_sessions_mine_done($ended ? 1 : 0, admin_url(LOGIN_SECURITY_URI_MY_SESSIONS));
    }
}
