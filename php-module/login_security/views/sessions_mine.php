<?php defined('BASEPATH') or exit('No direct script access allowed');
/**
 * My sessions (staff: inside sessions_mine_page.php; contacts: the customers-area layout). Variables: $sessions
 * (presented, this browser's marked current), $base_url (the page; actions post to <base_url>/end_others and /end),
 * $notice (string|null). Everything escaped.
 */
?>
<div id="login-security-my-sessions" class="login-security-my-sessions">
    <h4 class="tw-mt-0 tw-font-semibold tw-text-lg tw-text-neutral-700"><?= e(_l('login_security_my_sessions')); ?></h4>
    <p class="text-muted"><?= e(_l('login_security_my_sessions_intro')); ?></p>
    <?= login_security_notice_html($notice, $admin_area ?? true); ?>

    <div class="table-responsive">
        <table class="table table-striped login-security-sessions-table" id="login-security-my-sessions-table">
            <thead>
                <tr><?php foreach (['col_device', 'col_ip', 'sessions_col_login', 'sessions_col_last_activity'] as $column) { ?>
                    <th><?= e(_l('login_security_' . $column)); ?></th>
                <?php } ?><th></th></tr>
            </thead>
            <tbody>
                <?php foreach ($sessions as $session) { ?>
                <tr data-session="<?= e($session['id']); ?>"<?= $session['current'] ? ' class="login-security-current-session"' : ''; ?>>
                    <td title="<?= e($session['user_agent']); ?>">
                        <div><?= e($session['device']); ?>
                            <?php if ($session['current']) { ?><span class="label label-info"><?= e(_l('login_security_sessions_this_session')); ?></span><?php } ?>
                        </div>
                        <div class="text-muted"><?= e(implode(' · ', array_filter([$session['browser'], $session['os']], 'strlen'))); ?></div>
                    </td>
                    <td class="login-security-nowrap"><?= e($session['ip']); ?></td>
                    <td class="login-security-nowrap"><?= e($session['login_at']); ?> <span class="text-muted">(<?= e($session['method']); ?>)</span></td>
                    <td class="login-security-nowrap"><?= e($session['seen_at']); ?> <span class="text-muted"><?= e($session['seen_ago']); ?></span></td>
                    <td>
                        <?php if (!$session['current']) { ?>
                        <?= form_open($base_url . '/end', ['class' => 'login-security-inline-form'], ['id' => $session['id']]); ?>
                            <button type="submit" class="btn btn-default btn-xs"><?= e(_l('login_security_sessions_end')); ?></button>
                        <?= form_close(); ?>
                        <?php } ?>
                    </td>
                </tr>
                <?php } ?>
            </tbody>
        </table>
    </div>

    <?php if (!in_array(false, array_column($sessions, 'current'), true)) { // no other session ?>
    <p class="text-muted" id="login-security-no-other-sessions"><?= e(_l('login_security_my_sessions_none')); ?></p>
    <?php } ?>
    <?= form_open($base_url . '/end_others', ['id' => 'login-security-end-others']); ?>
        <button type="submit" class="btn btn-danger" data-confirm="<?= e(_l('login_security_my_sessions_end_others_confirm')); ?>"><?= e(_l('login_security_my_sessions_end_others')); ?></button>
    <?= form_close(); ?>
</div>
