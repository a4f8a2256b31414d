<?php /** Admin page scripts, printed by init_tail(): Chart.js 2 (part of Perfex's admin bundle), module scripts, app_admin_footer. */ ?>
</div>
<script src="<?= e(base_url('assets/plugins/Chart.js/Chart.min.js')) ?>"></script>
<?= standin_script_tags('admin') ?>
<?php app_admin_footer(); ?>
