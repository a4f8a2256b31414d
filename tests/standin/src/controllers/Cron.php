<?php
/**
 * cron/index: Perfex's cron URL. Runs at most once per 300 s (filter cron_functions_execute_seconds; the last run
 * is the option last_cron_run): before_cron_run, last_cron_run = now, after_cron_run (where register_cron_task
 * callbacks are), each with $manually = false.
 */

declare(strict_types=1);

namespace Standin\Controllers;

final class Cron extends \App_Controller
{
    public function index(): void
    {
        update_option('cron_has_run_from_cli', 1);
        $last = get_option('last_cron_run');
        $seconds = hooks()->apply_filters('cron_functions_execute_seconds', 300);
        if ($last !== '' && time() <= (int) $last + (int) $seconds) {
            return;
        }
        defined('CRON') || define('CRON', true);
        hooks()->do_action('before_cron_run', false);
        update_option('last_cron_run', time());
        hooks()->do_action('after_cron_run', false);
    }
}
