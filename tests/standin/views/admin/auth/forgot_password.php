<?php include __DIR__ . '/head.php'; ?>
<?= form_open(admin_url('authentication/forgot_password'), ['id' => 'forgot-password-form']) ?>
  <?= render_input('email', 'admin_auth_login_email', '', 'email') ?>
  <button type="submit" class="btn btn-primary"><?= e(_l('confirm')) ?></button>
<?= form_close() ?>
</div>
</body>
</html>
