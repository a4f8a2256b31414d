<?php
/**
 * Perfex options on tbloptions (perfex-facts.md §3 L87-88). As in Perfex, options with autoload=1 are read once per
 * request and served from that cache (update_option does not refresh it: a changed value shows on the next
 * request); other options are read from the table on every get_option().
 */

declare(strict_types=1);

namespace Standin;

final class Options
{
    /** @var array<string, string>|null */
    private ?array $autoloaded = null;

    public function __construct(private Database $db)
    {
    }

    private function table(): string
    {
        return db_prefix() . 'options';
    }

    public function get(string $name): string
    {
        $name = trim($name);
        if ($this->autoloaded === null) {
            $this->autoloaded = [];
            foreach ($this->db->query('SELECT name, value FROM `' . $this->table() . '` WHERE autoload = 1')->result() as $row) {
                $this->autoloaded[$row->name] = $row->value;
            }
        }
        if (array_key_exists($name, $this->autoloaded)) {
            $value = $this->autoloaded[$name];
        } else {
            $value = $this->db->row('SELECT value FROM `' . $this->table() . '` WHERE name = ?', [$name])->value ?? '';
        }
        return hooks()->apply_filters('get_option', $value, $name);
    }

    public function exists(string $name): bool
    {
        return $this->db->row('SELECT 1 AS found FROM `' . $this->table() . '` WHERE name = ?', [$name]) !== null;
    }

    public function add(string $name, $value, $autoload): bool
    {
        if ($this->exists($name)) {
            return false;
        }
        return $this->db->insert($this->table(), ['name' => $name, 'value' => (string) $value, 'autoload' => (int) $autoload]) > 0;
    }

    /** Perfex's quirk kept: a missing option is created with autoload 1 only when $autoload is null. */
    public function update(string $name, $value, $autoload): bool
    {
        if (!$this->exists($name)) {
            return $this->add($name, $value, $autoload === null ? 1 : 0);
        }
        $sql = 'UPDATE `' . $this->table() . '` SET value = ?' . ($autoload ? ', autoload = ' . (int) $autoload : '') . ' WHERE name = ?';
        $this->db->query($sql, [(string) $value, $name]);
        return $this->db->affected_rows() > 0;
    }

    public function delete(string $name): bool
    {
        $this->db->query('DELETE FROM `' . $this->table() . '` WHERE name = ?', [$name]);
        return $this->db->affected_rows() > 0;
    }
}
