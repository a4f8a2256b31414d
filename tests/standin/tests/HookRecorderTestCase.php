<?php
/**
 * Stand-in self-tests with the fixture module hook_recorder active: every hook it listens to is appended to a
 * JSON-lines file, emptied before each test. A record is {hook, args, uri, staff_user_id, contact_user_id,
 * client_user_id} (who was logged in when the hook fired; false = nobody).
 */

declare(strict_types=1);

abstract class HookRecorderTestCase extends StandinTestCase
{
    protected static function modulesDir(): ?string
    {
        return __DIR__ . '/fixtures/modules';
    }

    protected static function activeModules(): array
    {
        return ['hook_recorder'];
    }

    protected static function serverEnv(): array
    {
        return ['STANDIN_HOOK_LOG' => self::hookLog()];
    }

    private static function hookLog(): string
    {
        return dirname(__DIR__, 3) . '/.run/standin-hooks-' . getmypid() . '.jsonl';
    }

    protected function setUp(): void
    {
        parent::setUp();
        file_put_contents(self::hookLog(), '');
    }

    public static function tearDownAfterClass(): void
    {
        parent::tearDownAfterClass();
        @unlink(self::hookLog());
    }

    /** @return list<array> the records since the test started (or since forgetHooks()) */
    protected function hooks(): array
    {
        $lines = array_filter(explode("\n", (string) file_get_contents(self::hookLog())));
        return array_map(fn ($line) => json_decode($line, true, 512, JSON_THROW_ON_ERROR), array_values($lines));
    }

    /** @return list<string> hook names in firing order, optionally only those in $only */
    protected function hookNames(array $only = []): array
    {
        $names = array_column($this->hooks(), 'hook');
        return $only === [] ? $names : array_values(array_intersect($names, $only));
    }

    /** The first record of $hook, failing when it did not fire. */
    protected function hook(string $hook): array
    {
        foreach ($this->hooks() as $record) {
            if ($record['hook'] === $hook) {
                return $record;
            }
        }
        $this->fail("hook $hook did not fire; fired: " . implode(', ', $this->hookNames()));
    }

    protected function forgetHooks(): void
    {
        file_put_contents(self::hookLog(), '');
    }
}
