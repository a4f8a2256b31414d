<?php
// Memory a PHP process gains once the extension has parsed its first user agent, then once it has parsed every agent
// of the uap-core test corpus (which reaches most parsing rules and fills most of the per-process result cache), and
// the per-call cost of parse_user_agent from PHP against a trivial call of the same extension.
function rss_kib(): int
{
    preg_match('/VmRSS:\s+(\d+)/', (string) file_get_contents('/proc/self/status'), $m);
    return (int) ($m[1] ?? 0);
}
$ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
$before = rss_kib();
$t = hrtime(true);
LoginSecurity\parse_user_agent($ua);
$first_ms = (hrtime(true) - $t) / 1e6;
$after = rss_kib();
printf("php: RSS before first parse %d KiB, after %d KiB: +%.1f MiB (first call %.0f ms)\n",
    $before, $after, ($after - $before) / 1024, $first_ms);

// The corpus files are YAML; their agents are single-quoted strings ('' is a quote) or, a few, double-quoted ones
// without escapes.
$corpus = [];
foreach (['test_ua', 'test_os'] as $file) {
    preg_match_all("/user_agent_string: (?:'((?:[^']|'')*)'|\"([^\"]*)\")/", (string) file_get_contents(__DIR__ . "/../../data/uap-core/tests/$file.yaml"), $m);
    foreach ($m[1] as $i => $single) { $corpus[] = $m[2][$i] !== '' ? $m[2][$i] : str_replace("''", "'", $single); }
}
$t = hrtime(true);
foreach ($corpus as $agent) { LoginSecurity\parse_user_agent($agent); }
$corpus_us = (hrtime(true) - $t) / count($corpus) / 1000;
$after_corpus = rss_kib();
printf("php: after parsing the %d corpus agents too: RSS %d KiB, +%.1f MiB since before the first parse (%.0f µs/agent)\n",
    count($corpus), $after_corpus, ($after_corpus - $before) / 1024, $corpus_us);

$n = 100000;
$t = hrtime(true);
for ($i = 0; $i < $n; $i++) { LoginSecurity\version(); }
$ref = (hrtime(true) - $t) / $n / 1000;
$t = hrtime(true);
for ($i = 0; $i < $n; $i++) { LoginSecurity\parse_user_agent($ua); }
$warm = (hrtime(true) - $t) / $n / 1000;
printf("php: parse_user_agent warm %.2f µs/call; reference LoginSecurity\\version() %.2f µs/call; ratio %.1fx\n", $warm, $ref, $warm / $ref);
