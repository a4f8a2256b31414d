<?php
/**
 * Static files: a module's assets under /modules/<m>/... (what module_dir_url() points at; PHP files are never
 * served) and Chart.js 2 at Perfex's path /assets/plugins/Chart.js/Chart.min.js (from tests/node_modules).
 */

declare(strict_types=1);

namespace Standin;

final class StaticFiles
{
    private const TYPES = ['js' => 'text/javascript', 'css' => 'text/css', 'png' => 'image/png', 'svg' => 'image/svg+xml',
        'gif' => 'image/gif', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'ico' => 'image/x-icon', 'map' => 'application/json',
        'woff' => 'font/woff', 'woff2' => 'font/woff2', 'json' => 'application/json', 'txt' => 'text/plain'];
    private const CHART_JS = '/assets/plugins/Chart.js/Chart.min.js';

    /** Answers the request when $path is a static file; false when the application should handle it. */
    public static function serve(string $path): bool
    {
        if ($path === self::CHART_JS) {
            return self::send(dirname(Config::root()) . '/node_modules/chart.js/dist/Chart.min.js');
        }
        if (!str_starts_with($path, '/modules/')) {
            return false;
        }
        $root = Config::modulesDir();
        $file = realpath($root . substr($path, strlen('/modules')));
        if ($file === false || !str_starts_with($file, $root . '/') || !isset(self::TYPES[self::extension($file)])) {
            http_response_code(404);
            echo 'Not found';
            return true;
        }
        return self::send($file);
    }

    private static function send(string $file): bool
    {
        if (!is_file($file)) {
            http_response_code(404);
            echo 'Not found';
            return true;
        }
        header('Content-Type: ' . self::TYPES[self::extension($file)]);
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }

    private static function extension(string $file): string
    {
        return strtolower(pathinfo($file, PATHINFO_EXTENSION));
    }
}
