<?php defined('BASEPATH') or exit('No direct script access allowed');
/**
 * Extension status. Variables: $facts and $report (Login_security_extension_status::facts() / report()). No logic
 * beyond choosing what to print; everything printed is escaped.
 */
$ls_yes_no = static fn (bool $v): string => _l($v ? 'login_security_ext_yes' : 'login_security_ext_no');
$ls_alert  = ['ok' => 'success', 'mismatch' => 'warning', 'missing' => 'danger', 'unsupported' => 'danger'][$report['state']];
$ls_rows   = [
    'login_security_ext_php_version'   => $facts['php_version'],
    'login_security_ext_sapi'          => $facts['sapi'],
    'login_security_ext_thread_safety' => $facts['zts'] ? _l('login_security_ext_zts') : _l('login_security_ext_nts'),
    'login_security_ext_arch'          => $facts['machine'] . ($facts['int_size'] === 8 ? '' : ' (32-bit PHP)') . ', ' . ($facts['musl'] ? 'musl' : 'glibc'),
    'login_security_ext_extension_dir' => $facts['extension_dir'],
    'login_security_ext_ini_loaded'    => $facts['ini_loaded'] ?? _l('login_security_ext_none'),
    'login_security_ext_ini_scan_dirs' => $facts['ini_scan_dirs'] === [] ? _l('login_security_ext_none') : implode(', ', $facts['ini_scan_dirs']),
    'login_security_ext_loaded'        => $ls_yes_no($facts['loaded']),
    'login_security_ext_version'       => $facts['extension_version'] ?? '—',
    'login_security_ext_module_version' => $facts['module_version'],
    'login_security_ext_build'         => $report['tag'],
];
get_instance()->load->view('login_security/page', ['page_id' => 'login-security-extension-status', 'page_heading' => _l('login_security_ext_status'),
    'page_data' => ['state' => $report['state']]]); ?>
                <div class="alert alert-<?= e($ls_alert); ?>" id="login-security-ext-verdict"><?= e(_l($report['message'][0], $report['message'][1])); ?></div>

                <div class="panel_s">
                    <div class="panel-body">
                        <table class="table table-condensed" id="login-security-ext-facts">
                            <tbody>
                                <?php foreach ($ls_rows as $ls_key => $ls_value) { ?>
                                <tr><th scope="row"><?= e(_l($ls_key)); ?></th><td><code><?= e((string) $ls_value); ?></code></td></tr>
                                <?php } ?>
                                <?php if ($facts['ini_scanned'] !== []) { ?>
                                <tr><th scope="row"><?= e(_l('login_security_ext_ini_scanned')); ?></th><td><?php foreach ($facts['ini_scanned'] as $ls_file) { ?><code><?= e($ls_file); ?></code><br><?php } ?></td></tr>
                                <?php } ?>
                            </tbody>
                        </table>
                    </div>
                </div>

                <?php if ($report['steps'] !== []) { ?>
                <div class="panel_s">
                    <div class="panel-body" id="login-security-ext-steps">
                        <h5 class="tw-font-semibold"><?= e(_l('login_security_ext_what_to_do')); ?></h5>
                        <ol>
                            <?php foreach ($report['steps'] as [$ls_key, $ls_args, $ls_command]) { ?>
                            <li><?= e(_l($ls_key, $ls_args)); ?><pre><code><?= e($ls_command); ?></code></pre></li>
                            <?php } ?>
                        </ol>
                        <p class="text-muted"><?= e(_l('login_security_ext_after')); ?></p>
                    </div>
                </div>
                <?php } ?>
<?php get_instance()->load->view('login_security/page', ['page_end' => true]);
