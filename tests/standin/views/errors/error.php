<?php /** Error page of show_error(): $heading, $message, $status. Works before any controller exists. */ ?>
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title><?= e($heading) ?></title></head>
<body>
<h1><?= e($heading) ?></h1>
<p class="error-message"><?= e($message) ?></p>
</body>
</html>
