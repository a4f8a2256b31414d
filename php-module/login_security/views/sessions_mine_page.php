<?php defined('BASEPATH') or exit('No direct script access allowed');
/** My sessions for staff: the admin page around sessions_mine.php (same variables). */
get_instance()->load->view('login_security/page', []); ?>
                <div class="panel_s">
                    <div class="panel-body">
                        <?php get_instance()->load->view('login_security/sessions_mine', ['sessions' => $sessions, 'base_url' => $base_url, 'notice' => $notice]); ?>
                    </div>
                </div>
<?php get_instance()->load->view('login_security/page', ['page_end' => true]);
