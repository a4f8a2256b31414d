<?php
/** CSRF double-submit (perfex-facts.md §3 L104-107). */

declare(strict_types=1);

final class CsrfTest extends HookRecorderTestCase
{
    public function testAPostWithoutTheTokenIsRefusedWith403BeforeAnyHook(): void
    {
        $this->get('admin/authentication');
        $this->forgetHooks();

        $response = $this->post('admin/authentication', ['email' => 'admin@example.com', 'password' => 'Admin-demo-1'], [], false);

        $this->assertSame(403, $response->status);
        $this->assertSame([], $this->hookNames(), 'refused before the modules are even loaded');
    }

    public function testATokenThatDiffersFromTheCookieIsRefused(): void
    {
        $this->get('admin/authentication');
        $response = $this->post('admin/authentication', ['csrf_token_name' => str_repeat('a', 32), 'email' => 'x@example.com',
            'password' => 'x'], [], false);

        $this->assertSame(403, $response->status);
    }

    public function testAnAjaxPostWithoutTheTokenGets419(): void
    {
        $this->get('admin/authentication');
        $response = $this->post('admin/authentication', [], ['X-Requested-With' => 'XMLHttpRequest'], false);

        $this->assertSame(419, $response->status);
    }

    public function testTheCookieIsHttpOnlyAndKeptAcrossRequests(): void
    {
        $first = $this->get('admin/authentication');
        $this->assertMatchesRegularExpression('/^csrf_cookie_name=[0-9a-f]{32}; .*HttpOnly; SameSite=Lax$/',
            implode("\n", preg_grep('/^csrf_cookie_name=/', $first->headers['set-cookie'])));
        $token = $this->browser()->cookie('csrf_cookie_name');

        $this->get('admin/authentication');

        $this->assertSame($token, $this->browser()->cookie('csrf_cookie_name'));
        $this->assertStringContainsString('name="csrf_token_name" value="' . $token . '"', $this->get('admin/authentication')->body);
    }

    public function testCsrfDataIsPrintedInTheAdminHead(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);
        $token = $this->browser()->cookie('csrf_cookie_name');

        $head = strstr($this->get('admin/')->body, '</head>', true);

        $this->assertStringContainsString('var csrfData = {"formatted":{"csrf_token_name":"' . $token . '"},"token_name":"csrf_token_name","hash":"' . $token . '"}', $head);
    }

    public function testAModuleCanExemptAUriWithItsCsrfExcludeFile(): void
    {
        $this->loginStaff(self::staff('admin')['email'], self::staff('admin')['password']);

        $response = $this->post('admin/hook_recorder/unprotected', [], [], false);

        $this->assertSame(200, $response->status);
        $this->assertSame('unprotected post', $response->body);
    }
}
