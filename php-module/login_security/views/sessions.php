<?php defined('BASEPATH') or exit('No direct script access allowed');
/**
 * Login Sessions. Variables: $filter (type, q), $sessions and $can_manage (for sessions_rows), $bans
 * (presented), $notice (string|null), $interval (seconds between refreshes). assets/js/sessions.js refreshes the
 * rows from data-rows-url; a refresh is a background request and never counts as the admin's activity.
 */
get_instance()->load->view('login_security/page', [
    'page_id'      => 'login-security-sessions',
    'page_heading' => _l('login_security_sessions'),
    'page_data'    => ['rows-url' => admin_url(LOGIN_SECURITY_URI_SESSIONS . '/rows'), 'interval' => (string) $interval],
    'page_actions' => static function () { ?>
                    <span class="text-muted" id="login-security-sessions-updated" aria-live="polite"
                        data-label="<?= e(_l('login_security_sessions_updated_at', '%s')); ?>"><?= e(_l('login_security_sessions_updated_at', date('H:i:s'))); ?></span>
    <?php },
    'page_notice'  => $notice,
]); ?>
                <div class="panel_s">
                    <div class="panel-body">
                        <form method="get" action="<?= e(admin_url(LOGIN_SECURITY_URI_SESSIONS)); ?>" id="login-security-sessions-filter" class="login-security-sessions-filter" autocomplete="off">
                            <div class="form-group">
                                <label for="login-security-sessions-type" class="control-label"><?= e(_l('login_security_sessions_filter_type')); ?></label>
                                <select id="login-security-sessions-type" name="type" class="form-control">
                                    <?php foreach (['' => 'login_security_sessions_all_users', 'staff' => 'login_security_user_type_staff', 'contact' => 'login_security_user_type_contact'] as $value => $label) { ?>
                                    <option value="<?= e($value); ?>"<?= $filter['type'] === $value ? ' selected' : ''; ?>><?= e(_l($label)); ?></option>
                                    <?php } ?>
                                </select>
                            </div>
                            <div class="form-group">
                                <label for="login-security-sessions-q" class="control-label"><?= e(_l('login_security_sessions_filter_search')); ?></label>
                                <input type="search" id="login-security-sessions-q" name="q" class="form-control" maxlength="100"
                                    value="<?= e($filter['q']); ?>" placeholder="<?= e(_l('login_security_sessions_filter_search_placeholder')); ?>">
                            </div>
                            <div class="form-group login-security-sessions-filter-buttons">
                                <button type="submit" class="btn btn-primary"><?= e(_l('login_security_filter_apply')); ?></button>
                                <a href="<?= e(admin_url(LOGIN_SECURITY_URI_SESSIONS)); ?>" class="btn btn-default"><?= e(_l('login_security_filter_reset')); ?></a>
                            </div>
                        </form>
                    </div>
                </div>

                <div class="panel_s">
                    <div class="panel-body">
                        <div class="table-responsive">
                            <table class="table table-striped login-security-sessions-table" id="login-security-sessions-table">
                                <thead>
                                    <tr><?php foreach (array_merge(['col_user', 'col_ip', 'col_device', 'sessions_col_login', 'sessions_col_last_activity', 'sessions_col_method'], $can_manage ? ['sessions_col_actions'] : []) as $column) { ?>
                                        <th><?= e(_l('login_security_' . $column)); ?></th>
                                    <?php } ?></tr>
                                </thead>
                                <tbody id="login-security-sessions-rows">
                                    <?php get_instance()->load->view('login_security/sessions_rows', ['sessions' => $sessions, 'can_manage' => $can_manage]); ?>
                                </tbody>
                            </table>
                        </div>
                    </div>
                </div>

                <div class="panel_s" id="login-security-bans">
                    <div class="panel-body">
                        <h5 class="tw-mt-0 tw-font-semibold"><?= e(_l('login_security_sessions_bans')); ?></h5>
                        <?php if ($bans === []) { ?>
                        <p class="text-muted" id="login-security-no-bans"><?= e(_l('login_security_sessions_no_bans')); ?></p>
                        <?php } else { ?>
                        <table class="table login-security-bans-table">
                            <thead>
                                <tr><?php foreach (['col_user', 'sessions_col_until', 'sessions_col_reason', 'sessions_col_banned_by'] as $column) { ?>
                                    <th><?= e(_l('login_security_' . $column)); ?></th>
                                <?php } ?><?= $can_manage ? '<th></th>' : ''; ?></tr>
                            </thead>
                            <tbody>
                                <?php foreach ($bans as $ban) { ?>
                                <tr data-user="<?= e($ban['user_type'] . ':' . $ban['user_id']); ?>">
                                    <td><?= e($ban['user_name']); ?> <span class="text-muted">(<?= e($ban['type_label']); ?>)</span></td>
                                    <td class="login-security-nowrap"><?= e($ban['until']); ?></td>
                                    <td><?= e($ban['reason']); ?></td>
                                    <td><?= e($ban['created_by']); ?></td>
                                    <?php if ($can_manage) { ?>
                                    <td>
                                        <?= form_open(admin_url(LOGIN_SECURITY_URI_SESSIONS . '/lift_ban'), ['class' => 'login-security-inline-form'], ['user_type' => $ban['user_type'], 'user_id' => (string) $ban['user_id']]); ?>
                                            <button type="submit" class="btn btn-default btn-xs"><?= e(_l('login_security_sessions_lift_ban')); ?></button>
                                        <?= form_close(); ?>
                                    </td>
                                    <?php } ?>
                                </tr>
                                <?php } ?>
                            </tbody>
                        </table>
                        <?php } ?>
                    </div>
                </div>
<?php get_instance()->load->view('login_security/page', ['page_end' => true]);
