<?php
/**
 * The Perfex tables the stand-in uses, shaped as perfex-facts.md §4 (L115-128) describes them: int ids,
 * utf8mb4_unicode_ci strings, tblsessions as §2 L62-65. Only the columns the stand-in or a module may touch.
 */

declare(strict_types=1);

namespace Standin;

final class Schema
{
    /** @return array<string, string> table name without prefix => column and key definitions */
    public static function tables(): array
    {
        return [
            'staff' => 'staffid int NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(100) NOT NULL,
                firstname varchar(50) NOT NULL, lastname varchar(50) NOT NULL, phonenumber varchar(30) NULL,
                password varchar(250) NOT NULL, datecreated datetime NOT NULL, profile_image varchar(191) NULL,
                last_ip varchar(40) NULL, last_login datetime NULL, last_activity datetime NULL,
                last_password_change datetime NULL, new_pass_key varchar(32) NULL, new_pass_key_requested datetime NULL,
                admin int NOT NULL DEFAULT 0, role int NULL, active int NOT NULL DEFAULT 1,
                default_language varchar(40) NULL, is_not_staff int NOT NULL DEFAULT 0,
                two_factor_auth_enabled tinyint(1) DEFAULT 0, two_factor_auth_code varchar(100) NULL,
                two_factor_auth_code_requested datetime NULL, google_auth_secret mediumtext NULL, KEY email (email)',
            'staff_permissions' => 'staff_id int NOT NULL, feature varchar(40) NOT NULL, capability varchar(100) NOT NULL',
            'clients' => 'userid int NOT NULL AUTO_INCREMENT PRIMARY KEY, company varchar(191) NULL,
                phonenumber varchar(30) NULL, datecreated datetime NOT NULL, active int NOT NULL DEFAULT 1,
                default_language varchar(40) NULL',
            'contacts' => 'id int NOT NULL AUTO_INCREMENT PRIMARY KEY, userid int NOT NULL, is_primary int NOT NULL DEFAULT 1,
                firstname varchar(191) NOT NULL, lastname varchar(191) NOT NULL, email varchar(100) NOT NULL,
                phonenumber varchar(100) NOT NULL DEFAULT \'\', title varchar(100) NULL, datecreated datetime NOT NULL,
                password varchar(255) NULL, new_pass_key varchar(32) NULL, new_pass_key_requested datetime NULL,
                email_verified_at datetime NULL, last_ip varchar(40) NULL, last_login datetime NULL,
                last_password_change datetime NULL, active tinyint(1) NOT NULL DEFAULT 1, KEY userid (userid), KEY email (email)',
            'options' => 'id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(191) NOT NULL, value longtext NOT NULL,
                autoload tinyint(1) NOT NULL DEFAULT 1, KEY name (name)',
            'sessions' => 'id varchar(128) NOT NULL PRIMARY KEY, ip_address varchar(45) NOT NULL,
                timestamp int unsigned NOT NULL DEFAULT 0, data blob NOT NULL, KEY ci_sessions_timestamp (timestamp)',
            'user_auto_login' => 'key_id char(32) NOT NULL, user_id int NOT NULL, user_agent varchar(150) NOT NULL,
                last_ip varchar(40) NOT NULL, last_login timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                staff int NOT NULL',
            'notifications' => 'id int NOT NULL AUTO_INCREMENT PRIMARY KEY, isread int NOT NULL DEFAULT 0,
                isread_inline tinyint(1) NOT NULL DEFAULT 0, date datetime NOT NULL, description mediumtext NOT NULL,
                fromuserid int NOT NULL, fromclientid int NOT NULL DEFAULT 0, from_fullname varchar(100) NOT NULL,
                touserid int NOT NULL, fromcompany int NULL, link longtext NULL, additional_data mediumtext NULL',
            'activity_log' => 'id int NOT NULL AUTO_INCREMENT PRIMARY KEY, description longtext NOT NULL, date datetime NOT NULL,
                staffid varchar(100) NULL, KEY staffid (staffid)',
            'modules' => 'id int NOT NULL AUTO_INCREMENT PRIMARY KEY, module_name varchar(55) NOT NULL,
                installed_version varchar(11) NOT NULL, active tinyint(1) NOT NULL',
        ];
    }

    /**
     * Drops and recreates the tables, and drops every table whose name starts with <prefix>login_security so that
     * the module's own tables start clean too.
     */
    public static function recreate(\mysqli $db, string $prefix): void
    {
        $like = $db->real_escape_string(addcslashes($prefix . 'login_security', '%_')) . '%';
        $drop = array_column($db->query("SHOW TABLES LIKE '$like'")->fetch_all(), 0);
        foreach (array_keys(self::tables()) as $table) {
            $drop[] = $prefix . $table;
        }
        $db->query('SET FOREIGN_KEY_CHECKS = 0');
        foreach ($drop as $table) {
            $db->query('DROP TABLE IF EXISTS `' . str_replace('`', '``', $table) . '`');
        }
        $db->query('SET FOREIGN_KEY_CHECKS = 1');
        foreach (self::tables() as $table => $columns) {
            $db->query("CREATE TABLE `$prefix$table` ($columns) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
        }
    }
}
