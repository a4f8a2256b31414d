<?php
/**
 * Login Log (issue 2): the admin page's filters (user, date range, event, IP), pagination, chart data, the user
 * search and the CSV export of the filtered rows.
 */

declare(strict_types=1);

require_once __DIR__ . '/LoginLogTestCase.php';

final class LoginLogPageTest extends LoginLogTestCase
{
    private const DAY = 86400;

    protected function setUp(): void
    {
        parent::setUp();
        $this->loginAdmin();
        self::db()->query('DELETE FROM ' . self::table('login_security_events'));
        $now = time();
        // A: today, B: today, C: 10 days ago, D: 40 days ago (outside the default 30 days).
        self::insertEvent(['created_at' => $now - 60, 'identifier' => 'admin@example.com', 'ip' => '192.0.2.1',
            'user_agent' => StandinBrowser::USER_AGENT, 'browser' => 'Firefox', 'browser_version' => '128.0', 'os' => 'Linux', 'device' => 'desktop']);
        self::insertEvent(['created_at' => $now - 120, 'event' => 'failed', 'reason' => 'wrong_password', 'user_id' => 3,
            'identifier' => 'viewer@example.com', 'ip' => '192.0.2.2']);
        self::insertEvent(['created_at' => $now - 10 * self::DAY, 'user_type' => 'contact', 'user_id' => 1,
            'identifier' => 'contact@example.com', 'ip' => '2001:db8::5']);
        self::insertEvent(['created_at' => $now - 40 * self::DAY, 'event' => 'failed', 'reason' => 'unknown_account', 'user_id' => null,
            'identifier' => 'ghost@example.com', 'ip' => '192.0.2.1']);
    }

    public function testThePageShowsTheLast30DaysNewestFirst(): void
    {
        $page = $this->get(self::LOG_URI);

        $this->assertSame(200, $page->status);
        $rows = self::tableRows($page->body);
        $this->assertSame(['Ada Admin admin@example.com', 'Vera Viewer viewer@example.com', 'Cleo Contact contact@example.com'], array_column($rows, 1));
        $this->assertSame(['Login', 'Failed login', 'Login'], array_column($rows, 2));
        $this->assertSame(['Password', 'Wrong password', 'Password'], array_column($rows, 3));
        $this->assertSame(['192.0.2.1', '192.0.2.2', '2001:db8::5'], array_column($rows, 4));
        $this->assertSame('Desktop Firefox 128.0 · Linux', $rows[0][5]);
        $this->assertSame(date('Y-m-d H:i', time() - 60), substr($rows[0][0], 0, 16));
        $this->assertStringContainsString('of 3 events', $page->body);
    }

    public function testFilteringByUser(): void
    {
        $this->assertSame(['Ada Admin admin@example.com'], $this->usersShown('user=staff:1&from=&to='));
        $this->assertSame(['Cleo Contact contact@example.com'], $this->usersShown('user=contact:1'));
        $this->assertSame([], $this->usersShown('user=staff:2'));
    }

    public function testFilteringByDateRange(): void
    {
        $from = date('Y-m-d', time() - 45 * self::DAY);
        $to   = date('Y-m-d', time() - 5 * self::DAY);

        $this->assertSame(['Cleo Contact contact@example.com', 'Staff ghost@example.com'], $this->usersShown("from=$from&to=$to"));
        $this->assertSame(['Cleo Contact contact@example.com', 'Staff ghost@example.com'], $this->usersShown("from=$to&to=$from"), 'swapped');
        $this->assertCount(4, $this->usersShown('from=&to='), 'empty bounds: everything');
        $this->assertSame(['Staff ghost@example.com'], $this->usersShown('from=&to=' . date('Y-m-d', time() - 30 * self::DAY)));
    }

    public function testFilteringByEventAndIp(): void
    {
        $this->assertSame(['Vera Viewer viewer@example.com', 'Staff ghost@example.com'], $this->usersShown('event=failed&from=&to='));
        $this->assertSame(['Ada Admin admin@example.com', 'Staff ghost@example.com'], $this->usersShown('ip=192.0.2.1&from=&to='));
        $this->assertSame(['Cleo Contact contact@example.com'], $this->usersShown('ip=2001:DB8:0::5&from=&to='), 'normalised');
        $this->assertSame([], $this->usersShown('user=staff:1&event=failed&from=&to='));
        $this->assertStringContainsString('No events match these filters.', $this->get(self::LOG_URI . '?event=logout')->body);
    }

    public function testInvalidFiltersAreIgnoredAndNamed(): void
    {
        $page = $this->get(self::LOG_URI . '?user=staff:abc&from=2024-13-45&event=drop+table&ip=999.1.1.1&page=-3');

        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('These filters were not valid and were ignored: User, From, Event, IP address.', $page->body);
        $this->assertCount(3, self::tableRows($page->body));
    }

    /** Kept under curl's header limit: beyond it curl 7.88 leaves the cookies out (the admin would be logged out). */
    public function testFiltersOfAnyLengthAndEncodingAreSafe(): void
    {
        $junk = rawurlencode(str_repeat("\xff\x00<script>é", 150));
        foreach (['user', 'user_label', 'from', 'to', 'event', 'ip', 'page'] as $name) {
            $page = $this->get(self::LOG_URI . "?$name=$junk");
            $this->assertSame(200, $page->status, $name);
            $this->assertStringNotContainsString('<script>é', $page->body, $name);
        }
        $this->assertSame(200, $this->get(self::LOG_URI . '/export?user_label=' . $junk)->status);
        $page = $this->get(self::LOG_URI . '?user=staff:1%0A&from=2026-01-01%0A&page=2%0A');
        $this->assertStringContainsString('ignored: User, From.', $page->body, 'a trailing new line is not allowed');
    }

    public function testPagination(): void
    {
        for ($i = 0; $i < 30; $i++) {
            self::insertEvent(['created_at' => time() - 3600 - $i, 'identifier' => "bulk$i@example.com", 'user_id' => null, 'event' => 'failed', 'reason' => 'unknown_account']);
        }

        $first = $this->get(self::LOG_URI . '?event=failed');
        $this->assertCount(25, self::tableRows($first->body));
        $this->assertStringContainsString('Showing 1–25 of 31 events', preg_replace('/\s+/', ' ', $first->body));
        $second = self::tableRows($this->get(self::LOG_URI . '?event=failed&page=2')->body);
        $this->assertCount(6, $second);
        $this->assertSame('Staff bulk29@example.com', $second[5][1]);
        $this->assertStringContainsString('event=failed&amp;page=2"', $first->body, 'page links keep the filters');
    }

    public function testTheChartCountsSuccessAndFailuresPerDayOfTheFilter(): void
    {
        $chart = $this->chart('');
        $this->assertCount(30, $chart['labels']);
        $this->assertSame(date('Y-m-d'), end($chart['labels']));
        $this->assertSame([2, 1], [array_sum($chart['success']), array_sum($chart['failed'])]);
        $this->assertSame([1, 1], [end($chart['success']), end($chart['failed'])]);

        $this->assertSame([1, 0], [array_sum($this->chart('user=staff:1')['success']), array_sum($this->chart('user=staff:1')['failed'])]);
        $this->assertSame(['Successful logins', 'Failed logins'], [$chart['successLabel'], $chart['failedLabel']]);
    }

    public function testTheUserSearchFindsStaffAndContacts(): void
    {
        $this->assertSame([['key' => 'staff:1', 'label' => 'Ada Admin <admin@example.com>']],
            $this->ajax('GET', self::LOG_URI . '/users?q=ada')->json()['users']);
        $this->assertSame(['contact:1'], array_column($this->ajax('GET', self::LOG_URI . '/users?q=CLEO')->json()['users'], 'key'));
        $this->assertSame([], $this->ajax('GET', self::LOG_URI . '/users?q=')->json()['users']);

        $odd = $this->ajax('GET', self::LOG_URI . '/users?q=' . rawurlencode(str_repeat("\xff\x00%_'\"<", 300)));
        $this->assertSame(200, $odd->status);
        $this->assertSame([], $odd->json()['users'], 'LIKE wildcards are literal');
    }

    public function testTheExportHoldsTheFilteredRows(): void
    {
        $response = $this->get(self::LOG_URI . '/export?event=failed&from=&to=');

        $this->assertSame(200, $response->status);
        $this->assertStringStartsWith('text/csv', (string) $response->header('content-type'));
        $this->assertMatchesRegularExpression('/^attachment; filename="login-log-[\d-]+\.csv"$/', (string) $response->header('content-disposition'));
        [$header, $rows] = self::parseCsv($response->body);
        $this->assertSame(['Time', 'User type', 'User ID', 'User', 'Identifier', 'Event', 'Method', 'Failure reason', 'IP address',
            'Device', 'Browser', 'Browser version', 'OS', 'OS version', 'Session duration (seconds)', 'End reason', 'Done by',
            'Details', 'User agent'], $header);
        $this->assertSame(['viewer@example.com', 'ghost@example.com'], array_column($rows, 4));
        $this->assertSame(['staff', '3', 'Vera Viewer', 'viewer@example.com', 'failed', '', 'wrong_password', '192.0.2.2'],
            array_slice($rows[0], 1, 8));
    }

    public function testTheExportNeutralisesSpreadsheetFormulas(): void
    {
        self::insertEvent(['identifier' => '=HYPERLINK("http://evil.example","x")', 'user_id' => null, 'user_agent' => '+cmd|calc',
            'event' => 'failed', 'reason' => 'unknown_account', 'ip' => '192.0.2.99']);
        self::insertEvent(['identifier' => "@SUM(1)\n-2", 'user_id' => null, 'user_agent' => "\t=1", 'event' => 'failed',
            'reason' => 'unknown_account', 'ip' => '192.0.2.99']);

        [, $rows] = self::parseCsv($this->get(self::LOG_URI . '/export?ip=192.0.2.99')->body);

        $this->assertSame([["'@SUM(1)\n-2", "'\t=1"], ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+cmd|calc"]],
            array_map(fn ($row) => [$row[4], $row[18]], $rows));
    }

    /** @return list<string> the user column of the table for a query string */
    private function usersShown(string $query): array
    {
        $page = $this->get(self::LOG_URI . '?' . $query);
        $this->assertSame(200, $page->status);

        return array_column(self::tableRows($page->body), 1);
    }

    private function chart(string $query): array
    {
        $canvas = self::xpath($this->get(self::LOG_URI . '?' . $query)->body)->query('//canvas[@id="login-security-chart"]')->item(0);
        $this->assertNotNull($canvas);

        return json_decode($canvas->getAttribute('data-chart'), true, 512, JSON_THROW_ON_ERROR);
    }
}
