<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Inactivity Logout endpoints of assets/js/inactivity_logout.js, at [admin/]login_security/inactivity/<method>. JSON
 * only: it extends App_Controller and checks the login itself (401 JSON, not AdminController's redirect). The
 * per-request session check (hooks/sessions.php, app_init) runs first and signs out an idle, ended or banned session;
 * it never counts these AJAX requests as activity: only heartbeat() records activity.
 */
class Inactivity extends App_Controller
{
    /** Without the extension nothing is enforced on the server (and no page loads the script): every call answers 503. */
    public function _remap(string $method, array $params = []): void
    {
        if (!Login_security_gateway::instance()->isAvailable()) {
            $this->json(503, ['error' => _l('login_security_extension_missing')]);

            return;
        }
        $method = strtolower($method); // as CodeIgniter dispatches it
        if (!in_array($method, ['heartbeat', 'config', 'expire'], true)) {
            show_404();
        }
        $this->{$method}(...$params);
    }

    /** POST (CSRF): real user input in the browser; keeps the server session of every user of this browser session alive. */
    public function heartbeat(): void
    {
        $users = Login_security_session_context::users();
        if (!$this->allowed(true, $users !== [])) {
            return;
        }
        $gateway = Login_security_gateway::instance();
        $touched = false;
        foreach ($users as $userType => $userId) {
            $token   = Login_security_session_context::token($userType, $userId);
            $touched = ($token !== null && $gateway->touchSession($token)) || $touched;
        }
        $this->json(200, ['signed_in' => true, 'recorded' => $touched]);
    }

    /** GET: the rule for "staff" or "contact" as saved now (open pages re-read it about once a minute). */
    public function config(string $userType = ''): void
    {
        if ($this->allowed(false, isset(Login_security_session_context::users()[$userType]))) {
            $this->json(200, ['signed_in' => true] + login_security_inactivity_rule($userType));
        }
    }

    /**
     * POST (CSRF) with idle_seconds: the browser counted the timeout down. The session ends as idle (recorded in the
     * Login Log now, like every session ended outside a logout) and the login page will say why; the script then
     * calls Perfex's logout, where the session check signs the user out. Refused, with the rule as saved now, when
     * the settings changed meanwhile (switched off, or a longer timeout not yet reached).
     */
    public function expire(string $userType = ''): void
    {
        $users = Login_security_session_context::users();
        if (!$this->allowed(true, isset($users[$userType]))) {
            return;
        }
        $idle = $this->input->post('idle_seconds');
        $rule = login_security_inactivity_rule($userType);
        if (!$rule['enabled'] || !is_string($idle) || !ctype_digit($idle) || (int) $idle < $rule['timeout_seconds']) {
            $this->json(200, ['signed_in' => true, 'expired' => false] + $rule);

            return;
        }
        $gateway = Login_security_gateway::instance();
        $token   = Login_security_session_context::token($userType, $users[$userType]);
        if ($token !== null) {
            $gateway->endSession($token, \LoginSecurity\EndReason::IDLE, '', $gateway->requestLog()); // recorded by the extension
        }
        Login_security_session_notice::set(\LoginSecurity\EndReason::IDLE, null);
        $this->json(200, ['signed_in' => true, 'expired' => true]);
    }

    /** Answers 405 to a POST endpoint called otherwise, then 401 when the user is not signed in; true when neither. */
    private function allowed(bool $postOnly, bool $signedIn): bool
    {
        if ($postOnly && $this->input->method() !== 'post') {
            header('Allow: POST');
            $this->json(405, ['error' => _l('login_security_post_only')]);

            return false;
        }
        if (!$signedIn) {
            $this->json(401, ['signed_in' => false]);
        }

        return $signedIn;
    }

    /** @param array<string, mixed> $body */
    private function json(int $status, array $body): void
    {
        http_response_code($status);
        header('Content-Type: application/json; charset=utf-8');
        header('Cache-Control: no-store');
        echo json_encode($body);
    }
}
