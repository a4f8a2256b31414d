<?php
declare(strict_types=1);

/**
 * Base of the module tests: the stand-in with php-module/login_security active and the extension loaded.
 * Helpers read the module's own tables through the stand-in's mysqli handle.
 */
abstract class ModuleTestCase extends StandinTestCase
{
    protected static function activeModules(): array
    {
        return ['login_security'];
    }

    /** Rows of the Login Log, newest first. */
    protected static function events(string $where = '1', array $params = []): array
    {
        $rows = [];
        $result = self::db()->execute_query(
            'SELECT *, INET6_NTOA(ip) AS ip_text FROM ' . self::table('login_security_events') . " WHERE $where ORDER BY id DESC",
            $params
        );
        while ($row = $result->fetch_assoc()) {
            $rows[] = $row;
        }
        return $rows;
    }

    /** Sets module options straight in tbloptions (the stand-in reads them on the next request). */
    protected static function setOptions(array $options): void
    {
        foreach ($options as $name => $value) {
            self::db()->execute_query('UPDATE ' . self::table('options') . ' SET value = ? WHERE name = ?', [(string) $value, "login_security_$name"]);
        }
    }
}
