<?php
/** The customers-area login and logout, their hooks and arguments (perfex-facts.md §1 L23-27, L35-40). */

declare(strict_types=1);

final class ContactLoginTest extends HookRecorderTestCase
{
    public function testContactLoginFiresBeforeClientLoginWithCustomerAndContactIds(): void
    {
        $contact = self::contact('contact');
        $this->browser()->get('authentication/login');
        $this->forgetHooks();

        $response = $this->post('authentication/login', ['email' => $contact['email'], 'password' => $contact['password']]);

        $this->assertRedirectsTo('', $response);
        $this->assertSame([['email' => 'contact@example.com', 'userid' => '7', 'contact_user_id' => '1']],
            $this->hook('before_client_login')['args']);
        $this->assertSame(['app_init', 'clients_init', 'clients_authentication_constructor', 'before_client_login', 'after_contact_login'],
            $this->hookNames(['app_init', 'clients_init', 'clients_authentication_constructor', 'before_client_login', 'after_contact_login']));
        $this->assertSame([['class' => 'Standin\Controllers\ContactAuth']], $this->hook('clients_authentication_constructor')['args']);
        $this->assertStringContainsString('Signed in as Cleo Contact', $this->get('')->body);
        $data = self::row('SELECT data FROM ' . self::table('sessions') . ' WHERE id = ?', [$this->browser()->sessionId()])['data'];
        $this->assertStringContainsString('client_user_id|s:1:"7";contact_user_id|s:1:"1";client_logged_in|b:1;', $data);
    }

    public function testWrongPasswordAndInactiveContactFireTheirHooksAsNonStaff(): void
    {
        $this->loginContact('contact@example.com', 'wrong');
        $failed = $this->hook('failed_login_attempt')['args'][0];
        $this->assertSame('1', $failed['user']['id']);
        $this->assertFalse($failed['is_staff_member']);

        $inactive = self::contact('inactive');
        $response = $this->browser('other')->loginContact($inactive['email'], $inactive['password']);
        $this->assertRedirectsTo('authentication/login', $response);
        $this->assertSame('2', $this->hook('inactive_user_login_attempt')['args'][0]['user']['id']);
        $this->assertFalse($this->hook('inactive_user_login_attempt')['args'][0]['is_staff_member']);
    }

    public function testContactLogoutPassesTheCustomerIdNotTheContactId(): void
    {
        $this->loginContact(self::contact('contact')['email'], self::contact('contact')['password']);
        $this->forgetHooks();

        $this->assertRedirectsTo('authentication/login', $this->logoutContact());

        $this->assertSame(['7'], $this->hook('before_contact_logout')['args']);
        $this->assertSame('1', $this->hook('before_contact_logout')['contact_user_id']);
        $this->assertSame(['before_contact_logout', 'after_client_logout'],
            $this->hookNames(['before_contact_logout', 'before_staff_logout', 'after_client_logout']));
        $this->assertRedirectsTo('authentication/login', $this->get(''));
    }

    public function testTheCustomersHomeNeedsAContact(): void
    {
        $this->assertRedirectsTo('authentication/login', $this->get('clients'));
    }

    public function testAContactDeactivatedWhileLoggedInIsLoggedOutOnTheNextRequest(): void
    {
        $this->loginContact(self::contact('contact')['email'], self::contact('contact')['password']);
        self::db()->query('UPDATE ' . self::table('contacts') . ' SET active = 0 WHERE id = 1');
        $this->forgetHooks();

        $this->assertRedirectsTo('', $this->get('clients'));

        $this->assertSame(['7'], $this->hook('before_contact_logout')['args']);
        self::db()->query('UPDATE ' . self::table('contacts') . ' SET active = 1 WHERE id = 1');
    }
}
