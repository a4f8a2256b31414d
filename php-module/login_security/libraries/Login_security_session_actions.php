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
     * Ends every session of a user but the ones kept, removing their Perfex session and remember-me rows. How many
     * sessions ended, or null when the extension failed.
     *
     * @param array{token?: string|null, php_session?: string|null, autologin?: string|null} $keep
     */
    public static function endUser(string $userType, int $userId, string $reason, string $details = '', array $keep = []): ?int
    {
        $actor     = self::actor();
        $durations = Login_security_gateway::instance()->endUserSessions($userType, $userId, $reason, $actor['name'],
            $keep['token'] ?? null, $keep['php_session'] ?? null, $keep['autologin'] ?? null, self::logFields($details, $actor));

        return $durations === null ? null : count($durations);
    }

    /**
     * Ends the one session with the public id $publicId (as live() shows it) when it is $owner's ("staff:ID" /
     * "contact:ID"): one extension call checks the owner, ends it and records it.
     *
     * @return array{user_type: string, user_id: int, duration: int}|null null when no active session of $owner has that id
     */
    public static function endOne(string $publicId, string $owner, string $reason, string $details = ''): ?array
    {
        $actor = self::actor();

        return Login_security_gateway::instance()->endSessionById($publicId, $reason, $actor['name'], $owner, self::logFields($details, $actor));
    }

    /**
     * Bans a user for $minutes and ends their sessions (with their Perfex session and remember-me rows). When the ban
     * ends (unix time), or null when it could not be stored.
     */
    public static function ban(string $userType, int $userId, int $minutes, string $reason): ?int
    {
        $actor = self::actor();
        $until = Login_security_gateway::instance()->banUser($userType, $userId, $minutes, $reason, $actor['name']);
        if ($until === null) {
            return null;
        }
        $details = self::banDetails($until, $reason);
        $ended   = self::endUser($userType, $userId, \LoginSecurity\EndReason::BANNED, $details);
        if ($ended === 0) {
            // No session to end: the ban itself is still recorded.
            self::record($userType, $userId, \LoginSecurity\EndReason::BANNED, null, $details, $actor);
        }

        return $until;
    }

    /** Lifts a ban early: true when there was one (recorded), false when not, null on failure. */
    public static function liftBan(string $userType, int $userId): ?bool
    {
        $lifted = Login_security_gateway::instance()->liftBan($userType, $userId);
        if ($lifted === true) {
            $actor = self::actor();
            Login_security_gateway::instance()->record([
                'event'      => 'reenabled',
                'user_type'  => $userType,
                'user_id'    => $userId,
                'details'    => _l('login_security_sessions_ban_lifted_details'),
                'actor_id'   => $actor['id'],
                'actor_name' => $actor['name'],
            ]);
        }

        return $lifted;
    }

    /**
     * Ends every session of the current user but this browser's: its session, PHP session row and remember-me row
     * are kept ("sign out everywhere else", a password change). How many ended, or null on failure.
     */
    public static function endOthers(string $userType, int $userId, string $details): ?int
    {
        return self::endUser($userType, $userId, \LoginSecurity\EndReason::LOGOUT, $details, [
            'token'       => Login_security_session_context::token($userType, $userId),
            'php_session' => session_id() !== '' ? session_id() : null,
            'autologin'   => Login_security_session_context::autologinKey(),
        ]);
    }

    /** Ends one other session of the current user (an id from their own list, never this browser's). */
    public static function endOwn(string $userType, int $userId, string $publicId): bool
    {
        if ($publicId === Login_security_session_context::publicId($userType, $userId)) {
            return false;
        }

        return self::endOne($publicId, $userType . ':' . $userId, \LoginSecurity\EndReason::LOGOUT, _l('login_security_sessions_ended_by_user_details')) !== null;
    }

    /**
     * The user's live sessions, presented, this browser's marked "current".
     *
     * @return list<array<string, mixed>>
     */
    public static function ownSessions(string $userType, int $userId): array
    {
        $current = Login_security_session_context::publicId($userType, $userId);
        $rows    = [];
        foreach (Login_security_gateway::instance()->liveSessions($userType, $userType . ':' . $userId,
            Login_security_session_presenter::LIST_WINDOW, Login_security_session_presenter::LIST_LIMIT) as $row) {
            if (is_array($row)) {
                $rows[] = Login_security_session_presenter::session($row, $current);
            }
        }

        return $rows;
    }

    /** The ban's end and reason, as the Login Log shows them (plain text). */
    public static function banDetails(int $until, string $reason): string
    {
        $text = _l('login_security_sessions_banned_until', Login_security_session_notice::untilMinute($until));

        return $reason === '' ? $text : $text . ': ' . $reason;
    }

    /**
     * Who acts: the staff member of this request, else the contact, else nobody (a password reset link).
     *
     * @return array{id: int|null, name: string}
     */
    public static function actor(): array
    {
        if (is_staff_logged_in()) {
            return ['id' => (int) get_staff_user_id(), 'name' => (string) get_staff_full_name()];
        }
        if (is_client_logged_in() && function_exists('get_contact_full_name')) {
            return ['id' => null, 'name' => (string) get_contact_full_name((int) get_contact_user_id())];
        }

        return ['id' => null, 'name' => ''];
    }

    /**
     * One session's end in the Login Log, without this request's IP or device (not the user's).
     *
     * @param array{id: int|null, name: string} $actor
     */
    private static function record(string $userType, int $userId, string $reason, ?int $duration, string $details, array $actor): void
    {
        Login_security_gateway::instance()->record(self::logFields($details, $actor) + [
            'event'      => \LoginSecurity\Event::LOGOUT,
            'user_type'  => $userType,
            'user_id'    => $userId,
            'duration'   => $duration,
            'end_reason' => $reason,
        ]);
    }

    /**
     * What the Login Log says of a session an action ends, besides its user, reason and duration: who did it, and
     * no IP or device (they are not the user's).
     *
     * @param array{id: int|null, name: string} $actor
     * @return array{details: string, actor_id: int|null, actor_name: string, ip: string, user_agent: string}
     */
    private static function logFields(string $details, array $actor): array
    {
        return ['details' => $details, 'actor_id' => $actor['id'], 'actor_name' => $actor['name'], 'ip' => '', 'user_agent' => ''];
    }
}
