<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/Login_security_session_context.php';
require_once __DIR__ . '/Login_security_session_notice.php';

/**
 * The login-session lifecycle of this request, one extension call per Perfex event — the login, the check of each
 * request (which also admits a remember-me arrival or a session older than the module), the logout — each decided
 * and recorded by the extension. PHP applies the decision: the PHP-session keys, the redirect, the notice, the
 * cookies. Every extension failure fails open: the request goes on and nobody is refused or signed out.
 */
final class Login_security_session_guard
{
    /** @var array<string, true> user types signed out by this request whose end is recorded already: their logout hook records nothing more */
    private static array $recorded = [];

    /**
     * A login by form or two-factor code (before_staff_login / before_client_login, before Perfex sets its session
     * keys): the extension refuses a locked or blocked account (hooks/lockout.php gives this attempt's claim), a
     * banned user or, with single login, a user with a live session — the user goes back to the login page with the
     * reason and Perfex never logs them in — or starts a session.
     */
    public static function onLogin(string $userType, int $userId, string $method, string $identifier): void
    {
        [$claim, $sameRequest] = login_security_lockout_login_claim($userType);
        $decision = Login_security_gateway::instance()->login($userType, $userId, $method, $identifier, null, self::liveWindow($userType),
            $claim, $sameRequest);
        $state    = $decision['state'] ?? null;
        if (in_array($state, [\LoginSecurity\Verdict::LOCKED, \LoginSecurity\Verdict::BLOCKED], true)) {
            login_security_lockout_refuse($userType, ['status' => $state, 'until' => $decision['until']]);
        }
        if ($state === 'refused') {
            get_instance()->session->unset_userdata(['_two_factor_auth_established', '_two_factor_auth_staff_email', 'tfa_staffid', 'tfa_remember']);
            set_alert('danger', login_security_alert_text(Login_security_session_notice::message($decision['reason'], $decision['until'])));
            redirect(login_security_lockout_login_url($userType));
        }
        if (self::keep($userType, $userId, $decision)) {
            // Perfex creates the remember-me row after this hook, in this same request: bind it once it is made.
            register_shutdown_function([self::class, 'bindNewAutologin'], $decision['token']);
        }
    }

    /** Every request (app_init): the one check of each logged-in user of this session. */
    public static function checkRequest(): void
    {
        if (!is_staff_logged_in() && !is_client_logged_in()) {
            // Signed out from elsewhere with every Perfex session row deleted: the marker says why. A remember-me
            // cookie Perfex found no row for: when the module revoked that token, the extension records the refused
            // arrival, and the cookie is dropped so that it is recorded once.
            $why = Login_security_session_notice::explain();
            $key = Login_security_session_context::autologinKey();
            if ($key !== null && Login_security_gateway::instance()->revokedRememberMe($key) !== null) {
                $why ??= ['reason' => 'revoked', 'until' => null];
                Login_security_session_context::dropAutologinCookie();
            }
            if ($why !== null) {
                Login_security_session_notice::set($why['reason'], $why['until']);
            }

            return;
        }
        $users = Login_security_session_context::users();
        foreach ([\LoginSecurity\UserType::STAFF, \LoginSecurity\UserType::CONTACT] as $userType) {
            if (isset($users[$userType])) {
                self::verify($userType, $users[$userType]);
            } elseif ($userType === \LoginSecurity\UserType::STAFF || !is_client_logged_in()) {
                self::dropStale($userType); // e.g. Perfex's admin area drops a contact login
            }
        }
    }

    /**
     * The logout hook (before_staff_logout / before_contact_logout): the extension ends our session and records its
     * logout with the duration from its row; without one (the extension could not start it: fail open) the logout
     * is still recorded, without a duration. Nothing more when its end is recorded already (a sign-out by the check).
     */
    public static function onLogout(string $userType, int $userId): void
    {
        $gateway = Login_security_gateway::instance();
        $token   = Login_security_session_context::token($userType, $userId);
        if ($userId > 0 && !isset(self::$recorded[$userType])) {
            $token !== null ? $gateway->endSession($token, \LoginSecurity\EndReason::LOGOUT, '', $gateway->requestLog())
                : $gateway->record(['event' => \LoginSecurity\Event::LOGOUT, 'user_type' => $userType, 'user_id' => $userId,
                    'end_reason' => \LoginSecurity\EndReason::LOGOUT]);
        }
        unset(self::$recorded[$userType]);
        Login_security_session_context::forget($userType);
        Login_security_session_notice::unmark();
    }

    /** End of a login request that set an autologin cookie: its key is bound to the session, so ending it revokes that token. */
    public static function bindNewAutologin(string $token): void
    {
        $key = Login_security_session_context::newAutologinKey();
        if ($key !== null) {
            Login_security_gateway::instance()->bindAutologin($token, $key);
        }
    }

    /**
     * One user of this request: the check's decision (go on, or sign out), or without a session of ours the
     * arrival's: a remember-me login (Perfex fires no hook for it) or a session older than the module, taken over.
     */
    private static function verify(string $userType, int $userId): void
    {
        $gateway = Login_security_gateway::instance();
        $token   = Login_security_session_context::token($userType, $userId);
        if ($token !== null) {
            $input    = get_instance()->input;
            $activity = !$input->is_ajax_request(); // Perfex's background polling is AJAX
            $state    = $gateway->checkSession($token, Login_security_options::idleLimitSeconds($userType), $activity,
                self::liveWindow($userType), Login_security_session_context::autologinKey());
            $name     = $state['state'] ?? 'active';
            if (in_array($name, ['ended', 'banned', 'idle', 'password_changed'], true)) {
                self::signOut($userType, $state['reason'] ?? $name, $state['until'] ?? null);
            } elseif ($name === 'active' && $activity && $input->method() === 'post') {
                // A form this session sends may change its own user's password (the profile, an admin editing
                // themselves, Perfex's contact profile which fires no hook): that change does not end this session.
                register_shutdown_function([$gateway, 'acceptPasswordChange'], $token, (int) ($_SERVER['REQUEST_TIME'] ?? time()));
            }
            if ($name !== 'unknown') {
                return;
            }
        }
        $autologin = $token === null ? Login_security_session_context::autologinKey() : null;
        $decision  = $gateway->login($userType, $userId, $autologin !== null ? \LoginSecurity\Method::REMEMBER_ME : '', '', $autologin,
            $autologin !== null ? self::liveWindow($userType) : null);
        $state     = $decision['state'] ?? null;
        if (in_array($state, [\LoginSecurity\Verdict::LOCKED, \LoginSecurity\Verdict::BLOCKED], true)) {
            login_security_lockout_refuse_remembered($userType, ['status' => $state, 'until' => $decision['until']]);
        } elseif ($state === 'refused' || $state === 'revoked') {
            // Banned, single login, or a remember-me token the module revoked: refused and recorded.
            self::signOut($userType, $decision['reason'] ?? 'revoked', $decision['until']);
        }
        self::keep($userType, $userId, $decision);
    }

    /** The single-login idle expiry when single login applies to the user type, else null. */
    private static function liveWindow(string $userType): ?int
    {
        return Login_security_options::singleLogin($userType) ? Login_security_options::sessionIdleSeconds() : null;
    }

    /** Keeps a session the extension started (its token in the PHP session only) and marks the browser; false: none started. */
    private static function keep(string $userType, int $userId, ?array $decision): bool
    {
        if (($decision['state'] ?? null) !== 'allowed') {
            return false;
        }
        Login_security_session_context::keep($userType, $userId, $decision['token'], $decision['id']);
        Login_security_session_notice::mark($userType, $userId, $decision['id']);
        Login_security_session_notice::clear();

        return true;
    }

    /** Perfex dropped a login without its logout hook: our session of it ends too (no write when there is none). */
    private static function dropStale(string $userType): void
    {
        $token = Login_security_session_context::token($userType, null);
        if ($token !== null) {
            Login_security_gateway::instance()->endSession($token, \LoginSecurity\EndReason::LOGOUT, '');
            Login_security_session_context::forget($userType);
            Login_security_session_notice::unmark($userType); // ended here: no notice to give about it
        }
    }

    /**
     * Signs the user out the Perfex way (its logout() fires the logout hook, deletes this browser's remember-me row,
     * destroys the session) to the login page, which says why. The extension recorded the end already.
     */
    private static function signOut(string $userType, string $notice, ?int $until): void
    {
        self::$recorded[$userType] = true;
        Login_security_session_notice::unmark();
        Login_security_session_notice::set($notice, $until);
        get_instance()->authentication_model->logout($userType === \LoginSecurity\UserType::STAFF);
        redirect(login_security_lockout_login_url($userType));
    }
}
