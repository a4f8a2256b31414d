<?php
/**
 * admin/misc/notifications_check: what Perfex's admin JavaScript polls in the background (GET, AJAX). Being an
 * AdminController request it updates tblstaff.last_activity and the session's timestamp, like every request.
 */

declare(strict_types=1);

namespace Standin\Controllers;

final class Misc extends \AdminController
{
    public function notifications_check(): void
    {
        $sql = 'SELECT id FROM `' . db_prefix() . 'notifications` WHERE touserid = ? AND isread = 0 ORDER BY id DESC';
        $ids = array_column($this->db->query($sql, [get_staff_user_id()])->result_array(), 'id');
        header('Content-Type: application/json');
        echo json_encode(['html' => '', 'notificationsIds' => get_option('desktop_notifications') == '1' ? $ids : []]);
    }
}
