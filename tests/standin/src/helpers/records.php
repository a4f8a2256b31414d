<?php
/** Activity log, notifications and names (perfex-facts.md §3 L101-103). */

declare(strict_types=1);

/** A row in tblactivity_log; its staffid column holds a full name (the actor's), not an id. */
function log_activity($description, $staffid = null): void
{
    if (defined('CRON')) {
        $who = is_staff_logged_in() ? get_staff_full_name(get_staff_user_id()) : '[CRON]';
    } elseif ($staffid != null && is_numeric($staffid)) {
        $who = get_staff_full_name($staffid);
    } elseif (is_client_logged_in()) {
        $who = get_contact_full_name(get_contact_user_id());
    } else {
        $who = is_staff_logged_in() ? get_staff_full_name(get_staff_user_id()) : null;
    }
    get_instance()->db->insert(db_prefix() . 'activity_log',
        ['description' => (string) $description, 'date' => date('Y-m-d H:i:s'), 'staffid' => $who]);
}

/**
 * A row in tblnotifications (the bell). The sender is always the logged-in user (or, with 'fromcompany', the
 * company: fromuserid 0, no name). Returns false for a missing or inactive recipient.
 */
function add_notification($values): bool
{
    $data = (array) $values;
    if (is_client_logged_in()) {
        $data = array_merge($data, ['fromuserid' => 0, 'fromclientid' => get_contact_user_id(),
            'from_fullname' => get_contact_full_name(get_contact_user_id())]);
    } else {
        $data = array_merge($data, ['fromuserid' => (int) get_staff_user_id(), 'fromclientid' => 0,
            'from_fullname' => get_staff_full_name(get_staff_user_id())]);
    }
    if (isset($data['fromcompany'])) {
        $data['fromuserid'] = 0;
        $data['from_fullname'] = '';
    }
    $data['date'] = date('Y-m-d H:i:s');
    $data = hooks()->apply_filters('notification_data', $data);
    $db = get_instance()->db;
    if (!empty($data['touserid'])) {
        $user = $db->row('SELECT active FROM `' . db_prefix() . 'staff` WHERE staffid = ?', [(string) $data['touserid']]);
        if ($user === null || $user->active == 0) {
            return false;
        }
    }
    $id = $db->insert(db_prefix() . 'notifications', $data);
    hooks()->do_action('notification_created', $id);
    return true;
}

/** Real-time push of new notifications; Pusher is off in the stand-in, as in a default Perfex: does nothing. */
function pusher_trigger_notification($users = []): bool
{
    return false;
}

function get_staff_full_name($userid = ''): string
{
    $current = get_staff_user_id();
    if ($userid === '' || (string) $userid === (string) $current) {
        if (isset($GLOBALS['current_user'])) {
            return $GLOBALS['current_user']->firstname . ' ' . $GLOBALS['current_user']->lastname;
        }
        $userid = $current;
    }
    $row = get_instance()->db->row('SELECT firstname, lastname FROM `' . db_prefix() . 'staff` WHERE staffid = ?', [(string) $userid]);
    return $row ? $row->firstname . ' ' . $row->lastname : '';
}

function get_contact_full_name($contact_id = ''): string
{
    $contact_id = $contact_id === '' ? get_contact_user_id() : $contact_id;
    $row = get_instance()->db->row('SELECT firstname, lastname FROM `' . db_prefix() . 'contacts` WHERE id = ?', [(string) $contact_id]);
    return $row ? $row->firstname . ' ' . $row->lastname : '';
}
