<?php
/** One HTTP response as a test sees it: status, headers (names lower-case), body, and the URL that was asked for. */

declare(strict_types=1);

final class StandinResponse
{
    /** @param array<string, list<string>> $headers */
    public function __construct(
        public readonly int $status,
        public readonly array $headers,
        public readonly string $body,
        public readonly string $url,
    ) {
    }

    /** The first value of a header, or null. */
    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)][0] ?? null;
    }

    public function location(): ?string
    {
        return $this->header('location');
    }

    public function isRedirect(): bool
    {
        return $this->status >= 300 && $this->status < 400 && $this->location() !== null;
    }

    /** The decoded value this response sets for a cookie ('' when it deletes it), or null when it does not touch it. */
    public function setsCookie(string $name): ?string
    {
        foreach ($this->headers['set-cookie'] ?? [] as $line) {
            if (str_starts_with($line, $name . '=')) {
                return urldecode(substr(strtok($line, ';'), strlen($name) + 1));
            }
        }
        return null;
    }

    /** The JSON body decoded as an array (fails loudly when it is not JSON). */
    public function json(): array
    {
        return json_decode($this->body, true, 512, JSON_THROW_ON_ERROR);
    }
}
