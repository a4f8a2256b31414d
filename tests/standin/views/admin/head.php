<?php /** Admin page top, printed by init_head(): <head> with module CSS and app_admin_head, the top bar, alerts. */ ?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title><?= e($title ?? get_option('companyname')) ?></title>
<?php include __DIR__ . '/../style.php'; ?>
<?= standin_css_tags('admin') ?>
<?php app_admin_head(); ?>
</head>
<body class="app admin">
<header class="standin-top">
  <span><?= e(get_option('companyname')) ?></span>
  <span><span id="standin-staff-name"><?= e(get_staff_full_name()) ?></span> ·
    <a href="<?= e(admin_url('authentication/logout')) ?>" id="standin-logout"><?= e(_l('nav_logout')) ?></a></span>
</header>
<?php include __DIR__ . '/../alerts.php'; ?>
<div class="standin-body">
