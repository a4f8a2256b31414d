<?php /** Setup → Modules: $modules from $CI->app_modules->get(), each with its filtered action_links. */ ?>
<?php init_head(); ?>
<div id="wrapper"><div class="content">
  <h1><?= e(_l('modules')) ?></h1>
  <table class="table" id="modules">
    <thead><tr><th><?= e(_l('module')) ?></th><th><?= e(_l('module_description')) ?></th></tr></thead>
    <tbody>
    <?php foreach ($modules as $name => $module) { ?>
      <tr data-module="<?= e($name) ?>" data-active="<?= (int) $module['activated'] ?>">
        <td><strong><?= e($module['headers']['module_name']) ?></strong>
          <div class="module-actions">
            <?php foreach ($module['action_links'] as $link) { ?><span class="module-action"><?= $link ?></span> <?php } ?>
            <?php $actions = $module['activated'] ? ['deactivate'] : ['activate', 'uninstall']; ?>
            <?php foreach ($actions as $action) { ?>
              <?= form_open(admin_url('modules/' . $action . '/' . $name), ['class' => 'module-' . $action, 'style' => 'display:inline']) ?>
                <button type="submit"><?= e(_l('module_' . $action)) ?></button>
              <?= form_close() ?>
            <?php } ?>
          </div>
        </td>
        <td><?= e($module['headers']['description']) ?> · <?= e(_l('module_version', $module['headers']['version'])) ?></td>
      </tr>
    <?php } ?>
    </tbody>
  </table>
</div></div>
<?php init_tail(); ?>
</body>
</html>
