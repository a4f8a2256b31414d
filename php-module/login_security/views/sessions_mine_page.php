<?php defined('BASEPATH') or exit('No direct script access allowed');
/** My sessions for staff: the admin page around sessions_mine.php (same variables). */
init_head(); ?>
<div id="wrapper">
    <div class="content">
        <div class="row">
            <div class="col-md-12">
                <div class="panel_s">
                    <div class="panel-body">
                        <?php get_instance()->load->view('login_security/sessions_mine', ['sessions' => $sessions, 'base_url' => $base_url, 'notice' => $notice]); ?>
                    </div>
                </div>
            </div>
        </div>
    </div>
</div>
<?php init_tail(); ?>
</body>
</html>
