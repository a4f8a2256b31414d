<?php
/**
 * The demo data bin/reset.php writes, in one place so that tests and the demo read the same logins
 * (Seed::STAFF['admin']['email'] ...). Ids are fixed: the tables are recreated before seeding.
 */

declare(strict_types=1);

namespace Standin;

final class Seed
{
    /** key => staffid, e-mail, password, names, admin, active, 2FA, capabilities as feature:capability */
    public const STAFF = [
        'admin' => ['id' => 1, 'email' => 'admin@example.com', 'password' => 'Admin-demo-1', 'firstname' => 'Ada',
            'lastname' => 'Admin', 'admin' => 1, 'active' => 1, 'two_factor' => 0, 'capabilities' => []],
        'staff' => ['id' => 2, 'email' => 'staff@example.com', 'password' => 'Staff-demo-1', 'firstname' => 'Sam',
            'lastname' => 'Staff', 'admin' => 0, 'active' => 1, 'two_factor' => 0, 'capabilities' => []],
        'viewer' => ['id' => 3, 'email' => 'viewer@example.com', 'password' => 'Viewer-demo-1', 'firstname' => 'Vera',
            'lastname' => 'Viewer', 'admin' => 0, 'active' => 1, 'two_factor' => 0, 'capabilities' => ['login_security:view']],
        'inactive' => ['id' => 4, 'email' => 'inactive@example.com', 'password' => 'Inactive-demo-1', 'firstname' => 'Ian',
            'lastname' => 'Inactive', 'admin' => 0, 'active' => 0, 'two_factor' => 0, 'capabilities' => []],
        'twofa' => ['id' => 5, 'email' => '2fa@example.com', 'password' => 'Twofa-demo-1', 'firstname' => 'Tove',
            'lastname' => 'Twofactor', 'admin' => 0, 'active' => 1, 'two_factor' => 1, 'capabilities' => []],
    ];

    /** The customer (company) id differs from every contact id, so tests can tell get_client_user_id() apart. */
    public const CUSTOMER = ['id' => 7, 'company' => 'Example Customer Ltd'];

    /** key => contact id, e-mail, password, names, active (all of CUSTOMER) */
    public const CONTACTS = [
        'contact' => ['id' => 1, 'email' => 'contact@example.com', 'password' => 'Contact-demo-1', 'firstname' => 'Cleo',
            'lastname' => 'Contact', 'active' => 1],
        'inactive' => ['id' => 2, 'email' => 'inactive-contact@example.com', 'password' => 'Contact-demo-2',
            'firstname' => 'Ines', 'lastname' => 'Inactive', 'active' => 0],
    ];

    public const OPTIONS = ['companyname' => 'Stand-in CRM', 'active_language' => 'english', 'default_timezone' => 'UTC',
        'dateformat' => 'Y-m-d|%Y-%m-%d', 'last_cron_run' => '', 'desktop_notifications' => '0',
        'pusher_realtime_notifications' => '0'];

    public static function run(\mysqli $db, string $prefix): void
    {
        $now = date('Y-m-d H:i:s');
        $insert = function (string $table, array $row) use ($db, $prefix): void {
            $statement = $db->prepare('INSERT INTO `' . $prefix . $table . '` (`' . implode('`, `', array_keys($row))
                . '`) VALUES (' . implode(', ', array_fill(0, count($row), '?')) . ')');
            $statement->execute(array_values($row));
        };
        foreach (self::STAFF as $s) {
            $insert('staff', ['staffid' => $s['id'], 'email' => $s['email'], 'firstname' => $s['firstname'],
                'lastname' => $s['lastname'], 'password' => self::hash($s['password']), 'datecreated' => $now,
                'admin' => $s['admin'], 'active' => $s['active'], 'two_factor_auth_enabled' => $s['two_factor']]);
            foreach ($s['capabilities'] as $capability) {
                [$feature, $cap] = explode(':', $capability);
                $insert('staff_permissions', ['staff_id' => $s['id'], 'feature' => $feature, 'capability' => $cap]);
            }
        }
        $insert('clients', ['userid' => self::CUSTOMER['id'], 'company' => self::CUSTOMER['company'], 'datecreated' => $now]);
        foreach (self::CONTACTS as $c) {
            $insert('contacts', ['id' => $c['id'], 'userid' => self::CUSTOMER['id'], 'is_primary' => (int) ($c['id'] === 1),
                'firstname' => $c['firstname'], 'lastname' => $c['lastname'], 'email' => $c['email'],
                'datecreated' => $now, 'password' => self::hash($c['password']), 'active' => $c['active']]);
        }
        foreach (self::OPTIONS as $name => $value) {
            $insert('options', ['name' => $name, 'value' => $value, 'autoload' => 1]);
        }
    }

    /** bcrypt as Perfex's phpass writes it (cost 8). */
    public static function hash(string $password): string
    {
        return password_hash($password, PASSWORD_BCRYPT, ['cost' => 8]);
    }
}
