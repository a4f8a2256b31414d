<?php
/** bin/reset.php and bin/serve: clean resets, forked workers, and two app servers on one database. */

declare(strict_types=1);

final class ToolsTest extends StandinTestCase
{
    public function testResetDropsTheModulesTablesAndReseeds(): void
    {
        self::db()->query('CREATE TABLE IF NOT EXISTS ' . self::table('login_security_leftover') . ' (id int)');
        self::db()->query('DELETE FROM ' . self::table('staff') . ' WHERE staffid = 2');

        self::resetDatabase();

        $this->assertNull(self::row("SHOW TABLES LIKE '" . self::table('login_security_leftover') . "'"));
        $this->assertSame('staff@example.com', self::row('SELECT email FROM ' . self::table('staff') . ' WHERE staffid = 2')['email']);
        $this->assertSame('login_security', self::row('SELECT feature FROM ' . self::table('staff_permissions') . ' WHERE staff_id = 3')['feature']);
    }

    public function testServeStartsForkedWorkersAndStopEndsThemAll(): void
    {
        $server = StandinServer::start(['LS_DB_NAME' => self::db()->query('SELECT DATABASE()')->fetch_row()[0]], 3);
        $pid = (int) file_get_contents(dirname($server->logPath()) . "/standin-{$server->port}.pid");
        $workers = array_map('intval', array_filter(explode("\n", (string) shell_exec("ps -o pid= --ppid $pid"))));
        $this->assertCount(3, $workers);
        $this->assertSame(307, (new StandinBrowser($server->url()))->get('admin/')->status);

        $server->stop();
        @unlink($server->logPath());

        foreach (array_merge([$pid], $workers) as $process) {
            $this->assertFalse(file_exists("/proc/$process"), "process $process still runs");
        }
    }

    public function testTwoServersOnOneDatabaseShareTheLogin(): void
    {
        $second = self::startServer();
        $browser = $this->browser();
        $browser->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        $this->assertSame(200, $browser->get($second->url('admin/'))->status);

        self::db()->query('DELETE FROM ' . self::table('sessions'));
        $this->assertSame(307, $browser->get($second->url('admin/'))->status, 'a deleted session ends on every server');
    }
}
