<?php defined('BASEPATH') or exit('No direct script access allowed');
/**
 * The frame of the module's admin pages, loaded twice by a page view, around its panels:
 *   get_instance()->load->view('login_security/page', [
 *       'page_id'      => 'login-security-…',      // optional: the id of the page's column
 *       'page_heading' => 'text',                  // optional: its h4
 *       'page_data'    => ['name' => 'value', …],  // optional: its data- attributes
 *       'page_actions' => callable,                // optional: prints what stands beside the heading (buttons)
 *       'page_intro'   => 'text',                  // optional: a muted paragraph under the heading
 *       'page_notice'  => $notice,                 // optional: the gateway's notice(), null for none
 *   ]);
 *   … the page's panels …
 *   get_instance()->load->view('login_security/page', ['page_end' => true]);
 * The first call prints init_head() down to the notice, the second closes it all and prints init_tail(). Texts are
 * escaped here.
 */
if (!empty($page_end)) { ?>
            </div>
        </div>
    </div>
</div>
<?php init_tail(); ?>
</body>
</html>
<?php return;
}
init_head(); ?>
<div id="wrapper">
    <div class="content">
        <div class="row">
            <div class="col-md-12"<?php if (isset($page_id)) { ?> id="<?= e($page_id); ?>"<?php } foreach ($page_data ?? [] as $ls_name => $ls_value) { ?> data-<?= e($ls_name); ?>="<?= e($ls_value); ?>"<?php } ?>>
                <?php if (isset($page_heading)) { ?>
                <div class="login-security-heading">
                    <h4 class="tw-mt-0 tw-font-semibold tw-text-lg tw-text-neutral-700"><?= e($page_heading); ?></h4>
                    <?php if (isset($page_actions)) { ?>
                    <div class="login-security-actions"><?php $page_actions(); ?></div>
                    <?php } ?>
                </div>
                <?php } ?>
                <?php if (isset($page_intro)) { ?>
                <p class="text-muted"><?= e($page_intro); ?></p>
                <?php } ?>
                <?php if (isset($page_notice)) { ?>
                <?= login_security_notice_html($page_notice); ?>
                <?php } ?>
