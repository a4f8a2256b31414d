<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/Login_security_log_presenter.php';

/**
 * Live sessions and bans (LoginSecurity\Sessions::live() / bans(), shaped as the stub says) as display text for the
 * sessions pages. Returns plain text: the views escape it.
 */
final class Login_security_session_presenter
{
    /** Sessions seen within this many seconds are listed: Perfex's session lifetime (sess_expiration, 8 hours). */
    public const LIST_WINDOW = 28800;

    /** The most sessions a list shows. */
    public const LIST_LIMIT = 500;

    /**
     * The live sessions of a user type ("" all) or of one user ("staff:ID" / "contact:ID"), presented, the session
     * with the public id $currentId marked "current", and only those whose user name or e-mail contains $term.
     *
     * @return list<array<string, mixed>>
     */
    public static function sessions(string $userType, string $user, ?string $currentId, string $term = ''): array
    {
        $rows = [];
        foreach (Login_security_gateway::instance()->liveSessions($userType, $user, self::LIST_WINDOW, self::LIST_LIMIT) as $row) {
            $row = self::session($row, $currentId);
            if ($term === '' || mb_stripos($row['user_name'] . ' ' . $row['email'], $term, 0, 'UTF-8') !== false) {
                $rows[] = $row;
            }
        }

        return $rows;
    }

    /**
     * @param array<string, mixed> $row a row of live()
     * @return array<string, mixed>
     */
    private static function session(array $row, ?string $currentId): array
    {
        return [
            'id'         => $row['id'],
            'user_key'   => $row['user_type'] . ':' . $row['user_id'],
            'user_name'  => self::name($row['user_name'], $row['user_type'], $row['user_id']),
            'type_label' => self::label('user_type', $row['user_type']),
            'device'     => self::label('device', $row['device']),
            'method'     => $row['method'] === '' ? _l('login_security_sessions_method_takeover') : self::label('method', $row['method']),
            'login_at'   => self::time($row['created_at']),
            'seen_at'    => self::time($row['last_seen']),
            'seen_ago'   => _l('login_security_sessions_ago', Login_security_log_presenter::duration(max(0, time() - $row['last_seen']))),
            'current'    => $row['id'] === $currentId,
        ] + $row;
    }

    /**
     * @param array<string, mixed> $ban a row of bans()
     * @return array<string, mixed>
     */
    public static function ban(array $ban): array
    {
        return [
            'user_name'  => self::name('', $ban['user_type'], $ban['user_id']),
            'type_label' => self::label('user_type', $ban['user_type']),
            'until'      => self::time($ban['until']),
        ] + $ban;
    }

    private static function name(string $name, string $type, int $userId): string
    {
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

    private static function time(int $at): string
    {
        return $at > 0 ? date(Login_security_log_presenter::TIME_FORMAT, $at) : '';
    }
}
