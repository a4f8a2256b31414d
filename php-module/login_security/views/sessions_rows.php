<?php defined('BASEPATH') or exit('No direct script access allowed');
/**
 * The rows of the Login Sessions table (the page includes them; /rows sends them alone for the refresh).
 * Variables: $sessions (Login_security_session_presenter::sessions()), $can_manage. Everything escaped.
 */
$sessions_uri = LOGIN_SECURITY_URI_SESSIONS;
?>
<?php if ($sessions === []) { ?>
<tr class="login-security-sessions-empty"><td colspan="<?= $can_manage ? 7 : 6; ?>" class="text-center text-muted"><?= e(_l('login_security_sessions_none')); ?></td></tr>
<?php } ?>
<?php foreach ($sessions as $session) {
    $user_fields = ['user_type' => $session['user_type'], 'user_id' => (string) $session['user_id']]; ?>
<tr data-session="<?= e($session['id']); ?>" data-user="<?= e($session['user_key']); ?>">
    <td>
        <div class="login-security-session-user"><?= e($session['user_name']); ?>
            <?php if ($session['current']) { ?><span class="label label-info"><?= e(_l('login_security_sessions_this_session')); ?></span><?php } ?>
        </div>
        <div class="text-muted login-security-identifier"><?= e($session['email']); ?> · <?= e($session['type_label']); ?></div>
    </td>
    <td class="login-security-nowrap"><?= e($session['ip']); ?></td>
    <td title="<?= e($session['user_agent']); ?>">
        <div><?= e($session['device']); ?></div>
        <div class="text-muted"><?= e(implode(' · ', array_filter([$session['browser'], $session['os']], 'strlen'))); ?></div>
    </td>
    <td class="login-security-nowrap"><?= e($session['login_at']); ?></td>
    <td class="login-security-nowrap">
        <div><?= e($session['seen_at']); ?></div>
        <div class="text-muted"><?= e($session['seen_ago']); ?></div>
    </td>
    <td><?= e($session['method']); ?></td>
    <?php if ($can_manage) { ?>
    <td class="login-security-session-actions">
        <?php if (!$session['current']) { // your own session: sign out with Perfex's logout, not as an admin action ?>
        <?php foreach (['end' => $user_fields + ['id' => $session['id']], 'end_user' => $user_fields] as $action => $fields) { ?>
        <?= form_open(admin_url($sessions_uri . '/' . $action), ['class' => 'login-security-inline-form'], $fields); ?>
            <button type="submit" class="btn btn-default btn-xs" data-confirm="<?= e(_l('login_security_sessions_' . $action . '_confirm')); ?>"><?= e(_l('login_security_sessions_' . $action)); ?></button>
        <?= form_close(); ?>
        <?php } ?>
        <details class="login-security-ban">
            <summary class="btn btn-danger btn-xs"><?= e(_l('login_security_sessions_ban')); ?></summary>
            <?= form_open(admin_url($sessions_uri . '/ban'), ['class' => 'login-security-ban-form'], $user_fields); ?>
                <label><?= e(_l('login_security_sessions_ban_minutes')); ?>
                    <input type="number" name="minutes" class="form-control input-sm" value="60" min="1" max="<?= e((string) Login_security_session_actions::MAX_BAN_MINUTES); ?>" step="1" required>
                </label>
                <label><?= e(_l('login_security_sessions_ban_reason')); ?>
                    <input type="text" name="reason" class="form-control input-sm" maxlength="255">
                </label>
                <button type="submit" class="btn btn-danger btn-xs"><?= e(_l('login_security_sessions_ban_submit')); ?></button>
            <?= form_close(); ?>
        </details>
        <?php } ?>
    </td>
    <?php } ?>
</tr>
<?php } ?>
