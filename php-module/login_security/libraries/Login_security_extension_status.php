<?php

defined('BASEPATH') or exit('No direct script access allowed');

/**
 * What the Extension status page says about this server (in the manner of ionCube's loader wizard): the facts of
 * the running PHP, whether the login_security extension is loaded and of the module's version, and — when it is
 * not — which file of the release bundle fits this PHP and the exact commands and ini line that install it.
 *
 * facts() reads the running PHP; everything else is a pure function of those facts, so the answer for another
 * server (PHP 8.1, ZTS, arm64, musl) can be tested without one. Texts are language keys with their arguments; the
 * view translates and escapes them.
 */
final class Login_security_extension_status
{
    /** PHP minors with a prebuilt NTS x86_64 glibc build in the bundle (scripts/build-extensions BUILT_FOR). */
    public const BUILT_FOR = ['8.2', '8.4', '8.5'];

    public const ARCH = 'x86_64';

    public const INI_LINE = 'extension=login_security.so';

    /**
     * The facts of the PHP running this request.
     *
     * @return array<string, mixed>
     */
    public static function facts(bool $loaded, ?string $extensionVersion, string $moduleVersion): array
    {
        $minor   = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        $scanned = php_ini_scanned_files();
        $files   = $scanned === false ? [] : array_values(array_filter(array_map('trim', explode(',', $scanned))));
        $scanDir = getenv('PHP_INI_SCAN_DIR');

        return [
            'php_version'       => PHP_VERSION,
            'php_minor'         => $minor,
            'php_binary'        => PHP_BINARY,
            'sapi'              => PHP_SAPI,
            'zts'               => (bool) PHP_ZTS,
            'machine'           => php_uname('m'),
            'int_size'          => PHP_INT_SIZE,
            'musl'              => self::pathExists('/lib/ld-musl-' . php_uname('m') . '.so.1'),
            'extension_dir'     => (string) ini_get('extension_dir'),
            'ini_loaded'        => php_ini_loaded_file() ?: null,
            'ini_scan_dirs'     => self::scanDirs($scanDir === false ? '' : $scanDir),
            'ini_scanned'       => $files,
            'debian'            => self::pathExists("/etc/php/$minor/mods-available"),
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
     *     state "ok" | "mismatch" | "missing" | "unsupported"; steps are [language key, arguments, command or ini text]
     */
    public static function report(array $facts): array
    {
        $tag  = self::tag($facts);
        $file = 'login_security-' . $tag . '.so';

        if ($facts['loaded'] && $facts['extension_version'] === $facts['module_version']) {
            return ['state' => 'ok', 'message' => ['login_security_ext_ok', [(string) $facts['extension_version']]], 'file' => null, 'tag' => $tag, 'steps' => []];
        }
        $unsupported = self::unsupported($facts);
        if ($unsupported !== null) {
            return ['state' => 'unsupported', 'message' => $unsupported, 'file' => null, 'tag' => $tag, 'steps' => self::fromSourceSteps()];
        }
        $message = $facts['loaded']
            ? ['login_security_ext_mismatch', [(string) $facts['extension_version'], (string) $facts['module_version']]]
            : ['login_security_ext_missing', [$file]];

        return ['state' => $facts['loaded'] ? 'mismatch' : 'missing', 'message' => $message, 'file' => $file, 'tag' => $tag,
            'steps' => self::installSteps($facts, $file)];
    }

    /**
     * The bundle's name for a build that fits, e.g. php8.2-x86_64-linux-glibc-nts (PIE's naming).
     *
     * @param array<string, mixed> $facts
     */
    public static function tag(array $facts): string
    {
        return sprintf('php%s-%s-linux-%s-%s', $facts['php_minor'], self::arch($facts), $facts['musl'] ? 'musl' : 'glibc', $facts['zts'] ? 'zts' : 'nts');
    }

    /**
     * Why no prebuilt extension fits this PHP ([language key, arguments]), or null when one does.
     *
     * @param array<string, mixed> $facts
     * @return array{0: string, 1: list<string>}|null
     */
    public static function unsupported(array $facts): ?array
    {
        $built = implode(', ', self::BUILT_FOR);
        if ($facts['zts']) {
            return ['login_security_ext_no_build_zts', [$built]];
        }
        if (self::arch($facts) !== self::ARCH || $facts['musl']) {
            return ['login_security_ext_no_build_platform', [self::tag($facts), $built]];
        }
        if (!in_array($facts['php_minor'], self::BUILT_FOR, true)) {
            return ['login_security_ext_no_build_version', [(string) $facts['php_minor'], $built]];
        }

        return null;
    }

    /**
     * PHP's additional .ini directories: PHP_INI_SCAN_DIR when set (an empty entry stands for the built-in one),
     * else the built-in one.
     *
     * @return list<string>
     */
    private static function scanDirs(string $fromEnv): array
    {
        $dirs = [];
        foreach ($fromEnv === '' ? [''] : explode(PATH_SEPARATOR, $fromEnv) as $dir) {
            $dir = $dir === '' ? PHP_CONFIG_FILE_SCAN_DIR : $dir;
            if ($dir !== '' && !in_array($dir, $dirs, true)) {
                $dirs[] = $dir;
            }
        }

        return $dirs;
    }

    /** @param array<string, mixed> $facts */
    private static function arch(array $facts): string
    {
        $machine = in_array($facts['machine'], ['amd64', 'x86_64'], true) ? 'x86_64'
            : (in_array($facts['machine'], ['aarch64', 'arm64'], true) ? 'arm64' : (string) $facts['machine']);

        return (int) $facts['int_size'] === 8 ? $machine : $machine . '-32bit';
    }

    /**
     * @param array<string, mixed> $facts
     * @return list<array{0: string, 1: list<string>, 2: string}>
     */
    private static function installSteps(array $facts, string $file): array
    {
        $minor  = (string) $facts['php_minor'];
        $php    = $facts['debian'] ? " --php /usr/bin/php$minor" : '';
        $extDir = rtrim((string) $facts['extension_dir'], '/');
        $steps  = [
            ['login_security_ext_step_installer', [], "unzip login_security-{$facts['module_version']}.zip\ncd login_security-{$facts['module_version']}\nsudo ./install-extension$php"],
            ['login_security_ext_step_copy', [$file], "sudo cp extensions/$file $extDir/login_security.so"],
        ];
        $scanDir = $facts['ini_scan_dirs'][0] ?? null;
        if ($facts['debian']) {
            $steps[] = ['login_security_ext_step_ini_debian', [],
                "echo '" . self::INI_LINE . "' | sudo tee /etc/php/$minor/mods-available/login_security.ini\nsudo phpenmod -v $minor login_security"];
        } elseif ($scanDir !== null) {
            $steps[] = ['login_security_ext_step_ini_scan', [$scanDir], "echo '" . self::INI_LINE . "' | sudo tee " . rtrim($scanDir, '/') . '/20-login_security.ini'];
        } else {
            $steps[] = ['login_security_ext_step_ini_php', [(string) ($facts['ini_loaded'] ?? 'php.ini')], self::INI_LINE];
        }
        $steps[] = ['login_security_ext_step_restart', [], self::restartCommand($facts)];

        return $steps;
    }

    /** @return list<array{0: string, 1: list<string>, 2: string}> */
    private static function fromSourceSteps(): array
    {
        return [['login_security_ext_step_source', [], "scripts/setup && scripts/install-extension"]];
    }

    /** @param array<string, mixed> $facts */
    private static function restartCommand(array $facts): string
    {
        $minor = (string) $facts['php_minor'];
        switch ($facts['sapi']) {
            case 'fpm-fcgi':
                return $facts['debian'] ? "sudo systemctl restart php$minor-fpm" : 'sudo systemctl restart php-fpm';
            case 'apache2handler':
                return $facts['debian'] ? 'sudo systemctl restart apache2' : 'sudo systemctl restart httpd';
            case 'litespeed':
                return 'sudo systemctl restart lsws';
            default:
                return '# restart the PHP process that serves Perfex (' . $facts['sapi'] . ')';
        }
    }

    /** file_exists() without open_basedir warnings: outside the allowed paths the answer is "not known", false. */
    private static function pathExists(string $path): bool
    {
        $basedir = (string) ini_get('open_basedir');
        if ($basedir !== '') {
            $allowed = false;
            foreach (explode(PATH_SEPARATOR, $basedir) as $prefix) {
                if ($prefix !== '' && strncmp($path, $prefix, strlen($prefix)) === 0) {
                    $allowed = true;
                }
            }
            if (!$allowed) {
                return false;
            }
        }

        return file_exists($path);
    }
}
