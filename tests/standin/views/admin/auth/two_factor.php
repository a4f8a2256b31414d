<?php include __DIR__ . '/head.php'; ?>
<?= form_open('', ['id' => 'two-factor-form']) ?>
  <?= render_input('code', 'two_factor_authentication_code', '', 'text', ['autocomplete' => 'one-time-code']) ?>
  <button type="submit" class="btn btn-primary"><?= e(_l('confirm')) ?></button>
<?= form_close() ?>
</div>
</body>
</html>
