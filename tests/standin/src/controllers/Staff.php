<?php
/**
 * admin/staff/change_password_profile (POST oldpassword, newpassword, newpasswordr): a staff member changes their
 * own password, as Perfex's profile page does through Staff_model::change_password() — perfex-facts.md §1 "Also":
 * the filter before_staff_change_password, fired with the posted fields and the staff id BEFORE the old password is
 * checked; on success the password and last_password_change are updated. The profile form itself is not part of
 * the stand-in: tests post to this action.
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
}
