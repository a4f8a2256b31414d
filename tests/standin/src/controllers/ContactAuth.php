<?php
/**
 * authentication/...: the customers-area login (perfex-facts.md §1 L23-27). clients_authentication_constructor
 * (argument: this controller) fires before any POST is processed; after_contact_login fires BEFORE the red_url
 * redirect (unlike staff).
 */

declare(strict_types=1);

namespace Standin\Controllers;

use Standin\FormValidation;

final class ContactAuth extends \ClientsController
{
    public function __construct()
    {
        parent::__construct();
        hooks()->do_action('clients_authentication_constructor', $this);
    }

    public function index(): void
    {
        $this->login();
    }

    public function login(): void
    {
        if (is_client_logged_in()) {
            redirect(site_url());
        }
        $form = new FormValidation();
        $rules = ['password' => [_l('clients_login_password'), 'required'],
            'email' => [_l('clients_login_email'), 'trim|required|valid_email']];
        if ($form->run($rules)) {
            $result = $this->authentication_model->login($this->input->post('email'), $this->input->post('password', false),
                $this->input->post('remember'), false);
            if (is_array($result) && isset($result['memberinactive'])) {
                set_alert('danger', _l('inactive_account'));
                redirect(site_url('authentication/login'));
            } elseif ($result === false) {
                set_alert('danger', _l('client_invalid_username_or_password'));
                redirect(site_url('authentication/login'));
            }
            hooks()->do_action('after_contact_login');
            maybe_redirect_to_previous_url();
            redirect(site_url());
        }
        $this->data(['title' => _l('clients_login_heading_no_register'), 'errors' => $form->errors]);
        $this->view('login');
        $this->layout();
    }

    /** A GET, as in Perfex. */
    public function logout(): void
    {
        $this->authentication_model->logout(false);
        hooks()->do_action('after_client_logout');
        redirect(site_url('authentication/login'));
    }
}
