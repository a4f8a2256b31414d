<?php
/**
 * The database session driver on tblsessions (perfex-facts.md §2 L59-65), as CodeIgniter's:
 * - a MySQL GET_LOCK per session id, held from read() to close(), serialises the requests of one session;
 * - a row is INSERTed the first time an id is written (ip_address = REMOTE_ADDR at that moment), later writes UPDATE
 *   the data when it changed and the timestamp always, AJAX included (timestamp = last activity);
 * - after a regeneration the new id is written in full and the old row is left alone, so it stays valid;
 * - strict mode: an id the table does not know is replaced by a new one.
 */

declare(strict_types=1);

namespace Standin;

final class SessionHandler implements \SessionHandlerInterface, \SessionIdInterface, \SessionUpdateTimestampHandlerInterface
{
    private ?string $lockedId = null;
    private bool $rowExists = false;
    private ?string $fingerprint = null;

    public function __construct(private Database $db)
    {
    }

    private function table(): string
    {
        return db_prefix() . SESS_SAVE_PATH;
    }

    public function open(string $path, string $name): bool
    {
        return true;
    }

    public function read(string $id): string|false
    {
        $this->lock($id);
        $row = $this->db->row('SELECT data FROM `' . $this->table() . '` WHERE id = ?', [$id]);
        $this->rowExists = $row !== null;
        $data = $row->data ?? '';
        $this->fingerprint = md5($data);
        return $data;
    }

    public function write(string $id, string $data): bool
    {
        if ($id !== $this->lockedId) {
            $this->unlock();
            $this->lock($id);
            $this->rowExists = false;
        }
        if (!$this->rowExists) {
            $this->db->query(
                'INSERT INTO `' . $this->table() . '` (id, ip_address, timestamp, data) VALUES (?, ?, ?, ?)',
                [$id, (string) ($_SERVER['REMOTE_ADDR'] ?? ''), time(), $data]
            );
            $this->rowExists = true;
        } elseif (md5($data) !== $this->fingerprint) {
            $this->db->query('UPDATE `' . $this->table() . '` SET timestamp = ?, data = ? WHERE id = ?', [time(), $data, $id]);
        } else {
            $this->db->query('UPDATE `' . $this->table() . '` SET timestamp = ? WHERE id = ?', [time(), $id]);
        }
        $this->fingerprint = md5($data);
        return true;
    }

    /** PHP's lazy write of unchanged data: CodeIgniter still inserts a new row and touches the timestamp. */
    public function updateTimestamp(string $id, string $data): bool
    {
        return $this->write($id, $data);
    }

    public function validateId(string $id): bool
    {
        return $this->db->row('SELECT 1 AS found FROM `' . $this->table() . '` WHERE id = ?', [$id]) !== null;
    }

    public function create_sid(): string
    {
        return bin2hex(random_bytes(20));
    }

    public function close(): bool
    {
        $this->unlock();
        return true;
    }

    public function destroy(string $id): bool
    {
        $this->db->query('DELETE FROM `' . $this->table() . '` WHERE id = ?', [$id]);
        $this->rowExists = false;
        return true;
    }

    public function gc(int $max_lifetime): int|false
    {
        $this->db->query('DELETE FROM `' . $this->table() . '` WHERE timestamp < ?', [time() - $max_lifetime]);
        return $this->db->affected_rows();
    }

    private function lock(string $id): void
    {
        $this->db->query('SELECT GET_LOCK(?, 300)', [md5($id)]);
        $this->lockedId = $id;
    }

    private function unlock(): void
    {
        if ($this->lockedId !== null) {
            $this->db->query('SELECT RELEASE_LOCK(?)', [md5($this->lockedId)]);
            $this->lockedId = null;
        }
    }
}
