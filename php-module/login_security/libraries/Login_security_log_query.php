<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * The Login Log filters as given in the query string, checked and turned into the extension's filter.
 *
 * Parameters: user ("staff:ID" | "contact:ID"), user_label (display only), from / to (local dates YYYY-MM-DD in
 * PHP's time zone, which Perfex sets to the app's), event, ip, identifier (an e-mail as typed: the Locked accounts
 * page links with it), page. from/to absent from the query string mean the default range (the last 30 days);
 * present but empty mean "no bound". Invalid values are ignored (an invalid date reads as an absent one) and named
 * in $invalid.
 */
final class Login_security_log_query
{
    public const PER_PAGE     = 25;
    public const EXPORT_LIMIT = 100000;
    public const DEFAULT_DAYS = 30;

    /** @var array<string, string> user, user_label, from, to, event, ip, identifier as shown in the form */
    public array $values = ['user' => '', 'user_label' => '', 'from' => '', 'to' => '', 'event' => '', 'ip' => '', 'identifier' => ''];

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
        $this->zone = new DateTimeZone(date_default_timezone_get());
        $this->now  = $now ?? time();
        $text       = static fn ($value, int $max) => is_string($value) ? mb_substr(trim(mb_scrub($value, 'UTF-8')), 0, $max, 'UTF-8') : '';
        $user       = static fn ($v) => preg_match('/^(staff|contact):([1-9]\d{0,9})$/D', $v, $m) && (int) $m[2] <= 2147483647;
        if ($this->accept('user', $get('user'), $user)) {
            $this->values['user_label'] = $text($get('user_label'), 200);
        }
        $today = $this->localDay($this->now);
        $days  = [$this->day('from', $get('from'), $today->modify('-' . (self::DEFAULT_DAYS - 1) . ' days')), $this->day('to', $get('to'), $today)];
        if (!in_array(null, $days, true) && $days[0] > $days[1]) {
            $days = array_reverse($days);
        }
        foreach (array_combine(['from', 'to'], $days) as $name => $day) {
            if ($day !== null) {
                $this->values[$name] = $day->format('Y-m-d');
                $this->filter[$name] = max(0, $name === 'from' ? $day->getTimestamp() : $this->endOfDay($day));
            }
        }
        $this->accept('event', $get('event'), static fn ($v) => in_array($v, Login_security_gateway::instance()->vocabulary('events'), true));
        $ip = $get('ip');
        if ($this->accept('ip', is_string($ip) ? trim($ip) : null, static fn ($v) => filter_var($v, FILTER_VALIDATE_IP) !== false)) {
            $this->values['ip'] = $this->filter['ip'] = (string) inet_ntop((string) inet_pton($this->values['ip']));
        }
        $this->accept('identifier', $text($get('identifier'), 191), static fn () => true);

        $page = $get('page');
        if (is_string($page) && preg_match('/^[1-9]\d{0,6}$/D', $page)) {
            $this->page = min((int) $page, 1000000);
        }
    }

    /**
     * Store::dailyCounts()'s arguments: the user and IP of the table over its dates, or over the last 30 days up to
     * "to" or today; the seconds east of UTC of the day boundaries, taken at the end of that range.
     *
     * @return array{0: array<string, string|int>, 1: int}
     */
    public function chart(): array
    {
        $to   = $this->filter['to'] ?? $this->endOfDay($this->localDay($this->now));
        $from = $this->filter['from'] ?? $this->localDay($to)->modify('-' . (self::DEFAULT_DAYS - 1) . ' days')->getTimestamp();

        return [array_intersect_key($this->filter, ['user' => 1, 'ip' => 1]) + ['from' => $from, 'to' => $to], $this->localDay($to)->getOffset()];
    }

    /**
     * The query string of these filters (from and to always included: empty means "no bound").
     *
     * @param array<string, string|int> $overrides
     */
    public function queryString(array $overrides = []): string
    {
        $params = array_filter($this->values, static fn ($value, $key) => $value !== '' || $key === 'from' || $key === 'to', ARRAY_FILTER_USE_BOTH);

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
        $last  = max(1, (int) ceil($total / self::PER_PAGE));
        $near  = min($this->page, $last);
        $pages = array_unique(array_merge([1, $last], range(max(1, $near - 2), min($last, $near + 2))));
        sort($pages);
        $items = [];
        foreach ($pages as $i => $page) {
            if ($page - ($pages[$i - 1] ?? 0) > 1) {
                $items[] = ['page' => null, 'active' => false];
            }
            $items[] = ['page' => $page, 'active' => $page === $this->page];
        }
        $first = ($this->page - 1) * self::PER_PAGE + 1;
        $shown = $first <= $total;

        return ['first_row' => $shown ? $first : 0, 'last_row' => $shown ? min($total, $this->page * self::PER_PAGE) : 0,
            'last_page' => $last, 'items' => $items];
    }

    /**
     * A non-empty string parameter goes into the form and the filter when $valid accepts it, else is named invalid.
     *
     * @param mixed $value
     */
    private function accept(string $name, $value, callable $valid): bool
    {
        if (!is_string($value) || $value === '') {
            return false;
        }
        if (!$valid($value)) {
            $this->invalid[] = $name;

            return false;
        }
        $this->values[$name] = $this->filter[$name] = $value;

        return true;
    }

    /**
     * A local date: absent is $default, empty (or not a string) no bound, invalid named and read as absent.
     *
     * @param mixed $value
     */
    private function day(string $name, $value, DateTimeImmutable $default): ?DateTimeImmutable
    {
        if ($value === null || !is_string($value) || $value === '') {
            return $value === null ? $default : null;
        }
        // The pattern first: createFromFormat() throws on a NUL byte.
        $day = preg_match('/^\d{4}-\d{2}-\d{2}$/D', $value) ? DateTimeImmutable::createFromFormat('!Y-m-d', $value, $this->zone) : false;
        if ($day !== false && $day->format('Y-m-d') === $value) {
            return $day;
        }
        $this->invalid[] = $name;

        return $default;
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
