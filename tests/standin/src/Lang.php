<?php
/**
 * $CI->lang: language lines. The stand-in's own lines come from language/english/standin_lang.php; module files are
 * loaded through register_language_files() when the request's language is loaded (after_load_admin_language /
 * after_load_client_language, fired before app_init as in Perfex). A file defines $lang['key'] = 'text'.
 */

declare(strict_types=1);

namespace Standin;

final class Lang
{
    /** @var array<string, string> */
    public array $language = [];
    /** @var array<string, true> */
    public array $is_loaded = [];

    /** load('module/file', 'english') → <modules>/module/language/english/file_lang.php. */
    public function load(string $file, string $idiom = 'english'): void
    {
        $path = str_contains($file, '/')
            ? APP_MODULES_PATH . dirname($file) . "/language/$idiom/" . basename($file) . '_lang.php'
            : Config::root() . "/language/$idiom/{$file}_lang.php";
        if (isset($this->is_loaded[$path]) || !is_file($path)) {
            return;
        }
        $lang = [];
        include $path;
        $this->language = array_merge($this->language, $lang);
        $this->is_loaded[$path] = true;
    }

    /** The line, or false when the key is unknown. */
    public function line(string $key, bool $log_errors = true)
    {
        return $this->language[$key] ?? false;
    }
}
