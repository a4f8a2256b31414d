<?php /** Setup → Settings: $sections (tabs by section), $group (the open tab) rendered inside the settings form. */ ?>
<?php init_head(); ?>
<div id="wrapper"><div class="content">
  <h1><?= e(_l('options')) ?></h1>
  <ul class="settings-sections">
  <?php foreach ($sections as $section) { ?>
    <?php if (($section['children'] ?? []) === []) { continue; } ?>
    <li><?= e($section['title'] ?? '') ?>
      <ul>
      <?php foreach ($section['children'] as $child) { ?>
        <li class="settings-group-<?= e($child['id']) ?>"><a href="<?= e(admin_url('settings?group=' . rawurlencode($child['id']))) ?>"><?= e($child['name'] ?? $child['id']) ?></a></li>
      <?php } ?>
      </ul>
    </li>
  <?php } ?>
  </ul>
  <h2><?= e($group['name'] ?? $group['id']) ?></h2>
  <?= form_open(admin_url('settings?group=' . rawurlencode($group['id'])), ['id' => 'settings-form']) ?>
    <?php $this->view($group['view']); ?>
    <?php if (empty($group['without_submit_button'])) { ?>
    <button type="submit" class="btn btn-primary"><?= e(_l('settings_save')) ?></button>
    <?php } ?>
  <?= form_close() ?>
</div></div>
<?php init_tail(); ?>
</body>
</html>
