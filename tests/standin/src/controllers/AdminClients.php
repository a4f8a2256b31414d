<?php
/**
 * admin/clients/form_contact/CUSTOMER/CONTACT (POST password, …): staff edit a customer's contact, as Perfex's
 * Clients_model::update_contact() does — a non-empty password is hashed and last_password_change set (local time,
 * date()). Perfex answers the contact modal's AJAX with JSON. Needs "edit" on customers (admins always).
 */

declare(strict_types=1);

namespace Standin\Controllers;

final class AdminClients extends \AdminController
{
    public function form_contact($customerId = '', $contactId = ''): void
    {
        if ($this->input->method() !== 'post' || !ctype_digit((string) $contactId)) {
            show_404();
        }
        if (!is_admin() && !staff_can('edit', 'customers')) {
            ajax_access_denied();
        }
        $password = (string) $this->input->post('password');
        if ($password !== '') {
            $this->db->query('UPDATE `' . db_prefix() . 'contacts` SET password = ?, last_password_change = ? WHERE id = ? AND userid = ?',
                [password_hash($password, PASSWORD_BCRYPT), date('Y-m-d H:i:s'), (string) $contactId, (string) $customerId]);
        }
        header('Content-Type: application/json');
        echo json_encode(['success' => true, 'message' => _l('updated_successfully')]);
    }
}
