<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * Turns Login Log rows (Store::events() / exportEvents()) into display text for the page and cells for the CSV.
 * Returns plain text: the view escapes it. Times are shown in PHP's time zone (Perfex sets it to the app's).
 */
final class Login_security_log_presenter
{
    /** Event → Bootstrap 3 label class. */
    private const BADGES = [
        \LoginSecurity\Event::LOGIN       => 'label-success',
        \LoginSecurity\Event::FAILED      => 'label-danger',
        \LoginSecurity\Event::LOGOUT      => 'label-default',
        \LoginSecurity\Event::LOG_CLEARED => 'label-warning',
        \LoginSecurity\Event::PURGED      => 'label-info',
        \LoginSecurity\Event::LOCKOUT     => 'label-warning',
        \LoginSecurity\Event::BLOCKED     => 'label-danger',
        \LoginSecurity\Event::REENABLED   => 'label-info',
    ];

    public const TIME_FORMAT = 'Y-m-d H:i:s';

    /**
     * @param array<string, mixed> $row
     * @return array<string, string>
     */
    public static function row(array $row): array
    {
        $event = self::text($row, 'event');

        return [
            'time'        => self::time($row['at'] ?? null),
            'user_name'   => self::userName($row),
            'identifier'  => self::text($row, 'identifier'),
            'event'       => self::eventLabel($event),
            'event_class' => self::BADGES[$event] ?? 'label-default',
            'detail'      => self::detail($row),
            'ip'          => self::text($row, 'ip'),
            'device'      => self::label('device', self::text($row, 'device')),
            'software'    => self::software($row),
            'user_agent'  => self::text($row, 'user_agent'),
            'duration'    => isset($row['duration']) && is_numeric($row['duration']) ? self::duration((int) $row['duration']) : '',
        ];
    }

    /** @return array<string, string> event => label, for the filter's select */
    public static function eventOptions(): array
    {
        $options = [];
        foreach (Login_security_gateway::instance()->vocabulary('events') as $event) {
            $options[$event] = self::eventLabel($event);
        }

        return $options;
    }

    public static function eventLabel(string $event): string
    {
        return self::label('event', $event);
    }

    /** "1h 5m", "3d 2h", "45s": the largest non-zero unit and, when not zero, the next one. */
    public static function duration(int $seconds): string
    {
        $units = ['d' => 86400, 'h' => 3600, 'm' => 60, 's' => 1];
        $parts = [];
        $rest  = max(0, $seconds);
        foreach ($units as $unit => $size) {
            $count = intdiv($rest, $size);
            $rest %= $size;
            if ($parts !== [] || $count > 0 || $unit === 's') {
                $parts[] = [$count, $unit];
            }
        }
        $shown = [$parts[0][0] . $parts[0][1]];
        if (isset($parts[1]) && $parts[1][0] > 0) {
            $shown[] = $parts[1][0] . $parts[1][1];
        }

        return implode(' ', $shown);
    }

    /** @return list<string> */
    public static function csvHeader(): array
    {
        $columns = ['time', 'user_type', 'user_id', 'user', 'identifier', 'event', 'method', 'reason', 'ip', 'device',
            'browser', 'browser_version', 'os', 'os_version', 'duration', 'end_reason', 'actor', 'details', 'user_agent'];

        return array_map(static function ($column) {
            return self::spreadsheetSafe(_l('login_security_csv_' . $column));
        }, $columns);
    }

    /**
     * One CSV line: codes rather than labels (stable across languages), durations in seconds.
     *
     * @param array<string, mixed> $row
     * @return list<string>
     */
    public static function csvRow(array $row): array
    {
        $cells = [self::time($row['at'] ?? null)];
        foreach (['user_type', 'user_id', 'user_name', 'identifier', 'event', 'method', 'reason', 'ip', 'device', 'browser',
            'browser_version', 'os', 'os_version', 'duration', 'end_reason', 'actor_name', 'details', 'user_agent'] as $key) {
            $cells[] = self::text($row, $key);
        }

        return array_map([self::class, 'spreadsheetSafe'], $cells);
    }

    /** A cell a spreadsheet will not run as a formula: one starting with = + - @ tab or CR gets a leading '. */
    public static function spreadsheetSafe(string $cell): string
    {
        return ($cell !== '' && strpbrk($cell[0], "=+-@\t\r") !== false) ? "'" . $cell : $cell;
    }

    /** @param mixed $at */
    private static function time($at): string
    {
        return is_numeric($at) ? date(self::TIME_FORMAT, (int) $at) : '';
    }

    /** @param array<string, mixed> $row */
    private static function userName(array $row): string
    {
        $name = self::text($row, 'user_name');
        if ($name !== '') {
            return $name;
        }
        $type = self::text($row, 'user_type');
        $id   = self::text($row, 'user_id');
        if ($type === '') {
            return '';
        }

        return self::label('user_type', $type) . ($id !== '' ? ' #' . $id : '');
    }

    /**
     * What happened: how the login went, why it failed, why the session ended, or who did an admin action.
     *
     * @param array<string, mixed> $row
     */
    private static function detail(array $row): string
    {
        switch (self::text($row, 'event')) {
            case \LoginSecurity\Event::LOGIN:
                return self::label('method', self::text($row, 'method'));
            case \LoginSecurity\Event::FAILED:
                return self::label('reason', self::text($row, 'reason'));
            case \LoginSecurity\Event::LOGOUT: // plus what ended it and who, for sessions ended from elsewhere
                $actor = self::text($row, 'actor_name');

                return implode(' · ', array_filter([self::label('end_reason', self::text($row, 'end_reason')), self::text($row, 'details'),
                    $actor !== '' ? _l('login_security_cleared_by', $actor) : ''], 'strlen'));
            case \LoginSecurity\Event::LOG_CLEARED:
                return _l('login_security_cleared_by', self::text($row, 'actor_name'));
            case \LoginSecurity\Event::PURGED:
                return _l('login_security_purged_count', self::text($row, 'details'));
            case \LoginSecurity\Event::LOCKOUT: // the extension reads its scope and end from the event
                $scope = self::text($row, 'lock_scope');

                return in_array($scope, ['account', 'ip'], true)
                    ? _l('login_security_lockout_detail_' . $scope, self::time(self::text($row, 'lock_until'))) : self::text($row, 'details');
            case \LoginSecurity\Event::BLOCKED:
                return _l('login_security_lockout_detail_blocked');
            case \LoginSecurity\Event::REENABLED:
                return _l('login_security_reenabled_by', self::text($row, 'actor_name'));
            default:
                return self::text($row, 'details');
        }
    }

    /** The language string of a code ("login_security_<group>_<code>"), or the code itself when there is none. */
    private static function label(string $group, string $code): string
    {
        if ($code === '' || !preg_match('/^[a-z0-9_]+$/', $code)) {
            return $code;
        }
        $key   = 'login_security_' . $group . '_' . $code;
        $label = _l($key);

        return $label === $key ? $code : $label;
    }

    /**
     * "Firefox 128.0 · Linux"; when neither was recognised, the user agent as sent (the view shows it as text, cut
     * by CSS), so that an odd or hostile agent is visible rather than hidden behind "Unknown device".
     *
     * @param array<string, mixed> $row
     */
    private static function software(array $row): string
    {
        $parts = array_filter([
            self::withVersion(self::text($row, 'browser'), self::text($row, 'browser_version')),
            self::withVersion(self::text($row, 'os'), self::text($row, 'os_version')),
        ], 'strlen');

        return $parts !== [] ? implode(' · ', $parts) : self::text($row, 'user_agent');
    }

    private static function withVersion(string $name, string $version): string
    {
        return trim($name . ' ' . $version);
    }

    /** @param array<string, mixed> $row */
    private static function text(array $row, string $key): string
    {
        return isset($row[$key]) && is_scalar($row[$key]) ? (string) $row[$key] : '';
    }
}
