<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Inactivity Logout: the gateway's calls of LoginSecurity\Sessions for the browser's heartbeat. Ending an idle
 * session is the per-request check's job (Login_security_options::idleLimitSeconds() gives it the limit).
 */
trait Login_security_inactivity_calls
{
    /** Records real activity of the session now (the heartbeat); false when it is not active or on failure. */
    public function touchSession(string $token): bool
    {
        return $this->call('Sessions::touch', function () use ($token) {
            return (bool) $this->sessions()->touch($token);
        }, false) === true;
    }
}
