<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/Login_security_log_presenter.php';

/**
 * Live sessions and bans (LoginSecurity\Sessions::live() / bans()) as display text for the sessions pages. Returns
 * plain text: the views escape it.
 */
final class Login_security_session_presenter
{
    /** Sessions seen within this many seconds are listed: Perfex's session lifetime (sess_expiration, 8 hours). */
    public const LIST_WINDOW = 28800;

    /** The most sessions a list shows. */
    public const LIST_LIMIT = 500;

    /**
     * @param array<string, mixed> $row a row of live()
     * @param string|null $currentId the public id of the viewer's own session
     * @return array<string, mixed>
     */
    public static function session(array $row, ?string $currentId = null): array
    {
        $type   = self::text($row, 'user_type');
        $userId = (int) ($row['user_id'] ?? 0);
        $method = self::text($row, 'method');
        $seen   = (int) ($row['last_seen'] ?? 0);

        return [
            'id'         => self::text($row, 'id'),
            'user_type'  => $type,
            'user_id'    => $userId,
            'user_key'   => $type . ':' . $userId,
            'user_name'  => self::name($row, $type, $userId),
            'email'      => self::text($row, 'email'),
            'type_label' => self::label('user_type', $type),
            'ip'         => self::text($row, 'ip'),
            'user_agent' => self::text($row, 'user_agent'),
            'device'     => self::label('device', self::text($row, 'device')),
            'browser'    => self::text($row, 'browser'),
            'os'         => self::text($row, 'os'),
            'method'     => $method === '' ? _l('login_security_sessions_method_takeover') : self::label('method', $method),
            'login_at'   => self::time($row['created_at'] ?? null),
            'seen_at'    => self::time($seen),
            'seen_ago'   => _l('login_security_sessions_ago', Login_security_log_presenter::duration(max(0, time() - $seen))),
            'current'    => $currentId !== null && self::text($row, 'id') === $currentId,
        ];
    }

    /**
     * @param array<string, mixed> $ban a row of bans()
     * @return array<string, mixed>
     */
    public static function ban(array $ban): array
    {
        $type   = self::text($ban, 'user_type');
        $userId = (int) ($ban['user_id'] ?? 0);

        return [
            'user_type'  => $type,
            'user_id'    => $userId,
            'user_name'  => self::name([], $type, $userId),
            'type_label' => self::label('user_type', $type),
            'until'      => self::time($ban['until'] ?? null),
            'reason'     => self::text($ban, 'reason'),
            'created_by' => self::text($ban, 'created_by'),
        ];
    }

    /**
     * Keeps the sessions whose user name or e-mail contains $term (case-insensitive).
     *
     * @param list<array<string, mixed>> $rows presented sessions
     * @return list<array<string, mixed>>
     */
    public static function search(array $rows, string $term): array
    {
        if ($term === '') {
            return $rows;
        }

        return array_values(array_filter($rows, static function (array $row) use ($term) {
            return mb_stripos($row['user_name'] . ' ' . $row['email'], $term, 0, 'UTF-8') !== false;
        }));
    }

    /** @param array<string, mixed> $row */
    private static function name(array $row, string $type, int $userId): string
    {
        $name = self::text($row, 'user_name');
        if ($name === '' && $type === \LoginSecurity\UserType::STAFF) {
            $name = (string) get_staff_full_name($userId);
        } elseif ($name === '' && $type === \LoginSecurity\UserType::CONTACT && function_exists('get_contact_full_name')) {
            $name = (string) get_contact_full_name($userId);
        }

        return trim($name) !== '' ? $name : self::label('user_type', $type) . ' #' . $userId;
    }

    /** The Login Log's language string of a code ("login_security_<group>_<code>"), or the code itself. */
    private static function label(string $group, string $code): string
    {
        if ($code === '' || !preg_match('/^[a-z0-9_]+$/', $code)) {
            return $code;
        }
        $key   = 'login_security_' . $group . '_' . $code;
        $label = _l($key);

        return $label === $key ? $code : $label;
    }

    /** @param mixed $at */
    private static function time($at): string
    {
        return is_numeric($at) && (int) $at > 0 ? date(Login_security_log_presenter::TIME_FORMAT, (int) $at) : '';
    }

    /** @param array<string, mixed> $row */
    private static function text(array $row, string $key): string
    {
        return isset($row[$key]) && is_scalar($row[$key]) ? (string) $row[$key] : '';
    }
}
