<?php /** Customers-area top: <head> with module CSS and app_customers_head, navigation, alerts. */ ?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title><?= e($title ?? get_option('companyname')) ?></title>
<?php include __DIR__ . '/../style.php'; ?>
<?= standin_css_tags('customers') ?>
<?php app_customers_head(); ?>
</head>
<body class="customers">
<header class="standin-top">
  <a href="<?= e(site_url()) ?>"><?= e(get_option('companyname')) ?></a>
  <span>
  <?php foreach (get_instance()->app_menu->get_theme_items() as $item) { ?>
    <a href="<?= e($item['href']) ?>"><?= e(_l($item['name'], '', false)) ?></a> ·
  <?php } ?>
  <?php if (is_client_logged_in()) { ?>
    <a href="<?= e(site_url('authentication/logout')) ?>" id="standin-logout"><?= e(_l('clients_nav_logout')) ?></a>
  <?php } else { ?>
    <a href="<?= e(site_url('authentication/login')) ?>"><?= e(_l('clients_nav_login')) ?></a>
  <?php } ?>
  </span>
</header>
<?php include __DIR__ . '/../alerts.php'; ?>
<div id="wrapper">
