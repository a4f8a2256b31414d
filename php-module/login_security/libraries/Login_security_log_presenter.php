<?php

defined('BASEPATH') or exit('No direct script access allowed');

use LoginSecurity\Event;

/**
 * Turns Login Log rows (Store::events() / exportEvents(), shaped as the stub says) into display text for the page and
 * cells for the CSV. Returns plain text: the view escapes it. Times are shown in PHP's time zone (Perfex sets it).
 */
final class Login_security_log_presenter
{
    public const TIME_FORMAT = 'Y-m-d H:i:s';

    /** Event → Bootstrap 3 label class. */
    private const BADGES = [Event::LOGIN => 'label-success', Event::FAILED => 'label-danger', Event::LOGOUT => 'label-default',
        Event::LOG_CLEARED => 'label-warning', Event::PURGED => 'label-info', Event::LOCKOUT => 'label-warning', Event::BLOCKED => 'label-danger',
        Event::REENABLED => 'label-info'];

    /** The CSV's columns (headers: login_security_csv_<key>): codes rather than labels, durations in seconds. */
    private const CSV = ['at', 'user_type', 'user_id', 'user_name', 'identifier', 'event', 'method', 'reason', 'ip', 'device', 'browser',
        'browser_version', 'os', 'os_version', 'duration', 'end_reason', 'actor_name', 'details', 'user_agent'];

    /** @return array<string, string> */
    public static function row(array $row): array
    {
        $software = implode(' · ', array_filter([trim($row['browser'] . ' ' . $row['browser_version']),
            trim($row['os'] . ' ' . $row['os_version'])], 'strlen'));

        return [
            'time'        => self::time($row['at']),
            'user_name'   => $row['user_name'] !== '' || $row['user_type'] === '' ? $row['user_name']
                : self::label('user_type', $row['user_type']) . ($row['user_id'] !== null ? ' #' . $row['user_id'] : ''),
            'identifier'  => $row['identifier'],
            'event'       => self::label('event', $row['event']),
            'event_class' => self::BADGES[$row['event']] ?? 'label-default',
            'detail'      => self::detail($row),
            'ip'          => $row['ip'],
            'device'      => self::label('device', $row['device']),
            // When neither was recognised, the agent as sent: an odd or hostile agent is visible, not "Unknown device".
            'software'    => $software !== '' ? $software : $row['user_agent'],
            'user_agent'  => $row['user_agent'],
            'duration'    => $row['duration'] !== null ? self::duration($row['duration']) : '',
        ];
    }

    /** @return array<string, string> event => label, for the filter's select */
    public static function eventOptions(): array
    {
        $events = Login_security_gateway::instance()->vocabulary('events');

        return array_combine($events, array_map(static fn ($event) => self::label('event', $event), $events));
    }

    /** "1h 5m", "3d 2h", "45s": the largest non-zero unit and, when not zero, the next one. */
    public static function duration(int $seconds): string
    {
        $rest  = max(0, $seconds);
        $parts = [];
        foreach (['d' => 86400, 'h' => 3600, 'm' => 60, 's' => 1] as $unit => $size) {
            if ($parts !== [] || $rest >= $size || $unit === 's') {
                $parts[] = intdiv($rest, $size) . $unit;
            }
            $rest %= $size;
        }

        return $parts[0] . (isset($parts[1]) && (int) $parts[1] > 0 ? ' ' . $parts[1] : '');
    }

    /** @return list<string> */
    public static function csvHeader(): array
    {
        return array_map(static fn ($key) => self::spreadsheetSafe(_l('login_security_csv_' . $key)), self::CSV);
    }

    /** @return list<string> */
    public static function csvRow(array $row): array
    {
        return array_map(static fn ($key) => self::spreadsheetSafe($key === 'at' ? self::time($row['at']) : (string) $row[$key]), self::CSV);
    }

    /** A cell a spreadsheet will not run as a formula: one starting with = + - @ tab or CR gets a leading '. */
    public static function spreadsheetSafe(string $cell): string
    {
        return ($cell !== '' && strpbrk($cell[0], "=+-@\t\r") !== false) ? "'" . $cell : $cell;
    }

    private static function time(?int $at): string
    {
        return $at !== null ? date(self::TIME_FORMAT, $at) : '';
    }

    /** What happened: how the login went, why it failed, why the session ended, or who did an admin action. */
    private static function detail(array $row): string
    {
        $by = $row['actor_name'];
        switch ($row['event']) {
            case Event::LOGIN:
                return self::label('method', $row['method']);
            case Event::FAILED:
                return self::label('reason', $row['reason']);
            case Event::LOGOUT: // plus what ended it and who, for sessions ended from elsewhere
                return implode(' · ', array_filter([self::label('end_reason', $row['end_reason']), $row['details'],
                    $by !== '' ? _l('login_security_cleared_by', $by) : ''], 'strlen'));
            case Event::LOG_CLEARED:
                return _l('login_security_cleared_by', $by);
            case Event::PURGED:
                return _l('login_security_purged_count', $row['details']);
            case Event::LOCKOUT: // the extension reads its scope ("account" / "ip" / "") and end from the event
                return $row['lock_scope'] === '' ? $row['details']
                    : _l('login_security_lockout_detail_' . $row['lock_scope'], self::time($row['lock_until']));
            case Event::BLOCKED:
                return _l('login_security_lockout_detail_blocked');
            case Event::REENABLED:
                return _l('login_security_reenabled_by', $by);
        }

        return $row['details'];
    }

    /** The language string of a code ("login_security_<group>_<code>"), or the code itself when there is none. */
    private static function label(string $group, string $code): string
    {
        $key = 'login_security_' . $group . '_' . $code;

        return $code === '' || ($label = _l($key)) === $key ? $code : $label;
    }
}
