<?php
/**
 * The settings tabs are the extension's schema (LoginSecurity\settings_schema): every test here walks the schema,
 * not a list of keys, so a setting added to src/settings.rs (with its label in the language file and its README
 * row) is shown on its tab, created with its default, validated and saved without any other change — these tests
 * then cover it too.
 */

declare(strict_types=1);

require_once __DIR__ . '/LoginLogTestCase.php';

final class SettingsSchemaPagesTest extends LoginLogTestCase
{
    /** @var list<array<string, mixed>>|null */
    private static ?array $schema = null;

    protected function tearDown(): void
    {
        self::setOptions(array_column(self::schema(), 'default', 'key'));
        parent::tearDown();
    }

    public function testActivationCreatedEverySettingWithItsDefault(): void
    {
        foreach (self::schema() as $row) {
            $this->assertSame($row['default'], self::option($row['key']), $row['key']);
        }
    }

    public function testEveryTabShowsItsSettingsInTheSchemasOrderWithTheSchemasRangeAndTheLanguageFilesLabel(): void
    {
        $this->loginAdmin();
        $lang = self::language();
        foreach (self::tabs() as $tab => $rows) {
            $xpath = self::xpath($this->get(self::uri($tab))->body);
            $names = [];
            foreach ($xpath->query("//*[starts-with(@name, 'settings[login_security_')]") as $field) {
                $names[] = $field->getAttribute('name');
            }
            $expected = array_map(static fn (array $row): string => "settings[login_security_{$row['key']}]", $rows);
            $this->assertSame($expected, array_values(array_unique($names)), $tab);
            foreach ($rows as $row) {
                $field = $xpath->query("//*[@name='settings[login_security_{$row['key']}]']")->item(0);
                if ($row['kind'] === 'int') {
                    $this->assertSame([(string) $row['min'], (string) $row['max'], $row['default']],
                        [$field->getAttribute('min'), $field->getAttribute('max'), $field->getAttribute('value')], $row['key']);
                }
                if ($row['kind'] !== 'bool') {
                    $label = $xpath->query("//label[@for='login_security_{$row['key']}']")->item(0);
                    $this->assertSame($lang['login_security_setting_' . $row['key']], trim($label->textContent), $row['key']);
                }
            }
        }
    }

    public function testEveryTabSavesANewValueOfEachOfItsSettings(): void
    {
        $this->loginAdmin();
        foreach (self::tabs() as $tab => $rows) {
            $posted = self::otherValidValues($rows);

            $alerts = self::alertTexts($this->browser()->follow($this->post(self::uri($tab), self::fields($posted)))->body);

            $this->assertSame(['Settings saved.'], $alerts, $tab);
            foreach ($posted as $key => $value) {
                $this->assertSame($value, self::option($key), $key);
            }
        }
    }

    public function testAnOutOfRangeNumberOnAnyTabIsRefusedAndNothingOfTheTabIsSaved(): void
    {
        $this->loginAdmin();
        foreach (self::tabs() as $tab => $rows) {
            $posted = self::otherValidValues($rows);
            $int = current(array_filter($rows, static fn (array $row): bool => $row['kind'] === 'int'));
            $posted[$int['key']] = (string) ($int['max'] + 1);

            $alerts = self::alertTexts($this->browser()->follow($this->post(self::uri($tab), self::fields($posted)))->body);

            $this->assertCount(1, $alerts, $tab);
            $this->assertStringStartsWith('Login Security settings not saved: ' . ($int['max'] + 1) . ' is out of range', $alerts[0]);
            foreach ($rows as $row) {
                $this->assertSame($row['default'], self::option($row['key']), $row['key']);
            }
        }
    }

    public function testEverySettingIsARowOfTheReadmesSettingsTable(): void
    {
        $readme = (string) file_get_contents(dirname(__DIR__, 2) . '/README.md');
        $this->assertSame(1, preg_match('/^## Settings\n(.*?)^## /ms', $readme, $section));
        foreach (self::schema() as $row) {
            $this->assertMatchesRegularExpression('/^\|[^\n]*`' . $row['key'] . '`[^\n]*\|$/m', $section[1], $row['key']);
        }
    }

    public function testActivatedWithoutTheExtensionTheSettingsAreCreatedOnTheFirstAdminPageOnceItIsThere(): void
    {
        $extension = (string) getenv('LS_EXTENSION');
        putenv('LS_EXTENSION=');
        try {
            self::resetDatabase();
        } finally {
            putenv("LS_EXTENSION=$extension");
        }
        $this->expectModuleErrors = true; // the Login Log's tables are created by the same first admin page
        foreach (self::schema() as $row) {
            $this->assertNull(self::option($row['key']), $row['key']);
        }

        $this->loginAdmin();
        $this->get('admin/');

        foreach (self::schema() as $row) {
            $this->assertSame($row['default'], self::option($row['key']), $row['key']);
        }
    }

    public function testWithoutTheExtensionTheTabsShowTheNoticeAndNoField(): void
    {
        $server  = self::startServer(['LS_EXTENSION' => '']);
        $browser = $this->browser('no-extension', $server);
        $this->loginAdmin($browser);
        foreach (array_keys(self::tabs()) as $tab) {
            $body = $browser->get(self::uri($tab))->body;
            $this->assertStringContainsString('login-security-notice', $body, $tab);
            $this->assertStringNotContainsString('settings[login_security_', $body, $tab);
        }
    }

    /**
     * Key → a valid value other than the default: a flipped yes/no, the top of a range, an address, a full-length text.
     *
     * @return array<string, string>
     */
    private static function otherValidValues(array $rows): array
    {
        $values = [];
        foreach ($rows as $row) {
            $values[$row['key']] = match ($row['kind']) {
                'bool'    => $row['default'] === '1' ? '0' : '1',
                'int'     => (string) $row['max'],
                'ip_list' => '192.0.2.7',
                'text'    => str_repeat('x', $row['max']),
            };
        }

        return $values;
    }

    /** @return array<string, string> keys without the prefix → the form's field names */
    private static function fields(array $posted): array
    {
        $fields = [];
        foreach ($posted as $key => $value) {
            $fields["settings[login_security_$key]"] = $value;
        }

        return $fields;
    }

    /** The admin page of a schema tab (hooks/menu.php names the tabs). */
    private static function uri(string $tab): string
    {
        return 'admin/settings?group=' . ($tab === 'general' ? 'login_security' : "login_security_$tab");
    }

    /** @return array<string, list<array<string, mixed>>> tab → its rows, in order */
    private static function tabs(): array
    {
        $tabs = [];
        foreach (self::schema() as $row) {
            $tabs[$row['tab']][] = $row;
        }

        return $tabs;
    }

    /** The schema, asked of the extension the stand-in loads (the tests' own PHP runs without it). */
    private static function schema(): array
    {
        if (self::$schema === null) {
            $json = shell_exec(escapeshellarg(PHP_BINARY) . ' -d extension=' . escapeshellarg((string) getenv('LS_EXTENSION'))
                . " -r 'echo json_encode(LoginSecurity\\settings_schema());'");
            self::$schema = json_decode((string) $json, true, 512, JSON_THROW_ON_ERROR);
        }

        return self::$schema;
    }

    /** @return array<string, string> the module's English language lines */
    private static function language(): array
    {
        $lang = [];
        defined('BASEPATH') or define('BASEPATH', __DIR__);
        foreach (glob(dirname(__DIR__, 2) . '/php-module/login_security/language/english/*_lang.php') as $file) {
            include $file;
        }

        return $lang;
    }
}
