<?php
/**
 * $CI->app_menu: the admin sidebar and the Setup menu (perfex-facts.md §3 L94-96). Items are
 * ['slug','name','href','icon','position','collapse'] with children ['slug','name','href','position'], sorted by
 * position; rendered by init_head() (views/admin/menu.php).
 */

declare(strict_types=1);

namespace Standin;

final class Menu
{
    /** @var array<string, array<string, array>> menu => slug => item */
    private array $items = ['sidebar' => [], 'setup' => [], 'theme' => []];

    public function add_sidebar_menu_item(string $slug, array $item): self
    {
        return $this->addItem('sidebar', $slug, $item);
    }

    public function add_sidebar_children_item(string $parent_slug, array $item): self
    {
        return $this->addChild('sidebar', $parent_slug, $item);
    }

    public function add_setup_menu_item(string $slug, array $item): self
    {
        return $this->addItem('setup', $slug, $item);
    }

    public function add_setup_children_item(string $parent_slug, array $item): self
    {
        return $this->addChild('setup', $parent_slug, $item);
    }

    /** Customers-area navigation. */
    public function add_theme_item(string $slug, array $item): self
    {
        return $this->addItem('theme', $slug, $item);
    }

    public function get_sidebar_menu_items(): array
    {
        return $this->sorted('sidebar', 'sidebar_menu_items');
    }

    public function get_setup_menu_items(): array
    {
        return $this->sorted('setup', 'setup_menu_items');
    }

    public function get_theme_items(): array
    {
        return $this->sorted('theme', 'theme_menu_items');
    }

    private function addItem(string $menu, string $slug, array $item): self
    {
        $item['slug'] = $slug;
        $item['children'] = $this->items[$menu][$slug]['children'] ?? [];
        $item += ['name' => $slug, 'href' => '#', 'icon' => '', 'position' => null];
        $this->items[$menu][$slug] = $item;
        return $this;
    }

    private function addChild(string $menu, string $parent, array $item): self
    {
        $item += ['name' => '', 'href' => '#', 'icon' => '', 'position' => null];
        $this->items[$menu][$parent]['children'][] = $item;
        return $this;
    }

    private function sorted(string $menu, string $filter): array
    {
        $items = App::sortByPosition($this->items[$menu]);
        foreach ($items as $slug => $item) {
            $items[$slug]['children'] = App::sortByPosition($item['children'] ?? []);
        }
        return hooks()->apply_filters($filter, $items);
    }
}
