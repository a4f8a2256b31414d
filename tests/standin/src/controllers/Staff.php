<?php
/**
 * admin/staff/change_password_profile (POST oldpassword, newpassword, newpasswordr): a staff member changes their
 * own password, as Perfex's profile page does through Staff_model::change_password() — perfex-facts.md §1 "Also":
 * the filter before_staff_change_password, fired with the posted fields and the staff id BEFORE the old password is
 * checked; on success the password and last_password_change are updated. The profile form itself is not part of
 * the stand-in: tests post to this action.
 *
 * admin/staff/member/ID (POST password, …): an administrator (or a staff member with "edit" on staff) edits a member,
 * as Staff_model::update() does: a non-empty password is hashed and last_password_change set (local time). No hook
 * of the module's concern fires.
 */

declare(strict_types=1);

namespace Standin\Controllers;

final class Staff extends \AdminController
{
    public function change_password_profile(): void
    {
        if ($this->input->method() !== 'post') {
            show_404();
        }
        $userid = get_staff_user_id();
        $data = hooks()->apply_filters('before_staff_change_password', [
            'oldpassword' => (string) $this->input->post('oldpassword'),
            'newpassword' => (string) $this->input->post('newpassword'),
            'newpasswordr' => (string) $this->input->post('newpasswordr'),
        ], $userid);
        $table = db_prefix() . 'staff';
        $member = $this->db->row("SELECT * FROM `$table` WHERE staffid = ?", [(string) $userid]);
        if ($data['newpassword'] === '' || $data['newpassword'] !== $data['newpasswordr']
            || !password_verify($data['oldpassword'], (string) $member->password)) {
            set_alert('danger', _l('staff_old_password_incorrect'));
            redirect(admin_url());
        }
        $this->db->query("UPDATE `$table` SET password = ?, last_password_change = ? WHERE staffid = ?",
            [password_hash($data['newpasswordr'], PASSWORD_BCRYPT), date('Y-m-d H:i:s'), (string) $userid]);
        log_activity('Staff Password Changed [' . $userid . ']');
        set_alert('success', _l('staff_password_changed'));
        redirect(admin_url());
    }

    public function member($id = ''): void
    {
        if ($this->input->method() !== 'post' || !ctype_digit((string) $id)) {
            show_404();
        }
        if (!is_admin() && !staff_can('edit', 'staff')) {
            access_denied('staff');
        }
        $password = (string) $this->input->post('password');
        if ($password !== '') {
            $this->db->query('UPDATE `' . db_prefix() . 'staff` SET password = ?, last_password_change = ? WHERE staffid = ?',
                [password_hash($password, PASSWORD_BCRYPT), date('Y-m-d H:i:s'), (string) $id]);
        }
        set_alert('success', _l('updated_successfully'));
        redirect(admin_url('staff/member/' . $id));
    }
}
