<h1><?= e($title) ?></h1>
<p id="standin-welcome"><?= e(_l('standin_welcome', $contact->firstname . ' ' . $contact->lastname)) ?></p>
