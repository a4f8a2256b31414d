<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * When accounts get blocked, each admin is told through Perfex's bell — at most once per INTERVAL, however many
 * accounts an attack blocks. State lives in two options, so that every app server sees it: a count of the blocks
 * with the times of the recent ones, and per admin when they were last notified and up to which count. A block is
 * noted in the (anonymous) request that caused it; the admins are notified on their next admin request
 * (hooks/lockout_notify.php), Perfex's bell poll included.
 */
final class Login_security_block_notices
{
    /** Seconds between two notifications to one admin. */
    public const INTERVAL = 600;

    /** Block times kept: at most this many, none older than MAX_AGE seconds (what a new admin hears of). */
    private const KEEP    = 100;
    private const MAX_AGE = 7 * 86400;

    /**
     * What this request wrote, by option name: Perfex caches autoloaded options per request and update_option()
     * does not refresh that cache, so a value written here must be read back from here.
     *
     * @var array<string, string>
     */
    private static array $written = [];

    /** Notes that an account was blocked at $now. */
    public static function recordBlock(int $now): void
    {
        $state         = self::blocks($now);
        $state['at'][] = $now;
        $state['at']   = array_slice($state['at'], -self::KEEP);
        $state['n']++;
        self::write(Login_security_options::LOCKOUT_BLOCKS, (string) json_encode($state));
    }

    /**
     * What to tell admin $staffId now: ['new' => blocks they have not heard of, 'total' => the count to remember],
     * with new = 0 when there are none or they were notified less than INTERVAL ago.
     *
     * @return array{new: int, total: int}
     */
    public static function due(int $staffId, int $now): array
    {
        $state = self::blocks($now);
        $mine  = self::notified()[$staffId] ?? null;
        if ($mine !== null && $now - $mine['at'] < self::INTERVAL) {
            return ['new' => 0, 'total' => $state['n']];
        }
        $seen = $mine !== null ? $mine['n'] : $state['n'] - count($state['at']);

        return ['new' => max(0, $state['n'] - $seen), 'total' => $state['n']];
    }

    /** Remembers that admin $staffId was told, at $now, of the blocks up to the count $total. */
    public static function markNotified(int $staffId, int $total, int $now): void
    {
        $notified           = self::notified();
        $notified[$staffId] = ['at' => $now, 'n' => $total];
        self::write(Login_security_options::LOCKOUT_NOTIFIED, (string) json_encode($notified));
    }

    /** @return array{n: int, at: list<int>} the count of blocks and the times of the recent ones */
    private static function blocks(int $now): array
    {
        $state = json_decode(self::read(Login_security_options::LOCKOUT_BLOCKS), true);
        $times = [];
        foreach (is_array($state['at'] ?? null) ? $state['at'] : [] as $at) {
            if (is_int($at) && $at > $now - self::MAX_AGE) {
                $times[] = $at;
            }
        }

        return ['n' => is_int($state['n'] ?? null) ? $state['n'] : count($times), 'at' => $times];
    }

    /** @return array<int, array{at: int, n: int}> staff id => when last notified and up to which count */
    private static function notified(): array
    {
        $decoded  = json_decode(self::read(Login_security_options::LOCKOUT_NOTIFIED), true);
        $notified = [];
        foreach (is_array($decoded) ? $decoded : [] as $staffId => $entry) {
            if (is_array($entry) && is_int($entry['at'] ?? null) && is_int($entry['n'] ?? null)) {
                $notified[(int) $staffId] = ['at' => $entry['at'], 'n' => $entry['n']];
            }
        }

        return $notified;
    }

    private static function write(string $key, string $value): void
    {
        self::$written[$key] = $value;
        Login_security_options::set($key, $value);
    }

    private static function read(string $key): string
    {
        return self::$written[$key] ?? Login_security_options::get($key);
    }
}
