<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * What the Extension status page says about this server (in the manner of ionCube's loader wizard): the facts of
 * the running PHP, whether the login_security extension is loaded and of the module's version, and — when it is
 * not — which file of the release bundle fits this PHP and the exact commands and ini line that install it.
 *
 * Runs without the extension. facts() reads the running PHP; report() is a pure function of those facts, so the
 * answer for another server (PHP 8.1, ZTS, arm64, musl) can be tested without one. Texts are language keys with
 * their arguments; the view translates and escapes them.
 */
final class Login_security_extension_status
{
    /** PHP minors with a prebuilt NTS x86_64 glibc build in the bundle (scripts/build-extensions BUILT_FOR). */
    public const BUILT_FOR = ['8.2', '8.4', '8.5'];

    private const INI_LINE = 'extension=login_security.so';

    /** @return array<string, mixed> the facts of the PHP running this request */
    public static function facts(bool $loaded, ?string $extensionVersion, string $moduleVersion): array
    {
        $minor   = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        $scanned = (string) php_ini_scanned_files();
        $scanDir = (string) getenv('PHP_INI_SCAN_DIR');
        $dirs    = [];
        // PHP_INI_SCAN_DIR when set (an empty entry stands for the built-in directory), else the built-in one.
        foreach (explode(PATH_SEPARATOR, $scanDir) as $dir) {
            $dirs[] = $dir === '' ? PHP_CONFIG_FILE_SCAN_DIR : $dir;
        }

        // @file_exists: open_basedir may forbid the path, whose answer is then "not known", false.
        return [
            'php_version'       => PHP_VERSION,
            'php_minor'         => $minor,
            'sapi'              => PHP_SAPI,
            'zts'               => (bool) PHP_ZTS,
            'machine'           => php_uname('m'),
            'int_size'          => PHP_INT_SIZE,
            'musl'              => @file_exists('/lib/ld-musl-' . php_uname('m') . '.so.1'),
            'extension_dir'     => (string) ini_get('extension_dir'),
            'ini_loaded'        => php_ini_loaded_file() ?: null,
            'ini_scan_dirs'     => array_values(array_unique(array_filter($dirs, 'strlen'))),
            'ini_scanned'       => array_values(array_filter(array_map('trim', explode(',', $scanned)))),
            'debian'            => @file_exists("/etc/php/$minor/mods-available"),
            'loaded'            => $loaded,
            'extension_version' => $extensionVersion,
            'module_version'    => $moduleVersion,
        ];
    }

    /**
     * The page's verdict and what to do.
     *
     * @param array<string, mixed> $facts see facts()
     * @return array{state: string, message: array{0: string, 1: list<string>}, file: string|null, tag: string,
     *     steps: list<array{0: string, 1: list<string>, 2: string}>}
     *     state "ok" | "mismatch" | "missing" | "unsupported"; steps are [language key, arguments, command or ini text];
     *     tag is the bundle's name for a build that fits, e.g. php8.2-x86_64-linux-glibc-nts (PIE's naming)
     */
    public static function report(array $facts): array
    {
        $machine = ['amd64' => 'x86_64', 'aarch64' => 'arm64'][$facts['machine']] ?? (string) $facts['machine'];
        $arch    = (int) $facts['int_size'] === 8 ? $machine : $machine . '-32bit';
        $tag     = sprintf('php%s-%s-linux-%s-%s', $facts['php_minor'], $arch, $facts['musl'] ? 'musl' : 'glibc', $facts['zts'] ? 'zts' : 'nts');
        $built   = implode(', ', self::BUILT_FOR);
        $report  = ['state' => 'unsupported', 'file' => null, 'tag' => $tag, 'steps' => [['login_security_ext_step_source', [], 'scripts/setup && scripts/install-extension']]];

        if ($facts['loaded'] && $facts['extension_version'] === $facts['module_version']) {
            return ['state' => 'ok', 'message' => ['login_security_ext_ok', [(string) $facts['extension_version']]], 'steps' => []] + $report;
        }
        if ($facts['zts']) {
            return ['message' => ['login_security_ext_no_build_zts', [$built]]] + $report;
        }
        if ($arch !== 'x86_64' || $facts['musl']) {
            return ['message' => ['login_security_ext_no_build_platform', [$tag, $built]]] + $report;
        }
        if (!in_array($facts['php_minor'], self::BUILT_FOR, true)) {
            return ['message' => ['login_security_ext_no_build_version', [(string) $facts['php_minor'], $built]]] + $report;
        }
        $file = 'login_security-' . $tag . '.so';

        return ['state' => $facts['loaded'] ? 'mismatch' : 'missing', 'file' => $file, 'steps' => self::installSteps($facts, $file),
            'message' => $facts['loaded']
                ? ['login_security_ext_mismatch', [(string) $facts['extension_version'], (string) $facts['module_version']]]
                : ['login_security_ext_missing', [$file]]] + $report;
    }

    /**
     * @param array<string, mixed> $facts
     * @return list<array{0: string, 1: list<string>, 2: string}>
     */
    private static function installSteps(array $facts, string $file): array
    {
        $minor   = (string) $facts['php_minor'];
        $debian  = $facts['debian'];
        $version = $facts['module_version'];
        $scanDir = $facts['ini_scan_dirs'][0] ?? null;
        $steps   = [
            ['login_security_ext_step_installer', [], "unzip login_security-$version.zip\ncd login_security-$version\nsudo ./install-extension" . ($debian ? " --php /usr/bin/php$minor" : '')],
            ['login_security_ext_step_copy', [$file], "sudo cp extensions/$file " . rtrim((string) $facts['extension_dir'], '/') . '/login_security.so'],
        ];
        if ($debian) {
            $steps[] = ['login_security_ext_step_ini_debian', [],
                "echo '" . self::INI_LINE . "' | sudo tee /etc/php/$minor/mods-available/login_security.ini\nsudo phpenmod -v $minor login_security"];
        } elseif ($scanDir !== null) {
            $steps[] = ['login_security_ext_step_ini_scan', [$scanDir], "echo '" . self::INI_LINE . "' | sudo tee " . rtrim($scanDir, '/') . '/20-login_security.ini'];
        } else {
            $steps[] = ['login_security_ext_step_ini_php', [(string) ($facts['ini_loaded'] ?? 'php.ini')], self::INI_LINE];
        }
        $restart = [
            'fpm-fcgi'       => $debian ? "php$minor-fpm" : 'php-fpm',
            'apache2handler' => $debian ? 'apache2' : 'httpd',
            'litespeed'      => 'lsws',
        ][$facts['sapi']] ?? null;
        $steps[] = ['login_security_ext_step_restart', [], $restart !== null
            ? "sudo systemctl restart $restart" : '# restart the PHP process that serves Perfex (' . $facts['sapi'] . ')'];

        return $steps;
    }
}
