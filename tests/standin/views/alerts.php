<?php
/*
 * One-shot alerts (set_alert). Perfex prints the message unescaped, into a JavaScript string that its alert_float()
 * then shows as HTML: a message is HTML, and whoever puts a user value in it escapes that value (once). The stand-in
 * prints it as HTML too, so a module that escapes twice, or not at all, shows it here as it would in Perfex.
 */
foreach (standin_alerts() as $type => $message) { ?>
<div class="alert alert-<?= e($type) ?>" role="alert"><?= $message ?></div>
<?php } ?>
