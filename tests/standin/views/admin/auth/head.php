<?php /** Top of the staff login pages: app_admin_authentication_head, alerts. */ ?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title><?= e($title) ?></title>
<?php include __DIR__ . '/../../style.php'; ?>
<?php hooks()->do_action('app_admin_authentication_head'); ?>
</head>
<body class="login_admin">
<?php include __DIR__ . '/../../alerts.php'; ?>
<div class="standin-auth">
<h1><?= e($title) ?></h1>
<?php foreach ($errors as $error) { ?><p class="text-danger alert-validation"><?= e($error) ?></p><?php } ?>
