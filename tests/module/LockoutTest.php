<?php
/**
 * Login attempts (issue 3) on the login forms: lockouts of staff and contacts, counted before the password is
 * checked; unknown accounts treated like real ones; lockout n lasting base × n; the block and every way around it
 * (remember-me, 2FA, password reset); the allow-list; forged forwarded headers.
 */

declare(strict_types=1);

require_once __DIR__ . '/LockoutTestCase.php';

final class LockoutTest extends LockoutTestCase
{
    public function testAStaffAccountIsLockedAfterThreeFailuresAndItsPasswordIsNoLongerChecked(): void
    {
        $this->failStaff('staff@example.com', 3);

        $row = self::attempts('staff', 'staff@example.com');
        $this->assertSame(1, $row['lockouts']);
        $this->assertEqualsWithDelta(time() + 180, $row['locked_until'], 5);
        $this->assertSame(3, self::failures('wrong_password'));
        $lockout = self::events('event = ?', ['lockout']);
        $this->assertCount(1, $lockout);
        $this->assertSame(['staff', 2, 'staff@example.com'], [$lockout[0]['user_type'], $lockout[0]['user_id'], $lockout[0]['identifier']]);
        $this->assertMatchesRegularExpression('/^account:\d+$/', $lockout[0]['details']);

        $checked = self::passwordsRejectedByPerfex();
        $refused = $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);

        $this->assertRedirectsTo('admin/authentication', $refused);
        $alerts = $this->alertsAfter($refused, 'owner');
        $this->assertStringContainsString('Logins to this account are locked until ' . date('Y-m-d H:i', (int) ceil($row['locked_until'] / 60) * 60), $alerts['danger']);
        $this->assertStaffLoggedIn('owner', false);
        $this->assertSame($checked, self::passwordsRejectedByPerfex(), 'no password was checked');
        $this->assertSame(1, self::failures('locked_out'));
        $this->assertSame(3, self::failures('wrong_password'), 'the refused attempt was not counted as a failure');
    }

    public function testTheAttemptThatLocksTellsTheUserAtOnce(): void
    {
        $alerts = $this->alertsAfter($this->failStaff('staff@example.com', 3));

        $this->assertStringContainsString('locked until', $alerts['warning']);
        $this->assertArrayHasKey('danger', $alerts, "Perfex's own wrong-password alert");
    }

    public function testALoginPostFromABrowserAlreadyLoggedInChecksNothingAndCountsNothing(): void
    {
        $this->browser('insider')->loginStaff('viewer@example.com', self::staff('viewer')['password']);
        $this->browser('customer')->loginContact('contact@example.com', self::contact('contact')['password']);
        for ($i = 0; $i < 4; $i++) {
            // Perfex sends a logged-in browser home before it reads the form: no password is checked
            $this->assertRedirectsTo('admin/', $this->browser('insider')->loginStaff('admin@example.com', 'wrong-' . $i));
            $this->assertRedirectsTo('', $this->browser('customer')->loginContact('contact@example.com', 'wrong-' . $i));
        }
        $this->assertNull(self::attempts('staff', 'admin@example.com'), 'nothing counted against the staff account named');
        $this->assertSame(0, (int) self::attempts('contact', 'contact@example.com')['failures'], 'nor against the contact (its own login left no failure)');
        $this->assertSame(0, (int) self::attempts('ip', '127.0.0.1')['failures'], 'nor against the IP');
        $this->assertCount(0, self::events('event IN (?, ?)', ['failed', 'lockout']), 'nothing recorded');
        $this->browser('admin-later')->loginStaff('admin@example.com', self::staff('admin')['password']);
        $this->assertStaffLoggedIn('admin-later');
    }

    public function testContactsAreCountedSeparatelyFromStaff(): void
    {
        $this->failContact('contact@example.com', 3);

        $this->assertSame(1, self::attempts('contact', 'contact@example.com')['lockouts']);
        $this->assertNull(self::attempts('staff', 'contact@example.com'));
        $refused = $this->browser('owner')->loginContact('contact@example.com', self::contact('contact')['password']);
        $this->assertRedirectsTo('authentication/login', $refused);
        $this->assertStringContainsString('locked until', $this->alertsAfter($refused, 'owner')['danger']);
        $this->assertContactLoggedIn('owner', false);
        $locked = self::events('reason = ?', ['locked_out']);
        $this->assertSame(['contact', 'contact@example.com'], [$locked[0]['user_type'], $locked[0]['identifier']]);

        $this->browser('admin')->loginStaff('admin@example.com', self::staff('admin')['password']);
        $this->assertStaffLoggedIn('admin');
    }

    public function testWithLockoutsOffForStaffOnlyContactsAreCounted(): void
    {
        self::setOptions(['lockout_staff_enabled' => '0']);
        $this->failStaff('staff@example.com', 5);
        $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStaffLoggedIn('owner');
        $this->assertSame([], self::attemptKeys());

        $this->failContact('contact@example.com', 3, 'contact-attacker');
        $this->assertSame(1, self::attempts('contact', 'contact@example.com')['lockouts']);
    }

    public function testWithLockoutsOffForCustomersContactsAreNeverLocked(): void
    {
        self::setOptions(['lockout_customers_enabled' => '0']);
        $this->failContact('contact@example.com', 5);
        $this->browser('owner')->loginContact('contact@example.com', self::contact('contact')['password']);

        $this->assertContactLoggedIn('owner');
        $this->assertSame([], self::attemptKeys());
    }

    public function testCaseAndWhitespaceVariantsOfTheEmailAreOneAccount(): void
    {
        foreach (['Staff@Example.com', '  staff@example.com ', 'STAFF@EXAMPLE.COM'] as $email) {
            $this->browser('attacker')->loginStaff($email, 'wrong');
        }

        $this->assertSame(['ip:127.0.0.1', 'staff:staff@example.com'], self::attemptKeys());
        $this->assertSame(1, self::attempts('staff', 'staff@example.com')['lockouts']);
        $refused = $this->browser('owner')->loginStaff('sTaFf@example.COM', self::staff('staff')['password']);
        $this->assertStringContainsString('locked until', $this->alertsAfter($refused, 'owner')['danger']);
    }

    public function testUnknownAccountsAreLockedExactlyLikeRealOnesWithTheSameMessages(): void
    {
        $seen = [];
        foreach (['real' => 'staff@example.com', 'unknown' => 'nobody@example.com'] as $case => $email) {
            $this->failStaff($email, 2, $case);
            $seen[$case]['third'] = array_map([self::class, 'withoutTime'], $this->alertsAfter($this->failStaff($email, 1, $case), $case));
            $refused = $this->browser($case)->loginStaff($email, 'any-password');
            $seen[$case]['refused'] = array_map([self::class, 'withoutTime'], $this->alertsAfter($refused, $case));
            $seen[$case]['row'] = array_intersect_key(self::attempts('staff', $email), ['failures' => 1, 'lockouts' => 1]);
        }

        $this->assertSame($seen['real'], $seen['unknown']);
        $this->assertSame(2, self::failures('locked_out'));
        $this->assertCount(2, self::events('event = ?', ['lockout']));
    }

    public function testAnUnknownAccountTakesAsLongAsARealOneToRefuse(): void
    {
        self::setOptions(['lockout_retries' => '100', 'lockout_ip_limit' => '10000']);
        $times = [];
        for ($i = 0; $i < 9; $i++) {
            foreach (['real' => 'staff@example.com', 'unknown' => 'nobody@example.com'] as $case => $email) {
                $this->browser($case)->get('admin/authentication');
                $start = hrtime(true);
                $this->browser($case)->post('admin/authentication', ['email' => $email, 'password' => "wrong-$i"]);
                $times[$case][] = (hrtime(true) - $start) / 1e6;
            }
        }
        $median = function (array $values): float {
            sort($values);
            return $values[intdiv(count($values), 2)];
        };

        // Without the dummy password check an unknown account answers in about a quarter of the time (bench: 0.23).
        $this->assertGreaterThan(0.6, $median($times['unknown']) / $median($times['real']), json_encode($times));
    }

    public function testTheNthLockoutLastsNTimesTheBaseAndOneMoreBlocks(): void
    {
        for ($n = 1; $n <= 3; $n++) {
            $this->failStaff('staff@example.com', 3);
            $row = self::attempts('staff', 'staff@example.com');
            $this->assertSame($n, $row['lockouts']);
            $this->assertEqualsWithDelta(time() + 180 * $n, $row['locked_until'], 5, "lockout $n lasts $n × 3 minutes");
            self::expireLockout('staff', 'staff@example.com');
        }
        $this->assertCount(0, self::events('event = ?', ['blocked']));

        $this->failStaff('staff@example.com', 3);

        $this->assertNotNull(self::attempts('staff', 'staff@example.com')['blocked_at']);
        $this->assertCount(1, self::events('event = ?', ['blocked']));
        $refused = $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStringContainsString('An administrator must re-enable it', $this->alertsAfter($refused, 'owner')['danger']);
        $this->assertStaffLoggedIn('owner', false);
        $this->assertSame(1, self::failures('blocked'));
    }

    public function testABlockNeverExpiresAndAPasswordResetDoesNotLiftIt(): void
    {
        self::block('staff', 'staff@example.com');
        self::db()->query('UPDATE ' . self::table('login_security_attempts') . ' SET last_failure = UNIX_TIMESTAMP() - 30 * 86400, blocked_at = UNIX_TIMESTAMP() - 30 * 86400');

        $this->browser('owner')->post('admin/authentication/forgot_password', ['email' => 'staff@example.com']);
        $key = self::row('SELECT new_pass_key FROM ' . self::table('staff') . ' WHERE staffid = 2')['new_pass_key'];
        try {
            $this->browser('owner')->post("admin/authentication/reset_password/1/2/$key", ['password' => 'New-pass-1', 'passwordr' => 'New-pass-1']);
            $this->assertTrue(password_verify('New-pass-1', self::row('SELECT password FROM ' . self::table('staff') . ' WHERE staffid = 2')['password']));
            $refused = $this->browser('owner')->loginStaff('staff@example.com', 'New-pass-1');

            $this->assertStringContainsString('An administrator must re-enable it', $this->alertsAfter($refused, 'owner')['danger']);
            $this->assertStaffLoggedIn('owner', false);
            $this->assertNotNull(self::attempts('staff', 'staff@example.com')['blocked_at']);
        } finally {
            self::db()->execute_query('UPDATE ' . self::table('staff') . ' SET password = ? WHERE staffid = 2',
                [password_hash(self::staff('staff')['password'], PASSWORD_BCRYPT, ['cost' => 8])]);
        }
    }

    public function testRememberMeWhileBlockedIsRefusedAndSignsTheUserOut(): void
    {
        $this->browser('laptop')->loginStaff('staff@example.com', self::staff('staff')['password'], true);
        $cookie = $this->browser('laptop')->cookie('autologin');
        $this->assertNotEmpty($cookie);
        self::block('staff', 'staff@example.com');

        $this->browser('later')->setCookie('autologin', $cookie);
        $response = $this->browser('later')->get('admin/');

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertStringContainsString('An administrator must re-enable it', $this->alertsAfter($response, 'later')['danger']);
        $this->assertNull($this->browser('later')->cookie('autologin'), 'the remember-me cookie is deleted');
        $this->assertStaffLoggedIn('later', false);
        $refusal = self::events('reason = ?', ['blocked']);
        $this->assertSame(['staff', 2, 'remember_me'], [$refusal[0]['user_type'], $refusal[0]['user_id'], $refusal[0]['method']]);
        $this->assertCount(0, self::events('event = ? AND method = ?', ['login', 'remember_me']), 'no remember-me login recorded');
    }

    public function testWhenAnAccountBecomesBlockedItsRememberMeRowsGoSoNoCookieLogsItInAgain(): void
    {
        self::setOptions(['lockout_retries' => '1', 'lockout_max_lockouts' => '1']);
        $this->browser('phone')->loginStaff('staff@example.com', self::staff('staff')['password'], true);
        $cookie = $this->browser('phone')->cookie('autologin');
        $rows = fn () => (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('user_auto_login') . ' WHERE user_id = 2 AND staff = 1')['n'];
        $this->assertGreaterThanOrEqual(1, $rows());

        $this->failStaff('staff@exämple.com', 1);
        self::expireLockout('staff', 'staff@example.com');
        $this->failStaff('STAFF@example.com', 1); // the second lockout: blocked

        $this->assertNotNull(self::attempts('staff', 'staff@example.com')['blocked_at']);
        $this->assertSame(0, $rows(), 'the remember-me rows of the blocked account are deleted');
        $activity = fn () => (int) self::row('SELECT COUNT(*) AS n FROM ' . self::table('activity_log') . " WHERE description LIKE 'User Successfully Logged In [User Id: 2,%'")['n'];
        $before = $activity();
        $this->browser('later')->setCookie('autologin', $cookie);
        $this->assertStaffLoggedIn('later', false);
        $this->assertSame($before, $activity(), 'Perfex no longer logs the cookie in (no "User Successfully Logged In", no last_login)');
    }

    public function testTheTwoFactorStepIsRefusedWhenTheAccountWasLockedMeanwhile(): void
    {
        $twofa = self::staff('twofa');
        $this->browser('owner')->loginStaff($twofa['email'], $twofa['password']);
        $this->failStaff(strtoupper($twofa['email']), 3); // an attacker locks the account between the two steps
        $code = self::row('SELECT two_factor_auth_code FROM ' . self::table('staff') . ' WHERE staffid = ?', [$twofa['id']])['two_factor_auth_code'];

        $response = $this->browser('owner')->twoFactor($code);

        $this->assertRedirectsTo('admin/authentication', $response);
        $this->assertStringContainsString('locked until', $this->alertsAfter($response, 'owner')['danger']);
        $this->assertStaffLoggedIn('owner', false);
        $this->assertCount(1, self::events('event = ? AND reason = ? AND user_id = ? AND method = ?', ['failed', 'locked_out', $twofa['id'], 'two_factor']),
            'the refusal at the code step is recorded against the account');
    }

    public function testRememberMeOfAContactWhileBlockedIsRefused(): void
    {
        $this->browser('laptop')->loginContact('contact@example.com', self::contact('contact')['password'], true);
        $cookie = $this->browser('laptop')->cookie('autologin');
        self::block('contact', 'contact@example.com');

        $this->browser('later')->setCookie('autologin', $cookie);
        $this->assertRedirectsTo('authentication/login', $this->browser('later')->get(''));
        $this->assertContactLoggedIn('later', false);
    }

    public function testRememberMeOfAnAccountThatIsLockedIsRefusedUntilTheLockEnds(): void
    {
        $this->browser('laptop')->loginStaff('staff@example.com', self::staff('staff')['password'], true);
        $cookie = $this->browser('laptop')->cookie('autologin');
        $this->failStaff('Staff@EXAMPLE.com', 3);

        $this->browser('later')->setCookie('autologin', $cookie);
        $this->assertStaffLoggedIn('later', false);
        $refused = self::events('event = ? AND reason = ? AND method = ?', ['failed', 'locked_out', 'remember_me']);
        $this->assertSame([2], array_map(fn ($e) => (int) $e['user_id'], $refused), 'recorded against the account, by id');

        self::expireLockout('staff', 'staff@example.com');
        $this->browser('after')->setCookie('autologin', $cookie);
        $this->assertStaffLoggedIn('after');
    }

    public function testTheTwoFactorStepIsRefusedWhenTheAccountWasBlockedMeanwhile(): void
    {
        $twofa = self::staff('twofa');
        $this->browser('owner')->loginStaff($twofa['email'], $twofa['password']);
        $code = self::row('SELECT two_factor_auth_code FROM ' . self::table('staff') . ' WHERE staffid = 5')['two_factor_auth_code'];
        self::block('staff', $twofa['email']);

        $refused = $this->browser('owner')->twoFactor($code);

        $this->assertRedirectsTo('admin/authentication', $refused);
        $this->assertStaffLoggedIn('owner', false);
        $this->assertSame(1, self::failures('blocked'));
    }

    public function testTheRightPasswordOnTheLastRetryLogsInAndLiftsTheLockoutItSet(): void
    {
        $this->failStaff('staff@example.com', 2, 'owner');
        $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStaffLoggedIn('owner');
        $this->browser('owner')->logout();

        $left = self::attempts('staff', 'staff@example.com');
        $this->assertSame([0, 0, null, null], [$left['failures'], $left['lockouts'], $left['locked_until'], $left['blocked_at']],
            'the lockout its own claim set is taken back, and not counted');
        $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStaffLoggedIn('owner');
        $this->assertCount(0, self::events('event = ?', ['lockout']));
    }

    public function testASuccessfulLoginClearsTheFailures(): void
    {
        $this->failStaff('staff@example.com', 1, 'owner');
        $this->assertSame(1, self::attempts('staff', 'staff@example.com')['failures']);
        $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);

        $this->assertSame(0, self::attempts('staff', 'staff@example.com')['failures']);
        $this->assertSame(1, self::attempts('ip', '127.0.0.1')['failures'],
            'the earlier failure stays on the IP; the correct login is not counted against it');
    }

    public function testAnAllowListedIpIsNeverLocked(): void
    {
        self::setOptions(['lockout_allowlist' => "10.0.0.0/8\n127.0.0.0/24"]);
        $this->failStaff('staff@example.com', 6);

        $this->assertSame([], self::attemptKeys());
        $this->browser('owner')->loginStaff('staff@example.com', self::staff('staff')['password']);
        $this->assertStaffLoggedIn('owner');
    }

    public function testForgedForwardedHeadersFromAnUntrustedClientDoNotDodgeTheIpCounter(): void
    {
        self::setOptions(['lockout_ip_limit' => '5', 'lockout_retries' => '100']);
        $attacker = $this->browser('attacker');
        for ($i = 1; $i <= 6; $i++) {
            $forged = "198.51.100.$i";
            $attacker->headers = ['X-Forwarded-For' => $forged, 'X-Real-IP' => $forged, 'X-Sucuri-ClientIP' => $forged, 'CF-Connecting-IP' => $forged];
            $response = $attacker->loginStaff("user$i@example.com", 'guess');
        }

        $this->assertStringContainsString('Logins from your IP address are locked', $this->alertsAfter($response)['danger']);
        $this->assertSame(1, self::attempts('ip', '127.0.0.1')['lockouts']);
        $this->assertSame(5, self::failures('unknown_account'));
        $this->assertSame(['127.0.0.1'], array_values(array_unique(array_column(self::events(), 'ip_text'))));
        $this->assertSame([], array_filter(self::attemptKeys(), fn ($key) => str_starts_with($key, 'ip:198.')));
    }
}
