<?php
/** Perfex's option functions (perfex-facts.md §3 L87-88); see Standin\Options for the caching. */

declare(strict_types=1);

function get_option($name): string
{
    return get_instance()->options->get((string) $name);
}

/** Creates the option unless it exists (then does nothing and returns false). */
function add_option($name, $value = '', $autoload = 1): bool
{
    return get_instance()->options->add((string) $name, $value, $autoload);
}

/** Updates the option, creating it when missing; true when a row changed. */
function update_option($name, $value, $autoload = null): bool
{
    return get_instance()->options->update((string) $name, $value, $autoload);
}

function delete_option($name): bool
{
    return get_instance()->options->delete((string) $name);
}

function option_exists($name): bool
{
    return get_instance()->options->exists((string) $name);
}
