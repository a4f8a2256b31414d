<?php foreach (standin_alerts() as $type => $message) { ?>
<div class="alert alert-<?= e($type) ?>" role="alert"><?= e($message) ?></div>
<?php } ?>
