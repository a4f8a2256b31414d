<?php
/** Who is logged in (perfex-facts.md §2 L66-67) and one-shot alerts. */

declare(strict_types=1);

function is_logged_in(): bool
{
    return is_client_logged_in() || is_staff_logged_in();
}

function is_staff_logged_in(): bool
{
    return get_instance()->session->has_userdata('staff_logged_in');
}

function is_client_logged_in(): bool
{
    return get_instance()->session->has_userdata('client_logged_in');
}

/** The staff id (a string) or false. */
function get_staff_user_id()
{
    return is_staff_logged_in() ? get_instance()->session->userdata('staff_user_id') : false;
}

/** The CUSTOMER (company) id of the logged-in contact, or false. */
function get_client_user_id()
{
    return is_client_logged_in() ? get_instance()->session->userdata('client_user_id') : false;
}

/** The contact id, or false. */
function get_contact_user_id()
{
    $session = get_instance()->session;
    return $session->has_userdata('contact_user_id') ? $session->userdata('contact_user_id') : false;
}

/** An alert ('success', 'danger', 'warning', 'info') shown on the next page. */
function set_alert($type, $message): void
{
    get_instance()->session->set_flashdata('message-' . $type, (string) $message);
}

/** @return array<string, string> type => message of the alerts to show now. */
function standin_alerts(): array
{
    $alerts = [];
    foreach (['success', 'warning', 'info', 'danger'] as $type) {
        $message = get_instance()->session->flashdata('message-' . $type);
        if ($message) {
            $alerts[$type] = $message;
        }
    }
    return $alerts;
}
