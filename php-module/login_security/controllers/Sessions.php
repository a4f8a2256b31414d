<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/../libraries/Login_security_session_actions.php';

/**
 * Login Sessions: admin/login_security/sessions (page), /rows (the list's rows, for the page's refresh), and the
 * POST actions /end (one session), /end_user (all of a user's), /ban, /lift_ban. Reading needs the capability
 * view, acting manage; only administrators may act on an administrator. Every action is recorded in the Login Log.
 */
class Sessions extends AdminController
{
    public function index(): void
    {
        if (!login_security_allowed('view')) {
            return;
        }
        $filter = $this->filter();
        login_security_sessions_assets(true);
        $this->load->view('login_security/sessions', $this->rowsData($filter) + [
            'title'    => _l('login_security_sessions'),
            'filter'   => $filter,
            'bans'     => array_map([Login_security_session_presenter::class, 'ban'], Login_security_gateway::instance()->bans('')),
            'notice'   => Login_security_gateway::instance()->notice(),
            'interval' => 15,
        ]);
    }

    /** The table rows only (HTML, escaped like the page), for the page's refresh every few seconds. */
    public function rows(): void
    {
        if (!staff_can('view', LOGIN_SECURITY_CAPABILITY)) {
            ajax_access_denied();
        }
        header('Cache-Control: no-store');
        $this->load->view('login_security/sessions_rows', $this->rowsData($this->filter()));
    }

    /** Ends one session (POST id, user_type, user_id). */
    public function end(): void
    {
        [$type, $userId] = $this->actionTarget();
        $id    = $this->input->post('id');
        $ended = is_string($id) && Login_security_session_actions::endOne($id, $type . ':' . $userId, \LoginSecurity\EndReason::FORCED);
        $this->done($ended, 'login_security_sessions_ended_one', 'login_security_sessions_nothing_ended');
    }

    /** Ends every session of a user (POST user_type, user_id). */
    public function end_user(): void
    {
        [$type, $userId] = $this->actionTarget();
        $count = Login_security_session_actions::endUser($type, $userId, \LoginSecurity\EndReason::FORCED);
        $this->done((int) $count > 0, (int) $count === 1 ? 'login_security_sessions_ended_user_one' : 'login_security_sessions_ended_user',
            'login_security_sessions_nothing_ended', (string) $count);
    }

    /** Bans a user for N minutes with an optional reason (POST user_type, user_id, minutes, reason). */
    public function ban(): void
    {
        [$type, $userId] = $this->actionTarget();
        $minutes = trim((string) $this->input->post('minutes'));
        if (!preg_match('/^\d{1,6}$/', $minutes) || (int) $minutes < 1 || (int) $minutes > Login_security_session_actions::MAX_BAN_MINUTES) {
            $this->done(false, '', 'login_security_sessions_ban_minutes_invalid', (string) Login_security_session_actions::MAX_BAN_MINUTES);
        }
        if ($type === \LoginSecurity\UserType::STAFF && $userId === (int) get_staff_user_id()) {
            $this->done(false, '', 'login_security_sessions_ban_self');
        }
        $reason = $this->input->post('reason');
        $reason = is_string($reason) ? mb_substr(trim(mb_scrub($reason, 'UTF-8')), 0, 255, 'UTF-8') : '';
        $until  = Login_security_session_actions::ban($type, $userId, (int) $minutes, $reason);
        $this->done($until !== null, 'login_security_sessions_banned', 'login_security_sessions_action_failed',
            $until !== null ? Login_security_session_notice::untilMinute($until) : '');
    }

    /** Lifts a ban early (POST user_type, user_id). */
    public function lift_ban(): void
    {
        $lifted = Login_security_session_actions::liftBan(...$this->actionTarget());
        $this->done($lifted === true, 'login_security_sessions_ban_lifted', 'login_security_sessions_no_ban');
    }

    /**
     * What every action checks first: capability manage, POST (Perfex has checked the CSRF token by then), a valid
     * user, and an administrator only acted on by an administrator. Ends the request otherwise.
     *
     * @return array{0: string, 1: int} the user type and id
     */
    private function actionTarget(): array
    {
        if (!staff_can('manage', LOGIN_SECURITY_CAPABILITY)) {
            access_denied(LOGIN_SECURITY_CAPABILITY);
        }
        login_security_sessions_require_post();
        $type = (string) $this->input->post('user_type');
        $id   = (string) $this->input->post('user_id');
        if (!in_array($type, Login_security_gateway::instance()->vocabulary('user_types'), true) || !preg_match('/^[1-9]\d{0,9}$/', $id)) {
            $this->done(false, '', 'login_security_sessions_bad_request');
        }
        if ($type === \LoginSecurity\UserType::STAFF && !is_admin() && is_admin((int) $id)) {
            $this->done(false, '', 'login_security_sessions_admin_only');
        }

        return [$type, (int) $id];
    }

    /** Back to the list with the outcome (redirects: the request ends here). */
    private function done(bool $ok, string $successKey, string $failureKey, string $label = ''): void
    {
        if (!$ok && Login_security_gateway::instance()->hadError()) {
            $failureKey = 'login_security_sessions_action_failed';
        }
        set_alert($ok ? 'success' : 'danger', login_security_alert_text(_l($ok ? $successKey : $failureKey, $label)));
        redirect(admin_url(LOGIN_SECURITY_URI_SESSIONS));
    }

    /** @return array{type: string, q: string} */
    private function filter(): array
    {
        $type = $this->input->get('type');
        $term = $this->input->get('q');

        return [
            'type' => is_string($type) && in_array($type, Login_security_gateway::instance()->vocabulary('user_types'), true) ? $type : '',
            'q'    => is_string($term) ? mb_substr(trim(mb_scrub($term, 'UTF-8')), 0, 100, 'UTF-8') : '',
        ];
    }

    /**
     * @param array{type: string, q: string} $filter
     * @return array{sessions: list<array<string, mixed>>, can_manage: bool}
     */
    private function rowsData(array $filter): array
    {
        $current = Login_security_session_context::publicId('staff', (int) get_staff_user_id()); // no UserType: opens without the extension

        return [
            'sessions'   => Login_security_session_presenter::sessions($filter['type'], '', $current, $filter['q']),
            'can_manage' => staff_can('manage', LOGIN_SECURITY_CAPABILITY),
        ];
    }
}
