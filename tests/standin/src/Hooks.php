<?php
/**
 * Actions and filters with Perfex's semantics (Perfex uses a WordPress-style hooks library):
 * - callbacks run by ascending priority, then in the order they were added; the same callback added twice to one
 *   tag and priority is kept once;
 * - a callback receives at most $accepted_args arguments (default 1);
 * - do_action($tag) without an argument passes '' as the first argument;
 * - apply_filters($tag, $value, ...$extra) hands the current value plus the extra arguments to each filter.
 */

declare(strict_types=1);

namespace Standin;

final class Hooks
{
    /** @var array<string, array<int, array<string, array{0: mixed, 1: int}>>> tag => priority => id => [callback, accepted args] */
    private array $filters = [];
    /** @var array<string, int> */
    private array $fired = [];

    public function add_filter(string $tag, $callback, $priority = 10, $accepted_args = 1): bool
    {
        $this->filters[$tag][(int) $priority][self::id($callback)] = [$callback, (int) $accepted_args];
        ksort($this->filters[$tag]);
        return true;
    }

    public function add_action(string $tag, $callback, $priority = 10, $accepted_args = 1): bool
    {
        return $this->add_filter($tag, $callback, $priority, $accepted_args);
    }

    public function remove_filter(string $tag, $callback, $priority = 10): bool
    {
        $id = self::id($callback);
        if (!isset($this->filters[$tag][(int) $priority][$id])) {
            return false;
        }
        unset($this->filters[$tag][(int) $priority][$id]);
        return true;
    }

    public function remove_action(string $tag, $callback, $priority = 10): bool
    {
        return $this->remove_filter($tag, $callback, $priority);
    }

    /** True when anything is hooked to $tag; with $callback, its priority or false. */
    public function has_filter(string $tag, $callback = false)
    {
        $has = !empty(array_filter($this->filters[$tag] ?? []));
        if ($callback === false || !$has) {
            return $has;
        }
        $id = self::id($callback);
        foreach ($this->filters[$tag] as $priority => $entries) {
            if (isset($entries[$id])) {
                return $priority;
            }
        }
        return false;
    }

    public function has_action(string $tag, $callback = false)
    {
        return $this->has_filter($tag, $callback);
    }

    public function do_action(string $tag, $arg = '', ...$more): void
    {
        $this->fired[$tag] = ($this->fired[$tag] ?? 0) + 1;
        $args = array_merge([$arg], $more);
        foreach ($this->callbacks($tag) as [$callback, $accepted]) {
            call_user_func_array($callback, array_slice($args, 0, $accepted));
        }
    }

    public function apply_filters(string $tag, $value, ...$extra)
    {
        foreach ($this->callbacks($tag) as [$callback, $accepted]) {
            $value = call_user_func_array($callback, array_slice(array_merge([$value], $extra), 0, $accepted));
        }
        return $value;
    }

    /** How many times the action $tag has fired in this request. */
    public function did_action(string $tag): int
    {
        return $this->fired[$tag] ?? 0;
    }

    /** @return list<array{0: mixed, 1: int}> */
    private function callbacks(string $tag): array
    {
        $list = [];
        foreach ($this->filters[$tag] ?? [] as $entries) {
            foreach ($entries as $entry) {
                $list[] = $entry;
            }
        }
        return $list;
    }

    /** @param mixed $callback */
    private static function id($callback): string
    {
        if (is_string($callback)) {
            return $callback;
        }
        if (is_object($callback)) {
            return spl_object_hash($callback);
        }
        $target = is_object($callback[0]) ? spl_object_hash($callback[0]) : $callback[0];
        return $target . '::' . $callback[1];
    }
}
