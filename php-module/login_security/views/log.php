<?php defined('BASEPATH') or exit('No direct script access allowed');
/**
 * The Login Log page. Variables: $query (Login_security_log_query), $total, $rows (presented rows), $events
 * (event => label), $chart (chart data), $notice (string|null), $can_manage. Everything printed is escaped.
 */
$json_flags = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_INVALID_UTF8_SUBSTITUTE;
$export_url = admin_url(LOGIN_SECURITY_URI_EXPORT . '?' . $query->queryString());
$pagination = $query->pagination($total);
$page_url   = static fn (int $page) => admin_url(LOGIN_SECURITY_URI_LOG . '?' . $query->queryString(['page' => $page]));
$ls_actions = static function () use ($export_url, $can_manage) { ?>
    <a href="<?= e($export_url); ?>" class="btn btn-default" id="login-security-export"><i class="fa-solid fa-file-csv"></i> <?= e(_l('login_security_export_csv')); ?></a>
    <?php if ($can_manage) { ?>
    <?= form_open(admin_url(LOGIN_SECURITY_URI_CLEAR), ['id' => 'login-security-clear', 'class' => 'login-security-inline-form']); ?>
        <button type="submit" class="btn btn-danger" data-confirm="<?= e(_l('login_security_clear_confirm')); ?>"><i class="fa-regular fa-trash-can"></i> <?= e(_l('login_security_clear_log')); ?></button>
    <?= form_close(); ?>
    <?php }
};
get_instance()->load->view('login_security/page', ['page_id' => 'login-security-log', 'page_heading' => _l('login_security_log'), 'page_data' => [
    'users-url' => admin_url(LOGIN_SECURITY_URI_USERS), 'chartjs-url' => base_url('assets/plugins/Chart.js/Chart.min.js'), 'no-users' => _l('login_security_no_users_found'),
], 'page_actions' => $ls_actions, 'page_notice' => $notice]); ?>
                <?php if ($query->invalid !== []) { ?>
                <div class="alert alert-info"><?= e(_l('login_security_filters_ignored', implode(', ', array_map(static fn ($field) => _l('login_security_filter_' . $field), $query->invalid)))); ?></div>
                <?php } ?>

                <div class="panel_s">
                    <div class="panel-body">
                        <form method="get" action="<?= e(admin_url(LOGIN_SECURITY_URI_LOG)); ?>" id="login-security-filters" class="login-security-filters" autocomplete="off">
                            <div class="form-group login-security-filter login-security-user-filter">
                                <label for="login-security-user-search" class="control-label"><?= e(_l('login_security_filter_user')); ?></label>
                                <input type="text" id="login-security-user-search" name="user_label" class="form-control"
                                    value="<?= e($query->values['user_label'] !== '' ? $query->values['user_label'] : $query->values['user']); ?>"
                                    placeholder="<?= e(_l('login_security_filter_user_placeholder')); ?>" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="login-security-user-results">
                                <input type="hidden" name="user" id="login-security-user" value="<?= e($query->values['user']); ?>">
                                <?php if ($query->values['identifier'] !== '') { ?>
                                <input type="hidden" name="identifier" value="<?= e($query->values['identifier']); ?>">
                                <?php } ?>
                                <ul id="login-security-user-results" class="dropdown-menu login-security-user-results" role="listbox"></ul>
                            </div>
                            <div class="form-group login-security-filter">
                                <label for="login-security-from" class="control-label"><?= e(_l('login_security_filter_from')); ?></label>
                                <input type="date" id="login-security-from" name="from" class="form-control" value="<?= e($query->values['from']); ?>">
                            </div>
                            <div class="form-group login-security-filter">
                                <label for="login-security-to" class="control-label"><?= e(_l('login_security_filter_to')); ?></label>
                                <input type="date" id="login-security-to" name="to" class="form-control" value="<?= e($query->values['to']); ?>">
                            </div>
                            <div class="form-group login-security-filter">
                                <label for="login-security-event" class="control-label"><?= e(_l('login_security_filter_event')); ?></label>
                                <select id="login-security-event" name="event" class="form-control">
                                    <option value=""><?= e(_l('login_security_all_events')); ?></option>
                                    <?php foreach ($events as $event => $label) { ?>
                                    <option value="<?= e($event); ?>"<?= $query->values['event'] === $event ? ' selected' : ''; ?>><?= e($label); ?></option>
                                    <?php } ?>
                                </select>
                            </div>
                            <div class="form-group login-security-filter">
                                <label for="login-security-ip" class="control-label"><?= e(_l('login_security_filter_ip')); ?></label>
                                <input type="text" id="login-security-ip" name="ip" class="form-control" value="<?= e($query->values['ip']); ?>" maxlength="45">
                            </div>
                            <div class="form-group login-security-filter-buttons">
                                <button type="submit" class="btn btn-primary"><?= e(_l('login_security_filter_apply')); ?></button>
                                <a href="<?= e(admin_url(LOGIN_SECURITY_URI_LOG)); ?>" class="btn btn-default"><?= e(_l('login_security_filter_reset')); ?></a>
                            </div>
                        </form>
                        <?php if ($query->values['identifier'] !== '') { ?>
                        <p class="text-muted" id="login-security-identifier-filter"><?= e(_l('login_security_filter_identifier_active', $query->values['identifier'])); ?></p>
                        <?php } ?>
                    </div>
                </div>

                <div class="panel_s">
                    <div class="panel-body">
                        <h5 class="tw-mt-0 tw-font-semibold"><?= e(_l('login_security_chart_title')); ?></h5>
                        <div class="login-security-chart">
                            <canvas id="login-security-chart" data-chart="<?= e((string) json_encode($chart, $json_flags)); ?>"></canvas>
                        </div>
                    </div>
                </div>

                <div class="panel_s">
                    <div class="panel-body">
                        <div class="table-responsive">
                            <table class="table table-striped login-security-table" id="login-security-table">
                                <thead>
                                    <tr><?php foreach (['time', 'user', 'event', 'detail', 'ip', 'device', 'duration'] as $ls_col) { ?><th><?= e(_l('login_security_col_' . $ls_col)); ?></th><?php } ?></tr>
                                </thead>
                                <tbody>
                                    <?php if ($rows === []) { ?>
                                    <tr><td colspan="7" class="text-center text-muted"><?= e(_l('login_security_no_events')); ?></td></tr>
                                    <?php } ?>
                                    <?php foreach ($rows as $row) { ?>
                                    <tr>
                                        <td class="login-security-nowrap"><?= e($row['time']); ?></td>
                                        <td>
                                            <div><?= e($row['user_name']); ?></div>
                                            <?php if ($row['identifier'] !== '' && $row['identifier'] !== $row['user_name']) { ?>
                                            <div class="text-muted login-security-identifier"><?= e($row['identifier']); ?></div>
                                            <?php } ?>
                                        </td>
                                        <td><span class="label <?= e($row['event_class']); ?>"><?= e($row['event']); ?></span></td>
                                        <td><?= e($row['detail']); ?></td>
                                        <td class="login-security-nowrap"><?= e($row['ip']); ?></td>
                                        <td class="login-security-device" title="<?= e($row['user_agent']); ?>">
                                            <div><?= e($row['device']); ?></div>
                                            <div class="text-muted login-security-software"><?= e($row['software']); ?></div>
                                        </td>
                                        <td class="login-security-nowrap"><?= e($row['duration']); ?></td>
                                    </tr>
                                    <?php } ?>
                                </tbody>
                            </table>
                        </div>

                        <div class="login-security-pagination">
                            <span class="text-muted">
                                <?= e(_l('login_security_showing', $pagination['first_row'] . '–' . $pagination['last_row'])); ?>
                                <?= e(_l('login_security_total', (string) $total)); ?>
                            </span>
                            <?php if ($pagination['last_page'] > 1) { ?>
                            <ul class="pagination">
                                <li class="<?= $query->page <= 1 ? 'disabled' : ''; ?>">
                                    <a href="<?= e($page_url(max(1, $query->page - 1))); ?>" aria-label="<?= e(_l('login_security_page_previous')); ?>">&laquo;</a>
                                </li>
                                <?php foreach ($pagination['items'] as $item) { ?>
                                <?php if ($item['page'] === null) { ?>
                                <li class="disabled"><span>&hellip;</span></li>
                                <?php } else { ?>
                                <li class="<?= $item['active'] ? 'active' : ''; ?>"><a href="<?= e($page_url($item['page'])); ?>"><?= e((string) $item['page']); ?></a></li>
                                <?php } ?>
                                <?php } ?>
                                <li class="<?= $query->page >= $pagination['last_page'] ? 'disabled' : ''; ?>">
                                    <a href="<?= e($page_url(min($pagination['last_page'], $query->page + 1))); ?>" aria-label="<?= e(_l('login_security_page_next')); ?>">&raquo;</a>
                                </li>
                            </ul>
                            <?php } ?>
                        </div>
                    </div>
                </div>
<?php get_instance()->load->view('login_security/page', ['page_end' => true]);
