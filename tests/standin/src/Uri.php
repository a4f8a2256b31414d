<?php
/** $CI->uri: the request path as segments (1-based, like CodeIgniter). */

declare(strict_types=1);

namespace Standin;

final class Uri
{
    /** @var list<string> */
    private array $segments;

    public function __construct(string $path)
    {
        $this->segments = array_values(array_filter(explode('/', trim($path, '/')), fn ($s) => $s !== ''));
    }

    public function segment(int $n, $no_result = null)
    {
        return $this->segments[$n - 1] ?? $no_result;
    }

    /** @return list<string> */
    public function segment_array(): array
    {
        return $this->segments;
    }

    public function uri_string(): string
    {
        return implode('/', $this->segments);
    }
}
