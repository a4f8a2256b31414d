<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/Login_security_session_notice.php';
require_once __DIR__ . '/Login_security_session_marker.php';

/**
 * The login-session lifecycle of this request: starting a session at login (refusing banned users and, with single
 * login, users who already have a live session), the one check per request that signs out ended, banned and idle
 * sessions, and ending the session at logout.
 *
 * Our token lives in the PHP session only, one key per user type (a staff member and a contact may share a browser
 * session): ['user_id' => int, 'token' => string]. Perfex's session id changes every 5 minutes, the token does not.
 * Every extension failure fails open: the request goes on and nobody is refused or signed out.
 */
final class Login_security_session_guard
{
    /** A session taken over without a login we saw (it is older than the module, or its row was lost). */
    public const METHOD_TAKEOVER = '';

    private const SESSION_KEYS = [
        Login_security_gateway::USER_STAFF   => 'login_security_session_staff',
        Login_security_gateway::USER_CONTACT => 'login_security_session_contact',
    ];

    /** The PHP-session key of the session's public id, per user type (the store finds Perfex's rows of exactly one
     * session by it: keep in step with store::handle_key). */
    private const HANDLE_KEY = 'login_security_sid_';

    /**
     * How the session of a user type being signed out right now ends, for the logout hook (hooks/login_log.php).
     *
     * @var array<string, array{record: bool, reason: string, duration: int|null}>
     */
    private static array $pending = [];

    /**
     * A login by form or two-factor code (before_staff_login / before_client_login, before Perfex sets its session
     * keys): refused for a banned user or, with single login, a user with a live session — the refusal is recorded,
     * the user is sent back to the login page with the reason, and Perfex never logs them in. Otherwise a session
     * starts.
     */
    public static function onLogin(string $userType, int $userId, string $method, string $identifier): void
    {
        $refusal = self::refusal($userType, $userId, true);
        if ($refusal === null) {
            $token = self::start($userType, $userId, $method, null);
            if (is_string($token)) {
                // Perfex creates the remember-me row after this hook, in this same request: bind it once it is made.
                register_shutdown_function([self::class, 'bindNewAutologin'], $token);
            }

            return;
        }
        Login_security_gateway::instance()->record([
            'event'      => Login_security_gateway::EVENT_LOGOUT,
            'user_type'  => $userType,
            'user_id'    => $userId,
            'identifier' => $identifier,
            'method'     => $method,
            'duration'   => 0,
            'end_reason' => $refusal['reason'],
        ]);
        $session = get_instance()->session;
        $session->unset_userdata(['_two_factor_auth_established', '_two_factor_auth_staff_email', 'tfa_staffid', 'tfa_remember']);
        set_alert('danger', login_security_alert_text(Login_security_session_notice::message($refusal['notice'], $refusal['until'])));
        redirect(self::loginUrl($userType));
    }

    /** Every request (app_init): the one check of each logged-in user of this session. */
    public static function checkRequest(): void
    {
        if (!Login_security_gateway::instance()->isAvailable()) {
            return;
        }
        if (!is_staff_logged_in() && !is_client_logged_in()) {
            // Signed out from elsewhere with every Perfex session row deleted: say why on the login page.
            $why = isset($_COOKIE[Login_security_session_marker::COOKIE]) ? Login_security_session_marker::explain() : null;
            if ($why !== null) {
                Login_security_session_notice::set($why[0], $why[1]);
            }
            self::refuseRevokedRememberMe($why === null);

            return;
        }
        if (is_staff_logged_in()) {
            self::verify(Login_security_gateway::USER_STAFF, (int) get_staff_user_id());
        } else {
            self::dropStale(Login_security_gateway::USER_STAFF);
        }
        // "Login as client" gives a staff member a contact session without any contact login: not the contact's.
        if (is_client_logged_in() && !get_instance()->session->has_userdata('logged_in_as_client')) {
            self::verify(Login_security_gateway::USER_CONTACT, (int) get_contact_user_id());
        } elseif (!is_client_logged_in()) {
            self::dropStale(Login_security_gateway::USER_CONTACT); // e.g. Perfex's admin area drops a contact login
        }
    }

    /**
     * The logout hook's view of the session that ends now: whether to record a logout event, its end reason and
     * duration (null: unknown, the Login Log falls back to its own). Ends our session.
     *
     * @return array{record: bool, reason: string, duration: int|null}
     */
    public static function endForLogout(string $userType, int $userId): array
    {
        if (isset(self::$pending[$userType])) {
            $end = self::$pending[$userType];
            unset(self::$pending[$userType]);
            self::forget($userType);

            return $end;
        }
        $token    = self::token($userType, $userId);
        $duration = $token === null ? null : Login_security_gateway::instance()->endSession($token, Login_security_gateway::END_LOGOUT, '');
        self::forget($userType);
        Login_security_session_marker::clear();

        return ['record' => true, 'reason' => Login_security_gateway::END_LOGOUT, 'duration' => $duration];
    }

    /**
     * A logged-out request with an autologin cookie: Perfex found no row for it. When the module revoked that token
     * (ended its session, or the password changed since), the refused arrival is recorded once and the cookie
     * dropped; $notice: say why on the login page.
     */
    private static function refuseRevokedRememberMe(bool $notice): void
    {
        $key  = self::autologinKey();
        $user = $key === null ? null : Login_security_gateway::instance()->revokedRememberMe($key);
        if ($user === null) {
            return; // no cookie, or not one the module revoked: Perfex's own business
        }
        Login_security_gateway::instance()->record([
            'event'     => Login_security_gateway::EVENT_FAILED,
            'user_type' => $user['user_type'],
            'user_id'   => $user['user_id'],
            'method'    => Login_security_gateway::METHOD_REMEMBER_ME,
            'reason'    => Login_security_gateway::REASON_REVOKED,
        ]);
        if ($notice) {
            Login_security_session_notice::set('revoked', null);
        }
        // Perfex refused it already (its row is gone): dropped, so that it is recorded once.
        $prefix = defined('APP_COOKIE_PREFIX') ? (string) constant('APP_COOKIE_PREFIX') : '';
        if (!headers_sent()) {
            setcookie($prefix . 'autologin', '', ['expires' => 1, 'path' => '/']);
        }
        unset($_COOKIE[$prefix . 'autologin']);
    }

    /**
     * End of a login request: when it set an autologin cookie (Perfex's create_autologin() after "remember me"), its
     * md5 key id is bound to the session that just started, so ending that one session revokes exactly that token.
     */
    public static function bindNewAutologin(string $token): void
    {
        $prefix = defined('APP_COOKIE_PREFIX') ? (string) constant('APP_COOKIE_PREFIX') : '';
        $key    = null;
        foreach (headers_list() as $header) {
            if (preg_match('/^Set-Cookie:\s*' . preg_quote($prefix . 'autologin', '/') . '=([^;]+)/i', $header, $m)) {
                $key = self::autologinKeyOf(urldecode($m[1]));
            }
        }
        if ($key !== null) {
            Login_security_gateway::instance()->bindAutologin($token, $key);
        }
    }

    /** This browser's token for the user, or null. */
    public static function token(string $userType, int $userId): ?string
    {
        $stored = get_instance()->session->userdata(self::SESSION_KEYS[$userType] ?? '');
        if (!is_array($stored) || (int) ($stored['user_id'] ?? 0) !== $userId || !is_string($stored['token'] ?? null)) {
            return null;
        }

        return $stored['token'];
    }

    /** The public id (as live() shows it) of this browser's session of the user, or null. */
    public static function currentId(string $userType, int $userId): ?string
    {
        $token = self::token($userType, $userId);

        return $token === null ? null : substr(hash('sha256', $token), 0, 32);
    }

    /** The md5 key of this browser's remember-me row (tbluser_auto_login.key_id), or null without the cookie. */
    public static function autologinKey(): ?string
    {
        $prefix = defined('APP_COOKIE_PREFIX') ? (string) constant('APP_COOKIE_PREFIX') : '';
        $raw    = $_COOKIE[$prefix . 'autologin'] ?? null;

        return is_string($raw) ? self::autologinKeyOf($raw) : null;
    }

    /** The md5 key id of an autologin cookie value (PHP-serialize(['user_id', 'key'])), or null. */
    private static function autologinKeyOf(string $raw): ?string
    {
        $data = $raw !== '' ? @unserialize($raw, ['allowed_classes' => false]) : null;

        return is_array($data) && isset($data['key']) && is_scalar($data['key']) ? md5((string) $data['key']) : null;
    }

    public static function loginUrl(string $userType): string
    {
        return $userType === Login_security_gateway::USER_STAFF ? admin_url('authentication') : site_url('authentication/login');
    }

    /** One user of this request: active → nothing; ended, banned or idle → signed out; unknown → a session starts. */
    private static function verify(string $userType, int $userId): void
    {
        if ($userId <= 0) {
            return;
        }
        $gateway = Login_security_gateway::instance();
        $token   = self::token($userType, $userId);
        if ($token !== null) {
            $input    = get_instance()->input;
            $activity = !$input->is_ajax_request(); // Perfex's background polling is AJAX
            $state    = $gateway->checkSession($token, Login_security_options::idleLimitSeconds($userType), $activity,
                Login_security_options::singleLogin($userType) ? Login_security_options::sessionIdleSeconds() : null, self::autologinKey());
            $name     = $state['state'] ?? 'active';
            $lasted   = isset($state['started_at']) ? max(0, time() - (int) $state['started_at']) : null;
            if ($name === 'ended') {
                // Recorded when it was ended (admin action, sign-out elsewhere, password change).
                $reason = (string) ($state['reason'] ?? Login_security_gateway::END_FORCED);
                self::signOut($userType, ['record' => false, 'reason' => $reason, 'duration' => null], $reason, null);
            } elseif ($name === 'banned') {
                $until = (int) ($state['until'] ?? 0);
                self::signOut($userType, ['record' => true, 'reason' => Login_security_gateway::END_BANNED, 'duration' => $lasted], Login_security_gateway::END_BANNED, $until);
            } elseif ($name === 'idle') {
                self::signOut($userType, ['record' => true, 'reason' => Login_security_gateway::END_IDLE, 'duration' => $lasted], Login_security_gateway::END_IDLE, null);
            } elseif ($name === Login_security_gateway::END_PASSWORD) {
                self::signOut($userType, ['record' => true, 'reason' => Login_security_gateway::END_PASSWORD, 'duration' => $lasted], Login_security_gateway::END_PASSWORD, null);
            } elseif ($name === 'active' && $activity && $input->method() === 'post') {
                // A form this session sends may change its own user's password (the profile, an admin editing
                // themselves, Perfex's contact profile which fires no hook): that change does not end this session.
                register_shutdown_function([$gateway, 'acceptPasswordChange'], $token, (int) ($_SERVER['REQUEST_TIME'] ?? time()));
            }
            if ($name !== 'unknown') {
                return;
            }
        }

        // No session of ours: a remember-me login (Perfex fires no hook for it) when the autologin cookie came and
        // the PHP session had no token; otherwise a session older than the module (or whose row is gone), taken over.
        $autologin  = $token === null ? self::autologinKey() : null;
        $rememberMe = $autologin !== null;
        $refusal    = self::refusal($userType, $userId, $rememberMe);
        if ($refusal !== null) {
            self::signOut($userType, ['record' => true, 'reason' => $refusal['reason'], 'duration' => 0], $refusal['notice'], $refusal['until']);
        }
        if ($autologin === null) {
            self::start($userType, $userId, self::METHOD_TAKEOVER, null);

            return;
        }
        if (self::start($userType, $userId, Login_security_gateway::METHOD_REMEMBER_ME, $autologin) === false) {
            // The token was revoked (its session ended, or the password changed since): refused and recorded.
            $gateway->record([
                'event'     => Login_security_gateway::EVENT_FAILED,
                'user_type' => $userType,
                'user_id'   => $userId,
                'method'    => Login_security_gateway::METHOD_REMEMBER_ME,
                'reason'    => Login_security_gateway::REASON_REVOKED,
            ]);
            self::signOut($userType, ['record' => false, 'reason' => Login_security_gateway::END_FORCED, 'duration' => null], 'revoked', null);
        }
    }

    /**
     * Why a new session of the user is refused, or null: a ban in force, or (when $singleLogin and the setting is on
     * for the user type) another live session.
     *
     * @return array{reason: string, notice: string, until: int|null}|null
     */
    private static function refusal(string $userType, int $userId, bool $singleLogin): ?array
    {
        $gateway = Login_security_gateway::instance();
        foreach ($gateway->bans($userType . ':' . $userId) as $ban) {
            if (is_array($ban) && (int) ($ban['until'] ?? 0) > time()) {
                return ['reason' => Login_security_gateway::END_BANNED, 'notice' => Login_security_gateway::END_BANNED, 'until' => (int) $ban['until']];
            }
        }
        if ($singleLogin && Login_security_options::singleLogin($userType)
            && $gateway->countLiveSessions($userType, $userId, Login_security_options::sessionIdleSeconds()) > 0) {
            return ['reason' => Login_security_gateway::END_REJECTED, 'notice' => Login_security_gateway::END_REJECTED, 'until' => null];
        }

        return null;
    }

    /**
     * Starts a session (a remember-me arrival when $autologin, the md5 key id of its cookie, is given): its token,
     * null when the extension could not record it (fail open), false when the remember-me token was revoked.
     *
     * @return string|false|null
     */
    private static function start(string $userType, int $userId, string $method, ?string $autologin)
    {
        $gateway = Login_security_gateway::instance();
        $token   = $autologin === null ? $gateway->startSession($userType, $userId, $method) : $gateway->arriveRememberMe($userType, $userId, $autologin);
        if (is_string($token)) {
            $handle = substr(hash('sha256', $token), 0, 32);
            get_instance()->session->set_userdata([
                self::SESSION_KEYS[$userType]   => ['user_id' => $userId, 'token' => $token],
                self::HANDLE_KEY . $userType    => $handle,
            ]);
            Login_security_session_marker::issue($userType, $userId, $handle);
            Login_security_session_notice::clear();
        }

        return $token;
    }

    /** Perfex dropped a login without its logout hook: our session of it ends too (no write when there is none). */
    private static function dropStale(string $userType): void
    {
        $stored = get_instance()->session->userdata(self::SESSION_KEYS[$userType]);
        if (is_array($stored) && is_string($stored['token'] ?? null)) {
            Login_security_gateway::instance()->endSession($stored['token'], Login_security_gateway::END_LOGOUT, '');
            self::forget($userType);
            Login_security_session_marker::clearFor($userType); // ended here: no notice to give about it
        }
    }

    private static function forget(string $userType): void
    {
        get_instance()->session->unset_userdata([self::SESSION_KEYS[$userType], self::HANDLE_KEY . $userType]);
    }

    /**
     * Signs the user out the Perfex way (Authentication_model::logout() fires the logout hook, deletes this
     * browser's remember-me row and destroys the session) and sends them to the login page, which says why.
     *
     * @param array{record: bool, reason: string, duration: int|null} $end
     */
    private static function signOut(string $userType, array $end, string $notice, ?int $until): void
    {
        self::$pending[$userType] = $end;
        Login_security_session_marker::clear();
        Login_security_session_notice::set($notice, $until);
        get_instance()->authentication_model->logout($userType === Login_security_gateway::USER_STAFF);
        redirect(self::loginUrl($userType));
    }
}
