<?php

defined('BASEPATH') or exit('No direct script access allowed');

/*
 * Blocked accounts → Perfex's bell (LoginSecurity\Store::announceBlocks: each block counted once, at most one
 * notification per administrator per 10 minutes). A block tells every other active administrator at once
 * (hooks/lockout.php); what was not due then is told on their next admin request (the bell poll included). The
 * option lockout_last_block (the time of the last block) lets those requests skip the extension while nothing is new.
 */

hooks()->add_action('admin_init', 'login_security_notify_blocked_accounts');

/** Session key: until when this administrator's browser has nothing left to hear of. */
define('LOGIN_SECURITY_BLOCKS_HEARD', 'login_security_blocks_heard');

function login_security_notify_blocked_accounts(): void
{
    if (!is_staff_logged_in() || !is_admin()) {
        return;
    }
    $CI   = &get_instance();
    $last = (int) Login_security_options::get(Login_security_options::LOCKOUT_LAST_BLOCK);
    // Only when there was a block since this browser last heard.
    if ($last > 0 && $last >= (int) $CI->session->userdata(LOGIN_SECURITY_BLOCKS_HEARD) && !login_security_notify_admin_of_blocks((int) get_staff_user_id())) {
        $CI->session->set_userdata(LOGIN_SECURITY_BLOCKS_HEARD, time());
    }
}

/**
 * Tells administrator $staffId of the blocks they have not heard of, when due. Returns whether some are still to be
 * told later (not due yet).
 */
function login_security_notify_admin_of_blocks(int $staffId): bool
{
    $due = Login_security_gateway::instance()->announceBlocks($staffId);
    if ($due['count'] > 0 && add_notification([
        'description'     => $due['count'] === 1 ? 'login_security_notification_blocked_one' : 'login_security_notification_blocked',
        'touserid'        => $staffId,
        'fromcompany'     => 1,
        'link'            => LOGIN_SECURITY_URI_LOCKED,
        'additional_data' => serialize([(string) $due['count']]),
    ])) {
        pusher_trigger_notification([$staffId]);
    }

    return $due['pending'];
}
