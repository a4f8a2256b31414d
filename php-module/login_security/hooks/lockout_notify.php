<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Blocked accounts → Perfex's bell: when an account is blocked every active admin gets one notification linking to
 * Locked accounts (hooks/lockout.php), and on each admin request (the bell's background poll included) an admin who
 * has not heard of the latest blocks yet gets one — at most one per Login_security_block_notices::INTERVAL
 * (libraries/Login_security_block_notices.php keeps the state).
 */

hooks()->add_action('admin_init', 'login_security_notify_blocked_accounts');

function login_security_notify_blocked_accounts(): void
{
    if (!is_staff_logged_in() || !is_admin()) {
        return;
    }
    login_security_notify_admin_of_blocks((int) get_staff_user_id(), time());
}

/** Tells admin $staffId of the blocks they have not heard of, unless they were told less than INTERVAL ago. */
function login_security_notify_admin_of_blocks(int $staffId, int $now): void
{
    $due = Login_security_block_notices::due($staffId, $now);
    if ($due['new'] === 0) {
        return;
    }
    Login_security_block_notices::markNotified($staffId, $due['total'], $now);
    $sent = add_notification([
        'description'     => 'login_security_notification_blocked',
        'touserid'        => $staffId,
        'fromcompany'     => 1,
        'link'            => LOGIN_SECURITY_URI_LOCKED,
        'additional_data' => serialize([(string) $due['new']]),
    ]);
    if ($sent) {
        pusher_trigger_notification([$staffId]);
    }
}
