<?php include __DIR__ . '/head.php'; ?>
<?= form_open('', ['id' => 'reset-password-form']) ?>
  <?= render_input('password', 'admin_auth_reset_password', '', 'password') ?>
  <?= render_input('passwordr', 'admin_auth_reset_password_repeat', '', 'password') ?>
  <button type="submit" class="btn btn-primary"><?= e(_l('confirm')) ?></button>
<?= form_close() ?>
</div>
</body>
</html>
