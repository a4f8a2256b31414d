<?php
/**
 * Staff permissions (perfex-facts.md §3 L97-98): tblstaff_permissions(staff_id, feature, capability); admins can
 * do everything. access_denied() answers 403 with an "Access denied" page (Perfex redirects with an alert) and
 * ajax_access_denied() 403 JSON, so tests can assert both.
 */

declare(strict_types=1);

function is_admin($staffid = ''): bool
{
    if (!is_numeric($staffid)) {
        if (isset($GLOBALS['current_user'])) {
            return $GLOBALS['current_user']->admin === '1';
        }
        $staffid = get_staff_user_id();
    }
    static $cache = [];
    $key = (string) $staffid;
    if (!isset($cache[$key])) {
        $sql = 'SELECT 1 AS yes FROM `' . db_prefix() . 'staff` WHERE admin = 1 AND staffid = ?';
        $cache[$key] = $staffid !== false && get_instance()->db->row($sql, [(string) $staffid]) !== null;
    }
    return $cache[$key];
}

/** @return list<array{feature: string, capability: string}> */
function standin_staff_permissions($staff_id): array
{
    $sql = 'SELECT feature, capability FROM `' . db_prefix() . 'staff_permissions` WHERE staff_id = ?';
    return get_instance()->db->query($sql, [(string) $staff_id])->result_array();
}

function staff_can($capability, $feature = null, $staff_id = ''): bool
{
    $staff_id = empty($staff_id) ? get_staff_user_id() : $staff_id;
    if (function_exists($capability) && is_callable($capability)) {
        return (bool) call_user_func($capability, $staff_id);
    }
    if (is_admin($staff_id)) {
        return true;
    }
    $current = $GLOBALS['current_user'] ?? null;
    $permissions = $current !== null && (string) $staff_id === (string) get_staff_user_id()
        ? $current->permissions
        : standin_staff_permissions($staff_id);
    $granted = false;
    foreach ($permissions as $permission) {
        if ($permission['capability'] === $capability && (!$feature || $permission['feature'] === $feature)) {
            $granted = true;
            break;
        }
    }
    return (bool) hooks()->apply_filters('staff_can', $granted, $capability, $feature, $staff_id);
}

function staff_cant($capability, $feature = null, $staff_id = ''): bool
{
    return !staff_can($capability, $feature, $staff_id);
}

/** @deprecated in Perfex 3.1 */
function has_permission($permission, $staffid = '', $can = ''): bool
{
    return staff_can($can, $permission, $staffid);
}

function access_denied($permission = ''): never
{
    log_activity("Tried to access page where don't have permission" . ($permission != '' ? ' [' . $permission . ']' : ''));
    show_error(_l('access_denied'), 403, _l('access_denied'));
}

function ajax_access_denied(): never
{
    http_response_code(403);
    header('Content-Type: application/json');
    echo json_encode(['success' => false, 'message' => _l('access_denied')]);
    exit;
}
