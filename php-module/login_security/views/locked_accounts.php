<?php defined('BASEPATH') or exit('No direct script access allowed');
/**
 * Locked accounts. Variables: $rows (presented by the Locked_accounts controller: key, kind, name, known, subject,
 * log_url, failures, lockouts, locked_until, blocked, last_ip, last_attempt), $notice (string|null), $can_manage.
 * One form holds the rows: a row's button posts "key", the bulk button the checked "keys[]". Everything printed is
 * escaped; assets/js/locked_accounts.js adds "select all" and the confirmation.
 */
get_instance()->load->view('login_security/page', ['page_id' => 'login-security-locked', 'page_heading' => _l('login_security_locked_accounts'),
    'page_data' => ['confirm' => _l('login_security_reenable_confirm'), 'nothing-selected' => _l('login_security_reenable_nothing')],
    'page_intro' => _l('login_security_locked_intro'), 'page_notice' => $notice]); ?>
                <div class="panel_s">
                    <div class="panel-body">
                        <?php if ($can_manage) { ?>
                        <?= form_open(admin_url(LOGIN_SECURITY_URI_LOCKED . '/reenable'), ['id' => 'login-security-reenable-form']); ?>
                        <?php } ?>
                        <div class="table-responsive">
                            <table class="table table-striped" id="login-security-locked-table">
                                <thead>
                                    <tr>
                                        <?php if ($can_manage) { ?>
                                        <th><input type="checkbox" id="login-security-select-all" aria-label="<?= e(_l('login_security_select_all')); ?>"<?= $rows === [] ? ' disabled' : ''; ?>></th>
                                        <?php } ?>
                                        <?php foreach (['account', 'type', 'failures', 'lockouts', 'until', 'blocked', 'last_ip', 'last_attempt'] as $ls_col) { ?>
                                        <th><?= e(_l('login_security_locked_col_' . $ls_col)); ?></th>
                                        <?php } ?>
                                        <?php if ($can_manage) { ?>
                                        <th class="text-right"><?= e(_l('login_security_locked_col_actions')); ?></th>
                                        <?php } ?>
                                    </tr>
                                </thead>
                                <tbody>
                                    <?php if ($rows === []) { ?>
                                    <tr><td colspan="<?= $can_manage ? 10 : 8; ?>" class="text-center text-muted"><?= e(_l('login_security_locked_none')); ?></td></tr>
                                    <?php } ?>
                                    <?php foreach ($rows as $row) { ?>
                                    <tr data-key="<?= e($row['key']); ?>">
                                        <?php if ($can_manage) { ?>
                                        <td><input type="checkbox" name="keys[]" value="<?= e($row['key']); ?>" class="login-security-select" aria-label="<?= e(_l('login_security_locked_col_select') . ' ' . $row['subject']); ?>"></td>
                                        <?php } ?>
                                        <td>
                                            <?php if ($row['name'] !== '') { ?>
                                            <div class="<?= $row['known'] ? '' : 'text-muted'; ?>"><?= e($row['name']); ?></div>
                                            <?php } ?>
                                            <a href="<?= e($row['log_url']); ?>" class="login-security-events-link" title="<?= e(_l('login_security_locked_view_events')); ?>"><?= e($row['subject']); ?></a>
                                        </td>
                                        <td><?= e($row['kind']); ?></td>
                                        <td><?= e((string) $row['failures']); ?></td>
                                        <td><?= e((string) $row['lockouts']); ?></td>
                                        <td class="login-security-nowrap"><?= e($row['locked_until']); ?></td>
                                        <td class="login-security-nowrap">
                                            <?php if ($row['blocked'] !== '') { ?>
                                            <span class="label label-danger"><?= e(_l('login_security_event_blocked')); ?></span>
                                            <div class="text-muted"><?= e($row['blocked']); ?></div>
                                            <?php } else { ?>
                                            <?= e(_l('login_security_locked_not_blocked')); ?>
                                            <?php } ?>
                                        </td>
                                        <td class="login-security-nowrap"><?= e($row['last_ip']); ?></td>
                                        <td class="login-security-nowrap"><?= e($row['last_attempt']); ?></td>
                                        <?php if ($can_manage) { ?>
                                        <td class="text-right login-security-nowrap">
                                            <button type="submit" name="key" value="<?= e($row['key']); ?>" class="btn btn-default btn-sm login-security-reenable-one"><?= e(_l('login_security_reenable')); ?></button>
                                        </td>
                                        <?php } ?>
                                    </tr>
                                    <?php } ?>
                                </tbody>
                            </table>
                        </div>
                        <?php if ($can_manage) { ?>
                        <button type="submit" class="btn btn-primary" id="login-security-reenable-selected"<?= $rows === [] ? ' disabled' : ''; ?>><?= e(_l('login_security_reenable_selected')); ?></button>
                        <?= form_close(); ?>
                        <?php } ?>
                    </div>
                </div>
<?php get_instance()->load->view('login_security/page', ['page_end' => true]);
