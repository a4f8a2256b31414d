<?php /** The sidebar and setup menus of init_head(), from $CI->app_menu. */ ?>
<nav class="standin-menu" aria-label="Main menu">
<?php foreach (['side-menu' => get_instance()->app_menu->get_sidebar_menu_items(), 'setup-menu' => get_instance()->app_menu->get_setup_menu_items()] as $menuId => $items) { ?>
  <ul id="<?= e($menuId) ?>">
  <?php foreach ($items as $item) { ?>
    <li class="menu-item-<?= e($item['slug']) ?>">
      <a href="<?= e($item['href']) ?>"><?php if ($item['icon'] !== '') { ?><i class="<?= e($item['icon']) ?>"></i> <?php } ?><?= e(_l($item['name'], '', false)) ?></a>
      <?php if ($item['children'] !== []) { ?>
      <ul>
        <?php foreach ($item['children'] as $child) { ?>
        <li class="sub-menu-item-<?= e($child['slug'] ?? '') ?>"><a href="<?= e($child['href']) ?>"><?= e(_l($child['name'], '', false)) ?></a></li>
        <?php } ?>
      </ul>
      <?php } ?>
    </li>
  <?php } ?>
  </ul>
<?php } ?>
</nav>
