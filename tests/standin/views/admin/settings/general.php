<?php /** The stand-in's one core settings tab. */ ?>
<?= render_input('settings[companyname]', 'settings_general_company_name', get_option('companyname')) ?>
