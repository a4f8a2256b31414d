<?php include __DIR__ . '/head.php'; ?>
<?= form_open(admin_url('authentication'), ['id' => 'login-form']) ?>
  <?php hooks()->do_action('after_admin_login_form_start'); ?>
  <?= render_input('email', 'admin_auth_login_email', $this->input->post('email') ?? '', 'email', ['autofocus' => 'true']) ?>
  <?= render_input('password', 'admin_auth_login_password', '', 'password') ?>
  <div class="form-group"><label><input type="checkbox" name="remember" id="remember"> <?= e(_l('admin_auth_login_remember_me')) ?></label></div>
  <?php hooks()->do_action('before_admin_login_form_close'); ?>
  <button type="submit" class="btn btn-primary"><?= e(_l('admin_auth_login_button')) ?></button>
  <p><a href="<?= e(admin_url('authentication/forgot_password')) ?>"><?= e(_l('admin_auth_login_fp')) ?></a></p>
<?= form_close() ?>
</div>
</body>
</html>
