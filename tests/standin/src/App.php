<?php
/**
 * $CI->app: the settings sections and tabs of Setup → Settings (perfex-facts.md §3 L89-93). The stand-in registers
 * Perfex's section ids (general, finance, configuration, integrations, other, misc, ai) on admin_init before any
 * module does, so a module's add_settings_section_child() from its own admin_init action lands in them.
 */

declare(strict_types=1);

namespace Standin;

final class App
{
    /** @var array<string, array> */
    private array $sections = [];

    public function add_settings_section(string $id, array $data): self
    {
        foreach ($data['children'] ?? [] as $key => $child) {
            $data['children'][$key]['id'] ??= basename($child['view']);
        }
        $this->sections[$id] = array_merge($this->sections[$id] ?? [], $data);
        return $this;
    }

    public function add_settings_section_child(string $parent_id, string $id, array $data): self
    {
        $data['id'] ??= $id;
        $this->sections[$parent_id]['children'][] = $data;
        return $this;
    }

    /** Sections and their tabs, each sorted by position. */
    public function get_settings_sections(): array
    {
        $sections = self::sortByPosition($this->sections);
        foreach ($sections as $key => $section) {
            $sections[$key]['children'] = self::sortByPosition($section['children'] ?? []);
        }
        return $sections;
    }

    /** The tab registered with this id, or null. */
    public function settings_tab(string $id): ?array
    {
        foreach ($this->sections as $section) {
            foreach ($section['children'] ?? [] as $child) {
                if (($child['id'] ?? null) === $id) {
                    return $child;
                }
            }
        }
        return null;
    }

    /** Stable sort by 'position' (missing positions last), keeping keys. */
    public static function sortByPosition(array $items): array
    {
        $order = array_flip(array_keys($items));
        uksort($items, function ($a, $b) use ($items, $order) {
            $pa = $items[$a]['position'] ?? PHP_INT_MAX;
            $pb = $items[$b]['position'] ?? PHP_INT_MAX;
            return [$pa, $order[$a]] <=> [$pb, $order[$b]];
        });
        return $items;
    }
}
