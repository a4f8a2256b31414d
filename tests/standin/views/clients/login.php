<div class="standin-auth">
<h1><?= e($title) ?></h1>
<?php foreach ($errors as $error) { ?><p class="text-danger alert-validation"><?= e($error) ?></p><?php } ?>
<?= form_open(site_url('authentication/login'), ['id' => 'login-form']) ?>
  <?php hooks()->do_action('clients_login_form_start'); ?>
  <?= render_input('email', 'clients_login_email', $this->input->post('email') ?? '', 'email', ['autofocus' => 'true']) ?>
  <?= render_input('password', 'clients_login_password', '', 'password') ?>
  <div class="form-group"><label><input type="checkbox" name="remember" id="remember"> <?= e(_l('clients_login_remember')) ?></label></div>
  <?php hooks()->do_action('clients_login_form_end'); ?>
  <button type="submit" class="btn btn-primary"><?= e(_l('clients_login_login_string')) ?></button>
<?= form_close() ?>
</div>
