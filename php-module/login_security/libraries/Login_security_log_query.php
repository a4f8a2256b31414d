<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * The Login Log filters as given in the query string, checked and turned into the extension's filter.
 *
 * Parameters: user ("staff:ID" | "contact:ID"), user_label (display only), from / to (local dates YYYY-MM-DD in
 * PHP's time zone, which Perfex sets to the app's), event, ip, identifier (an e-mail as typed, matched trimmed and
 * lower-cased: the Locked accounts page links with it), page. from/to absent from the query string mean
 * the default range (the last 30 days); present but empty mean "no bound". Invalid values are ignored (an invalid
 * date reads as an absent one) and named in $invalid.
 */
final class Login_security_log_query
{
    public const PER_PAGE     = 25;
    public const EXPORT_LIMIT = 100000;
    public const DEFAULT_DAYS = 30;
    public const MAX_PAGE     = 1000000;

    /** @var array{user: string, user_label: string, from: string, to: string, event: string, ip: string, identifier: string} as shown in the form */
    public array $values;

    /** @var array{user?: string, from?: int, to?: int, event?: string, ip?: string, identifier?: string} for Store::events() */
    public array $filter = [];

    /** @var list<string> parameters whose value was ignored */
    public array $invalid = [];

    public int $page = 1;

    private DateTimeZone $zone;

    private int $now;

    /** @param callable(string): mixed $get reads one query-string parameter (null when absent) */
    public function __construct(callable $get, ?int $now = null)
    {
        $this->zone   = new DateTimeZone(date_default_timezone_get());
        $this->now    = $now ?? time();
        $this->values = ['user' => '', 'user_label' => '', 'from' => '', 'to' => '', 'event' => '', 'ip' => '', 'identifier' => ''];

        $this->parseUser($get('user'), $get('user_label'));
        $this->parseDates($get('from'), $get('to'));
        $this->parseEvent($get('event'));
        $this->parseIp($get('ip'));
        $this->parseIdentifier($get('identifier'));

        $page = $get('page');
        if (is_string($page) && preg_match('/^[1-9]\d{0,6}$/D', $page)) {
            $this->page = min((int) $page, self::MAX_PAGE);
        }
    }

    /** The chart's filter: the user and IP of the table, over its dates or the last 30 days up to "to" or today. */
    public function chartFilter(): array
    {
        $filter = array_intersect_key($this->filter, ['user' => 1, 'ip' => 1]);
        $to     = $this->filter['to'] ?? $this->endOfDay($this->today());
        $from   = $this->filter['from'] ?? $this->localDay($to)->modify('-' . (self::DEFAULT_DAYS - 1) . ' days')->getTimestamp();

        return $filter + ['from' => $from, 'to' => $to];
    }

    /** Seconds east of UTC of the day boundaries, taken at the end of the chart's range. */
    public function chartUtcOffset(): int
    {
        return $this->localDay($this->chartFilter()['to'])->getOffset();
    }

    /**
     * The query string of these filters (from and to always included: empty means "no bound").
     *
     * @param array<string, string|int> $overrides
     */
    public function queryString(array $overrides = []): string
    {
        $params = array_filter($this->values, static function ($value, $key) {
            return $value !== '' || $key === 'from' || $key === 'to';
        }, ARRAY_FILTER_USE_BOTH);

        return http_build_query(array_merge($params, $overrides), '', '&', PHP_QUERY_RFC3986);
    }

    /**
     * Pagination of $total rows: the rows shown (first, last: 0 when none), the last page, and the page links —
     * first, last, and two either side of the current page; a null page is a gap.
     *
     * @return array{first_row: int, last_row: int, last_page: int, items: list<array{page: int|null, active: bool}>}
     */
    public function pagination(int $total): array
    {
        $last = max(1, (int) ceil($total / self::PER_PAGE));
        $near = min($this->page, $last);
        $keep = array_unique(array_merge([1, $last], range(max(1, $near - 2), min($last, $near + 2))));
        sort($keep);

        $items    = [];
        $previous = 0;
        foreach ($keep as $page) {
            if ($page - $previous > 1) {
                $items[] = ['page' => null, 'active' => false];
            }
            $items[]  = ['page' => $page, 'active' => $page === $this->page];
            $previous = $page;
        }
        $firstRow = ($this->page - 1) * self::PER_PAGE + 1;
        $shown    = $firstRow <= $total;

        return [
            'first_row' => $shown ? $firstRow : 0,
            'last_row'  => $shown ? min($total, $this->page * self::PER_PAGE) : 0,
            'last_page' => $last,
            'items'     => $items,
        ];
    }

    /**
     * @param mixed $user
     * @param mixed $label
     */
    private function parseUser($user, $label): void
    {
        if (!is_string($user) || $user === '') {
            return;
        }
        if (!preg_match('/^(staff|contact):([1-9]\d{0,9})$/D', $user, $m) || (int) $m[2] > 2147483647) {
            $this->invalid[] = 'user';

            return;
        }
        $this->values['user']       = $user;
        $this->values['user_label'] = is_string($label) ? mb_substr(trim(mb_scrub($label, 'UTF-8')), 0, 200, 'UTF-8') : '';
        $this->filter['user']       = $user;
    }

    /**
     * @param mixed $from
     * @param mixed $to
     */
    private function parseDates($from, $to): void
    {
        $today = $this->today();
        $start = $this->parseDay('from', $from, $today->modify('-' . (self::DEFAULT_DAYS - 1) . ' days'));
        $end   = $this->parseDay('to', $to, $today);

        if ($start !== null && $end !== null && $start > $end) {
            [$start, $end] = [$end, $start];
        }
        if ($start !== null) {
            $this->values['from'] = $start->format('Y-m-d');
            $this->filter['from'] = max(0, $start->getTimestamp());
        }
        if ($end !== null) {
            $this->values['to'] = $end->format('Y-m-d');
            $this->filter['to'] = max(0, $this->endOfDay($end));
        }
    }

    /** @param mixed $value */
    private function parseDay(string $name, $value, DateTimeImmutable $default): ?DateTimeImmutable
    {
        if ($value === null) {
            return $default;
        }
        if (!is_string($value) || $value === '') {
            return null;
        }
        // The pattern first: createFromFormat() throws on a NUL byte.
        $day = preg_match('/^\d{4}-\d{2}-\d{2}$/D', $value) ? DateTimeImmutable::createFromFormat('!Y-m-d', $value, $this->zone) : false;
        if ($day === false || $day->format('Y-m-d') !== $value) {
            $this->invalid[] = $name;

            return $default; // ignored: as if it were absent
        }

        return $day;
    }

    /** @param mixed $event */
    private function parseEvent($event): void
    {
        if (!is_string($event) || $event === '') {
            return;
        }
        if (!in_array($event, Login_security_gateway::instance()->vocabulary('events'), true)) {
            $this->invalid[] = 'event';

            return;
        }
        $this->values['event'] = $event;
        $this->filter['event'] = $event;
    }

    /** @param mixed $identifier */
    private function parseIdentifier($identifier): void
    {
        $identifier = is_string($identifier) ? mb_substr(trim(mb_scrub($identifier, 'UTF-8')), 0, 191, 'UTF-8') : '';
        if ($identifier !== '') {
            $this->values['identifier'] = $identifier;
            $this->filter['identifier'] = $identifier;
        }
    }

    /** @param mixed $ip */
    private function parseIp($ip): void
    {
        $ip = is_string($ip) ? trim($ip) : '';
        if ($ip === '') {
            return;
        }
        $packed = filter_var($ip, FILTER_VALIDATE_IP) !== false ? inet_pton($ip) : false;
        if ($packed === false) {
            $this->invalid[] = 'ip';

            return;
        }
        $this->values['ip'] = (string) inet_ntop($packed);
        $this->filter['ip'] = $this->values['ip'];
    }

    private function today(): DateTimeImmutable
    {
        return $this->localDay($this->now);
    }

    /** Midnight (local) of the day holding $time. */
    private function localDay(int $time): DateTimeImmutable
    {
        return (new DateTimeImmutable('@' . $time))->setTimezone($this->zone)->setTime(0, 0);
    }

    /** The last second (local) of $day. */
    private function endOfDay(DateTimeImmutable $day): int
    {
        return $day->modify('+1 day')->getTimestamp() - 1;
    }
}
