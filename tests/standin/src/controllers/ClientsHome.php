<?php
/**
 * The customers-area home ('' and clients): contacts only; others go to the login page (red_url kept).
 *
 * clients/profile (POST change_password, oldpassword, newpassword, newpasswordr): a contact changes their own password
 * as Perfex's Clients_model::change_contact_password() does — the old password is checked, then the hash and
 * last_password_change (local time, date()) are written. It fires NO hook. The profile form itself is not part of
 * the stand-in: tests post to this action.
 */

declare(strict_types=1);

namespace Standin\Controllers;

final class ClientsHome extends \ClientsController
{
    protected function validateContact(): void
    {
        if (!is_client_logged_in()) {
            redirect_after_login_to_current_url();
            redirect(site_url('authentication/login'));
        }
    }

    public function index(): void
    {
        $this->data(['title' => get_option('companyname'), 'contact' => $GLOBALS['contact']]);
        $this->view('home');
        $this->layout();
    }

    public function profile(): void
    {
        if ($this->input->method() !== 'post' || !$this->input->post('change_password')) {
            redirect(site_url('clients'));
        }
        $table   = db_prefix() . 'contacts';
        $id      = (string) get_contact_user_id();
        $contact = $this->db->row("SELECT password FROM `$table` WHERE id = ?", [$id]);
        $new     = (string) $this->input->post('newpassword');
        if ($new === '' || $new !== (string) $this->input->post('newpasswordr')
            || !password_verify((string) $this->input->post('oldpassword'), (string) ($contact->password ?? ''))) {
            set_alert('danger', _l('client_old_password_incorrect'));
            redirect(site_url('clients/profile'));
        }
        $this->db->query("UPDATE `$table` SET password = ?, last_password_change = ? WHERE id = ?",
            [password_hash($new, PASSWORD_BCRYPT), date('Y-m-d H:i:s'), $id]);
        set_alert('success', _l('client_password_changed'));
        redirect(site_url('clients'));
    }
}
