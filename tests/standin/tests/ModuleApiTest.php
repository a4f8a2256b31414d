<?php
/** The module API as the fixture module uses it: menu, language, assets, settings tab, action links, activation, cron. */

declare(strict_types=1);

final class ModuleApiTest extends HookRecorderTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
    }

    public function testTheSidebarShowsTheModuleItemTranslatedAndItsScriptIsServed(): void
    {
        $page = $this->get('admin/')->body;

        $this->assertStringContainsString('<a href="' . self::$server->url('admin/hook_recorder') . '"><i class="fa fa-list"></i> Hook recorder</a>', $page);
        $script = self::$server->url('modules/hook_recorder/assets/recorder.js');
        $this->assertStringContainsString('<script id="hook-recorder-js" src="' . $script . '"></script>', $page);
        $this->assertLessThan(strpos($page, 'id="hook-recorder-js"'), strpos($page, 'Chart.min.js'), 'Chart.js comes first');
        $asset = $this->get('modules/hook_recorder/assets/recorder.js');
        $this->assertStringStartsWith('text/javascript', $asset->header('content-type'));
        $this->assertSame(404, $this->get('modules/hook_recorder/hook_recorder.php')->status, 'PHP files are never served');
        $this->assertSame(200, $this->get('assets/plugins/Chart.js/Chart.min.js')->status);
    }

    public function testTheSettingsTabRendersInsideTheCsrfFormAndSaves(): void
    {
        $tab = $this->get('admin/settings?group=hook_recorder');
        $this->assertSame(200, $tab->status);
        $this->assertStringContainsString('<input type="radio" id="y_opt_1_hook_recorder_flag" name="settings[hook_recorder_flag]" value="1" checked>', $tab->body);
        $this->assertStringContainsString('name="csrf_token_name"', $tab->body);

        $saved = $this->post('admin/settings?group=hook_recorder', ['settings' => ['hook_recorder_flag' => ' 0 ']]);

        $this->assertRedirectsTo('admin/settings?group=hook_recorder', $saved);
        $this->assertSame([['settings' => ['hook_recorder_flag' => ' 0 ']]], $this->hook('before_settings_updated')['args']);
        $this->assertSame('0', self::row('SELECT value FROM ' . self::table('options') . " WHERE name = 'hook_recorder_flag'")['value']);
        $this->assertStringContainsString('Settings saved.', $this->browser()->follow($saved)->body);
    }

    public function testAFilterCanRefuseASetting(): void
    {
        $before = self::row('SELECT value FROM ' . self::table('options') . " WHERE name = 'hook_recorder_flag'")['value'];

        $page = $this->browser()->follow($this->post('admin/settings?group=hook_recorder', ['settings' => ['hook_recorder_flag' => 'refuse']]));

        $this->assertStringContainsString('The recorder refused that value.', $page->body);
        $this->assertSame($before, self::row('SELECT value FROM ' . self::table('options') . " WHERE name = 'hook_recorder_flag'")['value']);
    }

    public function testTheModulesPageListsActionLinksAndDeactivatesAndActivatesByPost(): void
    {
        $list = $this->get('admin/modules')->body;
        $this->assertStringContainsString('Hook recorder settings</a>', $list);
        $active = 'SELECT active FROM ' . self::table('modules') . " WHERE module_name = 'hook_recorder'";

        $this->assertSame(405, $this->get('admin/modules/deactivate/hook_recorder')->status);
        $this->assertRedirectsTo('admin/modules', $this->post('admin/modules/deactivate/hook_recorder'));
        $this->assertSame(0, self::row($active)['active']);
        $this->assertSame(['deactivate_hook_recorder_module'], $this->hookNames(['deactivate_hook_recorder_module']));
        $this->forgetHooks();
        $this->get('admin/');
        $this->assertSame([], $this->hooks(), 'an inactive module is not loaded');

        $this->post('admin/modules/activate/hook_recorder');
        $this->assertSame(1, self::row($active)['active']);
        $this->assertSame(['activate_hook_recorder_module'], $this->hookNames(['activate_hook_recorder_module']));
    }

    public function testCronRunsRegisteredTasksAtMostEveryFiveMinutes(): void
    {
        $this->runCron();
        $this->assertSame(['before_cron_run', 'after_cron_run'], $this->hookNames(['before_cron_run', 'after_cron_run']));
        $this->assertSame([false], $this->hook('after_cron_run')['args']);

        $this->forgetHooks();
        $this->browser('cron')->get('cron/index');
        $this->assertSame([], $this->hookNames(['before_cron_run', 'after_cron_run']));
    }
}
