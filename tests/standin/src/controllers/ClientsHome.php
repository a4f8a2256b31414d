<?php
/** The customers-area home ('' and clients): contacts only; others go to the login page (red_url kept). */

declare(strict_types=1);

namespace Standin\Controllers;

final class ClientsHome extends \ClientsController
{
    protected function validateContact(): void
    {
        if (!is_client_logged_in()) {
            redirect_after_login_to_current_url();
            redirect(site_url('authentication/login'));
        }
    }

    public function index(): void
    {
        $this->data(['title' => get_option('companyname'), 'contact' => $GLOBALS['contact']]);
        $this->view('home');
        $this->layout();
    }
}
