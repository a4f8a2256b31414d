<?php
/**
 * Fires many login POSTs at once over real HTTP (curl_multi): every request has its own cookie jar (so its own
 * session) and its own CSRF cookie/field pair, like as many separate browsers. Shared by the concurrency tests and
 * tests/bench/lockout.php.
 */

declare(strict_types=1);

final class LoginBurst
{
    /**
     * POSTs each login [email, password] to $url, all in parallel.
     *
     * @param list<array{0: string, 1: string}> $logins
     * @param array<string, string> $headers extra request headers
     * @return array{seconds: float, statuses: list<int>, locations: list<string>}
     */
    public static function fire(string $url, array $logins, array $headers = []): array
    {
        return self::fireRequests(array_map(fn ($login) => [$url, http_build_query(['email' => $login[0], 'password' => $login[1]])], $logins), $headers);
    }

    /**
     * POSTs each [url, body] in parallel; the body is sent as written (form-encoded; repeated or list fields
     * allowed) with the CSRF field appended.
     *
     * @param list<array{0: string, 1: string}> $requests
     * @param array<string, string> $headers extra request headers
     * @return array{seconds: float, statuses: list<int>, locations: list<string>}
     */
    public static function fireRequests(array $requests, array $headers = []): array
    {
        $multi = curl_multi_init();
        $handles = [];
        $lines = [];
        foreach ($headers as $name => $value) {
            $lines[] = "$name: $value";
        }
        foreach ($requests as [$url, $body]) {
            $token = bin2hex(random_bytes(16));
            $handle = curl_init($url);
            curl_setopt_array($handle, [
                CURLOPT_POST => true,
                CURLOPT_POSTFIELDS => $body . '&csrf_token_name=' . $token,
                CURLOPT_COOKIEFILE => '',
                CURLOPT_COOKIE => 'csrf_cookie_name=' . $token,
                CURLOPT_HTTPHEADER => $lines,
                CURLOPT_USERAGENT => StandinBrowser::USER_AGENT,
                CURLOPT_RETURNTRANSFER => true,
                CURLOPT_FOLLOWLOCATION => false,
                CURLOPT_CONNECTTIMEOUT => 60,
                CURLOPT_TIMEOUT => 180,
            ]);
            curl_multi_add_handle($multi, $handle);
            $handles[] = $handle;
        }

        $start = hrtime(true);
        do {
            $status = curl_multi_exec($multi, $running);
            if ($running > 0) {
                curl_multi_select($multi, 1.0);
            }
        } while ($running > 0 && $status === CURLM_OK);
        $seconds = (hrtime(true) - $start) / 1e9;

        $statuses = [];
        $locations = [];
        foreach ($handles as $handle) {
            $statuses[] = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
            $locations[] = (string) curl_getinfo($handle, CURLINFO_REDIRECT_URL);
            curl_multi_remove_handle($multi, $handle);
            curl_close($handle);
        }
        curl_multi_close($multi);

        return ['seconds' => $seconds, 'statuses' => $statuses, 'locations' => $locations];
    }
}
