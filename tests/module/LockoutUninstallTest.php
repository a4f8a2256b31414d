<?php
/** Login attempts (issue 3): uninstalling the module removes the lockout settings and state with every other option. */

declare(strict_types=1);

require_once __DIR__ . '/LockoutTestCase.php';

final class LockoutUninstallTest extends LockoutTestCase
{
    public function testUninstallRemovesTheLockoutOptionsAndCounters(): void
    {
        $this->failStaff('staff@example.com', 3);
        $admin = self::staff('admin');
        $this->browser('admin')->loginStaff($admin['email'], $admin['password']);
        $this->assertGreaterThanOrEqual(9, $this->lockoutOptions(), 'eight settings and the time of the last block');

        $this->browser('admin')->post('admin/modules/deactivate/login_security');
        $this->browser('admin')->post('admin/modules/uninstall/login_security');

        $this->assertSame(0, $this->lockoutOptions());
        foreach (['attempts', 'blocks', 'notices'] as $table) {
            $this->assertNull(self::row("SHOW TABLES LIKE '" . self::table('login_security_' . $table) . "'"), $table);
        }
    }

    private function lockoutOptions(): int
    {
        return (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('options') . " WHERE name LIKE 'login\\_security\\_lockout\\_%'")['n'];
    }
}
