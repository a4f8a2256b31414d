<?php
/**
 * A scripted browser for the stand-in: one curl handle with its own in-memory cookie jar (cookies are shared by
 * every port of 127.0.0.1, as in real browsers, so one browser can talk to two app servers). Redirects are not
 * followed unless asked (follow()). post() adds the CSRF field from the csrf_cookie_name cookie, minting a cookie when
 * the jar has none (the stand-in, like Perfex, accepts any well-formed token that matches the cookie).
 */

declare(strict_types=1);

final class StandinBrowser
{
    public const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

    /** Sent with every request; e.g. ['X-Forwarded-For' => '203.0.113.9']. */
    public array $headers = [];
    public string $userAgent = self::USER_AGENT;
    private CurlHandle $curl;

    /** @param string $baseUrl where relative paths go, e.g. http://127.0.0.1:8080/ */
    public function __construct(private string $baseUrl)
    {
        $this->curl = curl_init();
        curl_setopt($this->curl, CURLOPT_COOKIEFILE, '');
    }

    public function get(string $path, array $headers = []): StandinResponse
    {
        return $this->request('GET', $path, null, $headers);
    }

    /** A form POST; $csrf false leaves the CSRF field out. */
    public function post(string $path, array $fields = [], array $headers = [], bool $csrf = true): StandinResponse
    {
        if ($csrf) {
            $fields['csrf_token_name'] = $this->csrfToken();
        }
        return $this->request('POST', $path, http_build_query($fields), $headers);
    }

    /** An XMLHttpRequest (X-Requested-With), like Perfex's jQuery calls; POSTs carry the CSRF field. */
    public function ajax(string $method, string $path, array $fields = [], array $headers = []): StandinResponse
    {
        $headers['X-Requested-With'] = 'XMLHttpRequest';
        return strtoupper($method) === 'POST' ? $this->post($path, $fields, $headers) : $this->get($path, $headers);
    }

    /** Follows Location headers with GETs (at most $max) and returns the last response. */
    public function follow(StandinResponse $response, int $max = 10): StandinResponse
    {
        while ($response->isRedirect() && $max-- > 0) {
            $response = $this->get($response->location());
        }
        return $response;
    }

    /** Opens the staff login form, then posts it. Returns the POST's response (a redirect on success). */
    public function loginStaff(string $email, string $password, bool $remember = false): StandinResponse
    {
        $this->get('admin/authentication');
        return $this->post('admin/authentication', ['email' => $email, 'password' => $password] + ($remember ? ['remember' => 'on'] : []));
    }

    /** The second step of a staff 2FA login. */
    public function twoFactor(string $code): StandinResponse
    {
        return $this->post('admin/authentication/two_factor', ['code' => $code]);
    }

    public function loginContact(string $email, string $password, bool $remember = false): StandinResponse
    {
        $this->get('authentication/login');
        return $this->post('authentication/login', ['email' => $email, 'password' => $password] + ($remember ? ['remember' => 'on'] : []));
    }

    /** Staff logout (a GET, as in Perfex). */
    public function logout(): StandinResponse
    {
        return $this->get('admin/authentication/logout');
    }

    public function logoutContact(): StandinResponse
    {
        return $this->get('authentication/logout');
    }

    /** A cookie's value as PHP would read it, or null. */
    public function cookie(string $name): ?string
    {
        foreach (curl_getinfo($this->curl, CURLINFO_COOKIELIST) as $line) {
            $parts = explode("\t", $line);
            if (($parts[5] ?? null) === $name) {
                return urldecode($parts[6] ?? '');
            }
        }
        return null;
    }

    /** Puts a cookie for 127.0.0.1 in the jar (replacing one of that name), e.g. a copied session or autologin. */
    public function setCookie(string $name, string $value): void
    {
        $this->deleteCookie($name);
        curl_setopt($this->curl, CURLOPT_COOKIELIST, "127.0.0.1\tFALSE\t/\tFALSE\t0\t$name\t" . rawurlencode($value));
    }

    public function deleteCookie(string $name): void
    {
        $keep = array_filter(curl_getinfo($this->curl, CURLINFO_COOKIELIST), fn ($l) => (explode("\t", $l)[5] ?? null) !== $name);
        curl_setopt($this->curl, CURLOPT_COOKIELIST, 'ALL');
        foreach ($keep as $line) {
            curl_setopt($this->curl, CURLOPT_COOKIELIST, $line);
        }
    }

    /** The session id (cookie sp_session), or null. */
    public function sessionId(): ?string
    {
        return $this->cookie('sp_session');
    }

    /** The CSRF token: the csrf_cookie_name cookie, minted when missing. */
    public function csrfToken(): string
    {
        $token = $this->cookie('csrf_cookie_name');
        if ($token === null) {
            $token = bin2hex(random_bytes(16));
            $this->setCookie('csrf_cookie_name', $token);
        }
        return $token;
    }

    private function request(string $method, string $path, ?string $body, array $headers): StandinResponse
    {
        $url = preg_match('#^https?://#', $path) ? $path : rtrim($this->baseUrl, '/') . '/' . ltrim($path, '/');
        $received = [];
        $lines = [];
        foreach (array_merge($this->headers, $headers) as $name => $value) {
            $lines[] = "$name: $value";
        }
        curl_setopt_array($this->curl, [
            CURLOPT_URL => $url, CURLOPT_CUSTOMREQUEST => $method, CURLOPT_POST => $body !== null,
            CURLOPT_POSTFIELDS => $body ?? '', CURLOPT_HTTPGET => $body === null, CURLOPT_RETURNTRANSFER => true,
            CURLOPT_FOLLOWLOCATION => false, CURLOPT_USERAGENT => $this->userAgent, CURLOPT_HTTPHEADER => $lines,
            CURLOPT_TIMEOUT => 30,
            CURLOPT_HEADERFUNCTION => function ($curl, string $line) use (&$received) {
                if (str_contains($line, ':')) {
                    [$name, $value] = explode(':', $line, 2);
                    $received[strtolower(trim($name))][] = trim($value);
                }
                return strlen($line);
            },
        ]);
        $body = curl_exec($this->curl);
        if ($body === false) {
            throw new RuntimeException("$method $url: " . curl_error($this->curl));
        }
        return new StandinResponse((int) curl_getinfo($this->curl, CURLINFO_RESPONSE_CODE), $received, (string) $body, $url);
    }
}
