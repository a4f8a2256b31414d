<?php init_head(); ?>
<div id="wrapper"><div class="content">
  <h1><?= e(_l('als_dashboard')) ?></h1>
  <p id="standin-welcome"><?= e(_l('standin_welcome', get_staff_full_name())) ?></p>
  <div class="row"><?php hooks()->do_action('before_start_render_dashboard_content'); ?></div>
</div></div>
<?php init_tail(); ?>
</body>
</html>
