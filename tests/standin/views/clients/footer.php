</div>
<?= standin_script_tags('customers') ?>
<?php app_customers_footer(); ?>
</body>
</html>
