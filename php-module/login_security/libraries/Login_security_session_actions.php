<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/Login_security_session_presenter.php';

/**
 * What admins and users do to sessions — force logout (one session or all of a user's), ban, lift a ban, sign out
 * everywhere else, end sessions after a password change — each recorded in the Login Log with who did it.
 *
 * Every session ended is one "logout" event of its user with the end reason and its duration, recorded by the
 * extension in the call that ends it (the user's next request only signs them out). Those events carry no IP or
 * device: they did not come from the user's browser. Callers check permissions and the request method first.
 */
final class Login_security_session_actions
{
    /** Longest ban an admin may give (minutes, one year: what the extension accepts). */
    public const MAX_BAN_MINUTES = 525600;

    /**
     * Ends every session of a user but the ones kept, with their Perfex session and remember-me rows: how many, or null.
     *
     * @param array{0?: string|null, 1?: string|null, 2?: string|null} $keep token, PHP session id, autologin md5 key
     */
    public static function endUser(string $userType, int $userId, string $reason, string $details = '', array $keep = []): ?int
    {
        $log       = self::log($details);
        $durations = Login_security_gateway::instance()->endUserSessions($userType, $userId, $reason, $log['actor_name'],
            $keep[0] ?? null, $keep[1] ?? null, $keep[2] ?? null, $log);

        return $durations === null ? null : count($durations);
    }

    /** Ends the session live() shows as $publicId when it is $owner's ("staff:ID"): one call checks, ends and records it. */
    public static function endOne(string $publicId, string $owner, string $reason, string $details = ''): bool
    {
        $log = self::log($details);

        return Login_security_gateway::instance()->endSessionById($publicId, $reason, $log['actor_name'], $owner, $log) !== null;
    }

    /** Bans a user for $minutes and ends their sessions. When the ban ends (unix time), or null when it could not be stored. */
    public static function ban(string $userType, int $userId, int $minutes, string $reason): ?int
    {
        $log   = self::log('');
        $until = Login_security_gateway::instance()->banUser($userType, $userId, $minutes, $reason, $log['actor_name']);
        if ($until === null) {
            return null;
        }
        $details = _l('login_security_sessions_banned_until', Login_security_session_notice::untilMinute($until)) . ($reason === '' ? '' : ': ' . $reason);
        if (self::endUser($userType, $userId, \LoginSecurity\EndReason::BANNED, $details) === 0) {
            // No session to end: the ban itself is still recorded.
            Login_security_gateway::instance()->record(['event' => \LoginSecurity\Event::LOGOUT, 'user_type' => $userType, 'user_id' => $userId,
                'end_reason' => \LoginSecurity\EndReason::BANNED] + self::log($details));
        }

        return $until;
    }

    /** Lifts a ban early: true when there was one (recorded), false when not, null on failure. */
    public static function liftBan(string $userType, int $userId): ?bool
    {
        $lifted = Login_security_gateway::instance()->liftBan($userType, $userId);
        if ($lifted === true) {
            $log = self::log(_l('login_security_sessions_ban_lifted_details'));
            Login_security_gateway::instance()->record(['event' => 'reenabled', 'user_type' => $userType, 'user_id' => $userId,
                'details' => $log['details'], 'actor_id' => $log['actor_id'], 'actor_name' => $log['actor_name']]);
        }

        return $lifted;
    }

    /** Ends every session of the current user but this browser's (its PHP session and remember-me rows kept): how many, or null. */
    public static function endOthers(string $userType, int $userId, string $details): ?int
    {
        return self::endUser($userType, $userId, \LoginSecurity\EndReason::LOGOUT, $details, [Login_security_session_context::token($userType, $userId),
            session_id() !== '' ? session_id() : null, Login_security_session_context::autologinKey()]);
    }

    /**
     * What the Login Log says of an action besides the user, reason and duration: who did it — the staff member of
     * this request, else the contact, else nobody (a password reset link) — and no IP or device (not the user's).
     *
     * @return array{details: string, actor_id: int|null, actor_name: string, ip: string, user_agent: string}
     */
    private static function log(string $details): array
    {
        if (is_staff_logged_in()) {
            $actor = [(int) get_staff_user_id(), (string) get_staff_full_name()];
        } elseif (is_client_logged_in() && function_exists('get_contact_full_name')) {
            $actor = [null, (string) get_contact_full_name((int) get_contact_user_id())];
        }

        return ['details' => $details, 'actor_id' => $actor[0] ?? null, 'actor_name' => $actor[1] ?? '', 'ip' => '', 'user_agent' => ''];
    }
}

/**
 * "My sessions" of the user logged in (My_sessions: staff, Client_sessions: contacts; mine() says who and where):
 * the page's data, and the POST actions /end_others ("sign out everywhere else") and /end (one of their other
 * sessions). Without the extension an action goes back to the page, which says that protection is off.
 */
trait Login_security_my_sessions
{
    public function end_others(): void
    {
        $this->act(static fn (string $type, int $id): ?int => Login_security_session_actions::endOthers($type, $id, _l('login_security_sessions_ended_by_user_details')));
    }

    /** One of the user's other sessions (an id from their own list, never this browser's). */
    public function end(): void
    {
        $publicId = $this->input->post('id');
        $this->act(static fn (string $type, int $id): int => (int) (is_string($publicId) && $publicId !== Login_security_session_context::publicId($type, $id)
            && Login_security_session_actions::endOne($publicId, $type . ':' . $id, \LoginSecurity\EndReason::LOGOUT, _l('login_security_sessions_ended_by_user_details'))));
    }

    /** @return array{0: string, 1: int, 2: string} the user type, the user id, the page's URL */
    abstract private function mine(): array;

    /** @return array{sessions: list<array<string, mixed>>, base_url: string} */
    private function mineData(): array
    {
        [$type, $id, $url] = $this->mine();
        $available = Login_security_gateway::instance()->isAvailable();

        return ['sessions' => $available ? Login_security_session_presenter::sessions($type, $type . ':' . $id, Login_security_session_context::publicId($type, $id)) : [],
            'base_url' => $url];
    }

    /** Runs an action (POST only, with the extension) and goes back to the page saying how many sessions ended (null: it failed). */
    private function act(callable $action): void
    {
        login_security_sessions_require_post();
        [$type, $id, $url] = $this->mine();
        $ended = Login_security_gateway::instance()->isAvailable() ? $action($type, $id) : null;
        if ($ended === null) {
            set_alert('danger', login_security_alert_text(_l('login_security_sessions_action_failed')));
        } elseif ($ended === 0) {
            set_alert('info', login_security_alert_text(_l('login_security_sessions_nothing_ended')));
        } else {
            set_alert('success', login_security_alert_text(Login_security_session_notice::plural('login_security_sessions_signed_out_others', $ended)));
        }
        redirect($url);
    }
}
