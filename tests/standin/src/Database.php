<?php
/**
 * $CI->db: one mysqli connection per request, opened lazily.
 *
 * Values are bound the CodeIgniter way (client-side escaping of "?" placeholders), so rows come back as strings, as
 * in Perfex (ids in the session are strings: perfex-facts.md §2 L63-65). Modules do no SQL of their own; the public
 * part here is what a module's install.php may touch (table_exists, query, char_set, dbprefix).
 */

declare(strict_types=1);

namespace Standin;

final class Database
{
    public string $char_set = 'utf8mb4';
    public string $dbcollat = 'utf8mb4_unicode_ci';
    public string $dbprefix;
    private ?\mysqli $link = null;

    public function __construct()
    {
        $this->dbprefix = APP_DB_PREFIX;
    }

    public function link(): \mysqli
    {
        if ($this->link === null) {
            mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
            $this->link = new \mysqli(APP_DB_HOSTNAME, APP_DB_USERNAME, APP_DB_PASSWORD, APP_DB_NAME, Config::dbPort());
            $this->link->set_charset($this->char_set);
        }
        return $this->link;
    }

    /** CI's query(): a Result for statements that return rows, true otherwise. */
    public function query(string $sql, array $binds = [])
    {
        $result = $this->link()->query($this->bind($sql, $binds));
        return $result instanceof \mysqli_result ? new Result($result) : true;
    }

    public function table_exists(string $table): bool
    {
        return $this->query('SHOW TABLES LIKE ?', [addcslashes($table, '%_')])->num_rows() > 0;
    }

    public function affected_rows(): int
    {
        return (int) $this->link()->affected_rows;
    }

    public function insert_id(): int
    {
        return (int) $this->link()->insert_id;
    }

    /** CI's escape(): quotes strings, maps booleans to 0/1 and null to NULL. */
    public function escape($value): string
    {
        if (is_string($value)) {
            return "'" . $this->link()->real_escape_string($value) . "'";
        }
        if (is_bool($value)) {
            return $value ? '1' : '0';
        }
        if ($value === null) {
            return 'NULL';
        }
        return (string) $value;
    }

    public function escape_str(string $value): string
    {
        return $this->link()->real_escape_string($value);
    }

    public function dbprefix(string $table = ''): string
    {
        return $this->dbprefix . $table;
    }

    /** The first row as an object, or null. Stand-in internal. */
    public function row(string $sql, array $binds = []): ?object
    {
        return $this->query($sql, $binds)->row();
    }

    /** INSERT of one row given as column => value; returns the new id. Stand-in internal. */
    public function insert(string $table, array $row): int
    {
        $columns = implode(', ', array_map(fn ($c) => "`$c`", array_keys($row)));
        $marks = implode(', ', array_fill(0, count($row), '?'));
        $this->query("INSERT INTO `$table` ($columns) VALUES ($marks)", array_values($row));
        return $this->insert_id();
    }

    private function bind(string $sql, array $binds): string
    {
        if ($binds === []) {
            return $sql;
        }
        $parts = explode('?', $sql);
        if (count($parts) - 1 !== count($binds)) {
            throw new \InvalidArgumentException('Number of "?" placeholders and bound values differ');
        }
        $out = array_shift($parts);
        foreach ($parts as $i => $part) {
            $out .= $this->escape($binds[$i]) . $part;
        }
        return $out;
    }
}

/** A SELECT result with CI's accessors. */
final class Result
{
    /** @var list<array<string, ?string>> */
    private array $rows;

    public function __construct(\mysqli_result $result)
    {
        $this->rows = $result->fetch_all(MYSQLI_ASSOC);
        $result->free();
    }

    public function num_rows(): int
    {
        return count($this->rows);
    }

    public function result_array(): array
    {
        return $this->rows;
    }

    /** @return list<object> */
    public function result(): array
    {
        return array_map(fn ($r) => (object) $r, $this->rows);
    }

    public function row(): ?object
    {
        return isset($this->rows[0]) ? (object) $this->rows[0] : null;
    }

    public function row_array(): ?array
    {
        return $this->rows[0] ?? null;
    }
}
