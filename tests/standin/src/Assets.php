<?php
/**
 * $CI->app_scripts and $CI->app_css: scripts/styles a module adds; printed by init_head() (CSS), init_tail()
 * (scripts) and the customers-area layout (group 'customers').
 */

declare(strict_types=1);

namespace Standin;

final class Assets
{
    /** @var array<string, array<string, string>> group => id => url */
    private array $assets = ['admin' => [], 'customers' => []];

    public function add(string $id, string $url, string $group = 'admin', array $deps = []): self
    {
        $this->assets[$group][$id] = preg_match('#^(https?:)?//#', $url) ? $url : base_url(ltrim($url, '/'));
        return $this;
    }

    /** Customers-area asset (Perfex's App_scripts::theme / App_css::theme). */
    public function theme(string $id, string $url, array $deps = []): self
    {
        return $this->add($id, $url, 'customers');
    }

    /** @return array<string, string> id => url */
    public function get(string $group = 'admin'): array
    {
        return $this->assets[$group] ?? [];
    }
}
