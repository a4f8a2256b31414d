<?php
/**
 * Base of the Login Log's module tests: every test starts with an empty log, no login-attempt counters and the
 * Login Log settings at their defaults; helpers read the log as the page and the CSV show it.
 *
 * A test also fails when the module wrote a "[login_security]" line to the server log (a call of the extension
 * failed) unless it expects one ($expectModuleErrors).
 */

declare(strict_types=1);

abstract class LoginLogTestCase extends ModuleTestCase
{
    protected const LOG_URI = 'admin/login_security';

    /** Set in a test that makes the extension fail on purpose. */
    protected bool $expectModuleErrors = false;

    protected function setUp(): void
    {
        parent::setUp();
        self::db()->query('DELETE FROM ' . self::table('login_security_events'));
        self::db()->query('DELETE FROM ' . self::table('login_security_attempts'));
        self::setOptions(['log_retention_days' => '90', 'anonymize_ip' => '0', 'trusted_proxies' => '']);
    }

    protected function tearDown(): void
    {
        $log = $this->serverLog();
        parent::tearDown();
        if (!$this->expectModuleErrors) {
            $this->assertSame([], array_values(preg_grep('/\[login_security\]/', explode("\n", $log))),
                'a call of the extension failed');
        }
    }

    /** The newest event (of one type when given), or a failure when there is none. */
    protected static function lastEvent(?string $event = null): array
    {
        $rows = $event === null ? self::events() : self::events('event = ?', [$event]);
        self::assertNotEmpty($rows, 'no ' . ($event ?? 'event') . ' in the Login Log');

        return $rows[0];
    }

    /**
     * Adds an event straight to the table, e.g. one older than the retention.
     *
     * @param array<string, mixed> $row columns; ip as text
     */
    protected static function insertEvent(array $row): int
    {
        $row += ['created_at' => time(), 'event' => 'login', 'user_type' => 'staff', 'user_id' => 1,
            'identifier' => 'admin@example.com', 'ip' => '192.0.2.1'];
        $row['identifier_norm'] ??= strtolower((string) $row['identifier']);
        if ($row['event'] === 'login') {
            $row['method'] ??= 'form';
        }
        $ip = $row['ip'];
        unset($row['ip']);
        $columns = array_keys($row);
        self::db()->execute_query('INSERT INTO ' . self::table('login_security_events') . ' (`' . implode('`, `', $columns)
            . '`, ip) VALUES (' . implode(', ', array_fill(0, count($columns), '?')) . ', INET6_ATON(?))',
            array_merge(array_values($row), [$ip]));

        return (int) self::db()->insert_id;
    }

    /** The current value of one of the module's options. */
    protected static function option(string $key): ?string
    {
        $row = self::row('SELECT value FROM ' . self::table('options') . ' WHERE name = ?', ["login_security_$key"]);

        return $row['value'] ?? null;
    }

    /**
     * The Login Log table of a page: one list of cell texts per row (whitespace collapsed); [] when it says "no
     * events".
     *
     * @return list<list<string>>
     */
    protected static function tableRows(string $html): array
    {
        $xpath = self::xpath($html);
        $rows  = [];
        foreach ($xpath->query('//table[@id="login-security-table"]/tbody/tr[count(td) > 1]') as $tr) {
            $cells = [];
            foreach ($xpath->query('td', $tr) as $td) {
                $cells[] = trim((string) preg_replace('/\s+/u', ' ', $td->textContent));
            }
            $rows[] = $cells;
        }

        return $rows;
    }

    /** The text of the page's alerts (as a browser shows it). */
    protected static function alertTexts(string $html): array
    {
        $texts = [];
        foreach (self::xpath($html)->query('//div[@role="alert"]') as $div) {
            $texts[] = trim($div->textContent);
        }

        return $texts;
    }

    protected static function xpath(string $html): DOMXPath
    {
        $document = new DOMDocument();
        $previous = libxml_use_internal_errors(true);
        $document->loadHTML('<?xml encoding="UTF-8">' . $html);
        libxml_clear_errors();
        libxml_use_internal_errors($previous);

        return new DOMXPath($document);
    }

    /** Logs the default browser in as the administrator. */
    protected function loginAdmin(?StandinBrowser $browser = null): void
    {
        $admin    = self::staff('admin');
        $response = ($browser ?? $this->browser())->loginStaff($admin['email'], $admin['password']);
        $this->assertTrue($response->isRedirect(), 'the admin could not log in');
    }

    /**
     * The CSV export parsed: the header line and the rows.
     *
     * @return array{0: list<string>, 1: list<list<string>>}
     */
    protected static function parseCsv(string $body): array
    {
        $handle = fopen('php://memory', 'w+b');
        fwrite($handle, $body);
        rewind($handle);
        $lines = [];
        while (($line = fgetcsv($handle, 0, ',', '"', '')) !== false) {
            $lines[] = $line;
        }
        fclose($handle);

        return [array_shift($lines) ?? [], $lines];
    }
}
