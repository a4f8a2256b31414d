<?php
/**
 * Lockouts under attack, over real HTTP with 4 PHP workers: every family of request an attacker can vary — the
 * spelling of the e-mail (every form utf8mb4_unicode_ci treats as equal is one account), extra / repeated / list
 * fields, the route's spelling — fired as a parallel burst at one staff member or contact. What counts is what the
 * stand-in really did: its activity log has one line per password Perfex checked ("Failed Login Attempt" /
 * "User Successfully Logged In") and per lookup of an unknown e-mail, whatever the module believes.
 *
 * Each family's count is also written to STDERR ("attack battery: …") for the record.
 */

declare(strict_types=1);

require_once __DIR__ . '/LockoutTestCase.php';
require_once __DIR__ . '/LoginBurst.php';

final class LockoutAttackTest extends LockoutTestCase
{
    private const BURST = 60;

    /** Spellings of staff@example.com that pass Perfex's validation (IDN domains with php-intl) and that its lookup finds. */
    private const STAFF_SPELLINGS = [
        'staff@example.com', 'STAFF@EXAMPLE.COM', ' staff@example.com ', "\tStaff@Example.Com\n", 'staff@exämple.com',
        'staff@ｅｘａｍｐｌｅ.com', 'staff@example.cöm', "staff@exa\u{200B}mple.com", "staff@e\u{0301}xample.com", 'sTaFf@ÉXAMPLE.COM',
    ];

    private const CONTACT_SPELLINGS = [
        'contact@example.com', 'CONTACT@example.COM', ' contact@exâmple.com', 'contact@ｅｘａｍｐｌｅ.ｃｏｍ', "contact@examp\u{200B}le.com",
        'Contact@EXÄMPLE.com', "contact@exam\u{0300}ple.com",
    ];

    /** Fields Perfex's login ignores (and some other routes of the same controller read). */
    private const EXTRA_FIELDS = [
        ['passwordr' => 'x'], ['remember' => 'on'], ['Email' => 'admin@example.com'], ['password_confirm' => 'x'],
        ['new_pass_key' => 'abc', 'userid' => '2', 'staff' => '1'], ['code' => '123456'], ['passwordr' => 'x', 'remember' => 'on', 'submit' => ''],
    ];

    protected static function workers(): int
    {
        return 4;
    }

    protected function setUp(): void
    {
        parent::setUp();
        self::setOptions(['lockout_ip_limit' => '10000']); // the account's counter alone, unless a test says otherwise
    }

    public function testABurstOfSpellingsOfOneStaffAddressGetsTheAllowedRetriesAndNotOneMore(): void
    {
        $this->fire('admin/authentication', fn ($i) => ['email' => self::STAFF_SPELLINGS[$i % count(self::STAFF_SPELLINGS)], 'password' => "wrong-$i"]);

        $this->assertChecked(3, 'staff spellings');
        $this->assertSame(1, self::attempts('staff', 'staff@example.com')['lockouts'], 'one account, one counter');
        $this->assertRightPasswordRefusedEverywhere('staff');
    }

    public function testABurstOfSpellingsOfOneContactAddressGetsTheAllowedRetriesAndNotOneMore(): void
    {
        $this->fire('authentication/login', fn ($i) => ['email' => self::CONTACT_SPELLINGS[$i % count(self::CONTACT_SPELLINGS)], 'password' => "wrong-$i"]);

        $this->assertChecked(3, 'contact spellings');
        $this->assertRightPasswordRefusedEverywhere('contact');
    }

    public function testExtraFieldsThatPerfexIgnoresDoNotSwitchTheLockoutOff(): void
    {
        $this->fire('admin/authentication', fn ($i) => ['email' => 'staff@example.com', 'password' => "wrong-$i"] + self::EXTRA_FIELDS[$i % count(self::EXTRA_FIELDS)]);
        $this->assertChecked(3, 'staff extra fields');
        $this->assertRightPasswordRefusedEverywhere('staff');
    }

    public function testExtraFieldsDoNotSwitchTheLockoutOffForContactsEither(): void
    {
        $this->fire('authentication/login', fn ($i) => ['email' => 'contact@example.com', 'password' => "wrong-$i"] + self::EXTRA_FIELDS[$i % count(self::EXTRA_FIELDS)]);
        $this->assertChecked(3, 'contact extra fields');
        $this->assertRightPasswordRefusedEverywhere('contact');
    }

    public function testRepeatedFieldsAreJudgedByTheValueThatPerfexReads(): void
    {
        // PHP keeps the last of repeated fields: the decoy comes first, the target last (and the other way round).
        $bodies = [
            'email=ghost%40example.com&email=staff%40example.com&password=a&password=wrong-{i}',
            'email=staff%40example.com&password=wrong-{i}&email=STAFF%40EXAMPLE.COM&passwordr=1&passwordr=2',
            'password=x&email=admin%40example.com&email=staff%40ex%C3%A4mple.com&password=wrong-{i}',
        ];
        $this->fireBodies('admin/authentication', fn ($i) => str_replace('{i}', (string) $i, $bodies[$i % count($bodies)]));
        $this->assertChecked(3, 'staff repeated fields');
        $this->assertNull(self::attempts('staff', 'admin@example.com'), 'the decoy is not what Perfex judged, nor what was counted');
        $this->assertRightPasswordRefusedEverywhere('staff');
    }

    public function testPasswordsThatXssCleaningWouldEmptyAreCountedAsPerfexChecksThemRaw(): void
    {
        // Perfex reads the password with post('password', false): "%01" is checked as it is, though post('password')
        // (global XSS filtering) would read it as "".
        $bodies = ['email=staff%40example.com&password=%2501', 'email=staff%40example.com&password=%2501%2502',
            'email=staff%40example.com&password=%250e%251f', 'email=staff%40example.com&password=%252501'];
        $this->fireBodies('admin/authentication', fn ($i) => $bodies[$i % count($bodies)]);
        $this->assertChecked(3, 'xss-emptied passwords');
    }

    public function testAttemptsPerfexRefusesBeforeThePasswordStillCountAndTheLogSaysWhy(): void
    {
        // an e-mail whose local part Perfex's valid_email refuses, a password PHP reads as empty: nothing checked
        foreach (['stäff@example.com', 'ｓｔａｆｆ@example.com', 'staff@example.com'] as $i => $email) {
            $this->browser("v$i")->post('admin/authentication', ['email' => $email, 'password' => $i === 2 ? '0' : 'x']);
        }
        $this->assertChecked(0, 'invalid forms');
        $counted = self::events('event = ? AND reason = ?', ['failed', 'invalid_form']);
        $this->assertCount(3, $counted, 'each counted attempt is in the log, with why no password was checked');
        $this->assertSame([2, 2, 2], array_map(fn ($e) => (int) $e['user_id'], $counted));
        $this->assertCount(1, self::events('event = ?', ['lockout']), 'the lockout the third one set is recorded');
    }

    public function testListValuedFieldsAreRefusedWithoutAnyPasswordChecked(): void
    {
        $bodies = ['email[]=staff%40example.com&password=wrong-{i}', 'email=staff%40example.com&password[]=wrong-{i}',
            'email[a]=staff%40example.com&email[b]=x&password[]=wrong-{i}', 'email[]=contact%40example.com&password[0]=wrong-{i}'];
        $this->fireBodies('admin/authentication', fn ($i) => str_replace('{i}', (string) $i, $bodies[$i % count($bodies)]));
        $this->fireBodies('authentication/login', fn ($i) => str_replace('{i}', (string) $i, $bodies[$i % count($bodies)]));

        $this->assertChecked(0, 'list-valued fields');
        $this->assertSame([], self::attemptKeys(), 'nothing to count: no password can be checked');
        $refused = $this->browser('attacker')->post('admin/authentication', ['email' => ['staff@example.com'], 'password' => self::staff('staff')['password']]);
        $this->assertStringContainsString('plain text', $this->alertsAfter($refused)['danger']);
        $this->assertStaffLoggedIn('attacker', false);
    }

    public function testEveryRouteToTheLoginMethodIsALoginWhateverItsSpelling(): void
    {
        $routes = ['admin/authentication', 'admin/authentication/admin', 'admin/authentication/ADMIN', 'admin/authentication/Index',
            'admin/authentication/index/extra', 'admin/authentication/admin?passwordr=1'];
        $this->fireRequests(fn ($i) => [$routes[$i % count($routes)], http_build_query(['email' => 'staff@example.com', 'password' => "wrong-$i"])]);
        $this->assertChecked(3, 'staff routes');

        $routes = ['authentication', 'authentication/login', 'authentication/LOGIN', 'authentication/index'];
        $this->fireRequests(fn ($i) => [$routes[$i % count($routes)], http_build_query(['email' => 'contact@example.com', 'password' => "wrong-$i"])]);
        $this->assertChecked(6, 'staff and contact routes');
    }

    public function testOtherRoutesOfTheControllerCheckNoPasswordAndCountNothing(): void
    {
        foreach (['admin/authentication/forgot_password', 'admin/authentication/two_factor'] as $route) {
            $this->browser('attacker')->post($route, ['email' => 'staff@example.com', 'password' => 'wrong']);
        }
        $this->assertChecked(0, 'other routes');
        $this->assertSame([], self::attemptKeys());
    }

    public function testABlockedAccountNeverHasItsPasswordCheckedAndAnswersTheSameForRightAndWrong(): void
    {
        self::block('staff', 'staff@example.com');
        self::block('contact', 'contact@example.com');
        $alerts = [];
        foreach ([['staff', 'admin/authentication', self::STAFF_SPELLINGS], ['contact', 'authentication/login', self::CONTACT_SPELLINGS]] as [$kind, $route, $spellings]) {
            $right = $kind === 'staff' ? self::staff('staff')['password'] : self::contact('contact')['password'];
            foreach ($spellings as $i => $spelling) {
                foreach ([$right, 'wrong-' . $i] as $password) {
                    $fields = ['email' => $spelling, 'password' => $password] + self::EXTRA_FIELDS[$i % count(self::EXTRA_FIELDS)];
                    $response = $this->browser("b$kind$i")->post($route, $fields);
                    $alerts[$kind][$password === $right ? 'right' : 'wrong'][] = $this->alertsAfter($response, "b$kind$i");
                }
            }
            $this->assertSame($alerts[$kind]['wrong'], $alerts[$kind]['right'], "$kind: the same answer whether the password was right or not");
            $this->assertStringContainsString('blocked', $alerts[$kind]['right'][0]['danger']);
        }
        $this->assertChecked(0, 'blocked accounts');
        $this->assertStaffLoggedIn('bstaff0', false);
        $this->assertContactLoggedIn('bcontact0', false);
    }

    public function testThePerIpLimitHoldsAcrossSpellingsExtraFieldsAndUnknownAddresses(): void
    {
        self::setOptions(['lockout_ip_limit' => '5', 'lockout_retries' => '100']);
        $targets = array_merge(self::STAFF_SPELLINGS, ['ghost@example.com', 'GHOST@exämple.com', 'admin@example.com', 'viewer@example.com']);
        $this->fire('admin/authentication', fn ($i) => ['email' => $targets[$i % count($targets)], 'password' => "wrong-$i"] + self::EXTRA_FIELDS[$i % count(self::EXTRA_FIELDS)]);
        $this->assertSame(5, self::reachedPerfex(), 'attempts that reached Perfex\'s login (known or unknown e-mail): the IP limit');
        fwrite(STDERR, sprintf("attack battery: per-IP limit 5, %d requests over %d addresses: %d reached Perfex\n", self::BURST, count($targets), self::reachedPerfex()));
    }

    /** Fires BURST login POSTs of $fields($i) at $route, in parallel. */
    private function fire(string $route, callable $fields): void
    {
        $this->fireRequests(fn ($i) => [$route, http_build_query($fields($i))]);
    }

    private function fireBodies(string $route, callable $body): void
    {
        $this->fireRequests(fn ($i) => [$route, $body($i)]);
    }

    private function fireRequests(callable $request): void
    {
        $requests = array_map(function ($i) use ($request) {
            [$route, $body] = $request($i);
            return [self::$server->url($route), $body];
        }, range(0, self::BURST - 1));
        $burst = LoginBurst::fireRequests($requests);
        $this->assertSame(array_fill(0, self::BURST, 303), $burst['statuses'], 'every request was answered (back to the login form)');
    }

    /** Asserts how many passwords Perfex checked in all (its activity log), and writes it down. */
    private function assertChecked(int $expected, string $family): void
    {
        $checked = self::passwordsCheckedByPerfex();
        fwrite(STDERR, sprintf("attack battery: %-28s %d passwords checked by Perfex (allowed retries 3)\n", $family, $checked));
        $this->assertSame($expected, $checked, "$family: passwords Perfex checked");
        $this->assertSame(0, self::successes(), 'nobody logged in');
    }

    /** After the burst: the right password, through every spelling and with extra fields, is refused without being checked. */
    private function assertRightPasswordRefusedEverywhere(string $kind): void
    {
        $before = self::passwordsCheckedByPerfex();
        [$spellings, $right] = $kind === 'staff' ? [self::STAFF_SPELLINGS, self::staff('staff')['password']] : [self::CONTACT_SPELLINGS, self::contact('contact')['password']];
        foreach ($spellings as $i => $spelling) {
            $fields = ['email' => $spelling, 'password' => $right] + self::EXTRA_FIELDS[$i % count(self::EXTRA_FIELDS)];
            $response = $this->browser("owner$i")->post($kind === 'staff' ? 'admin/authentication' : 'authentication/login', $fields);
            $this->assertStringContainsString('locked until', $this->alertsAfter($response, "owner$i")['danger'] ?? '', "spelling $i");
        }
        $this->assertSame($before, self::passwordsCheckedByPerfex(), 'no password checked while locked');
        $this->assertSame(0, self::successes());
    }

    /** Passwords Perfex checked: its own activity-log lines for a wrong and for a right password. */
    private static function passwordsCheckedByPerfex(): int
    {
        return self::passwordsRejectedByPerfex() + self::successes();
    }

    private static function successes(): int
    {
        return (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('activity_log') . " WHERE description LIKE 'User Successfully Logged In%'")['n'];
    }

    /** Logins that reached Perfex's lookup: a checked password, or an unknown e-mail looked up. */
    private static function reachedPerfex(): int
    {
        return self::passwordsCheckedByPerfex()
            + (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('activity_log') . " WHERE description LIKE 'Non Existing User%'")['n'];
    }
}
