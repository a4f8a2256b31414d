<?php
/**
 * admin/authentication: the staff login (perfex-facts.md §1 L10-21). It extends App_Controller, not
 * AdminController; admin_auth_init fires in the constructor, before any POST is processed.
 */

declare(strict_types=1);

namespace Standin\Controllers;

use Standin\Auth\PasswordReset;
use Standin\FormValidation;

final class StaffAuth extends \App_Controller
{
    public function __construct()
    {
        parent::__construct();
        hooks()->do_action('admin_auth_init');
    }

    public function index(): void
    {
        $this->admin();
    }

    public function admin(): void
    {
        if (is_staff_logged_in()) {
            redirect(admin_url());
        }
        $form = new FormValidation();
        $rules = ['password' => [_l('admin_auth_login_password'), 'required'],
            'email' => [_l('admin_auth_login_email'), 'trim|required|valid_email']];
        if ($form->run($rules)) {
            $email = $this->input->post('email');
            $result = $this->authentication_model->login($email, $this->input->post('password', false), $this->input->post('remember'), true);
            if (is_array($result) && isset($result['memberinactive'])) {
                set_alert('danger', _l('admin_auth_inactive_account'));
                redirect(admin_url('authentication'));
            } elseif (is_array($result) && isset($result['two_factor_auth'])) {
                $this->session->set_userdata('_two_factor_auth_established', true);
                $this->authentication_model->set_two_factor_auth_code($result['user']->staffid);
                $this->session->set_userdata('_two_factor_auth_staff_email', $email);
                set_alert('success', _l('two_factor_auth_code_sent_successfully', e($email)));
                redirect(admin_url('authentication/two_factor'));
            } elseif ($result === false) {
                set_alert('danger', _l('admin_auth_invalid_email_or_password'));
                redirect(admin_url('authentication'));
            }
            maybe_redirect_to_previous_url();
            hooks()->do_action('after_staff_login');
            redirect(admin_url());
        }
        $this->load->view('admin/auth/login', ['title' => _l('admin_auth_login_heading'), 'errors' => $form->errors]);
    }

    /** The e-mail code step. A wrong code fires no hook, only an activity line. */
    public function two_factor($type = 'email'): void
    {
        if (!$this->session->has_userdata('_two_factor_auth_established')) {
            show_404();
        }
        $form = new FormValidation();
        if ($form->run(['code' => [_l('two_factor_authentication_code'), 'trim|required']])) {
            $code = $this->input->post('code');
            if ($this->authentication_model->is_two_factor_code_valid($code, $this->session->userdata('_two_factor_auth_staff_email'))) {
                $this->session->unset_userdata('_two_factor_auth_staff_email');
                $user = $this->authentication_model->get_user_by_two_factor_auth_code($code);
                $this->authentication_model->clear_two_factor_auth_code($user->staffid);
                $this->authentication_model->two_factor_auth_login($user);
                $this->session->unset_userdata('_two_factor_auth_established');
                maybe_redirect_to_previous_url();
                hooks()->do_action('after_staff_login');
                redirect(admin_url());
            }
            log_activity('Failed Two factor authentication attempt [Staff Name: ' . get_staff_full_name() . ', IP: ' . $this->input->ip_address() . ']');
            set_alert('danger', _l('two_factor_code_not_valid'));
            redirect(admin_url('authentication/two_factor/' . $type));
        }
        $this->load->view('admin/auth/two_factor', ['title' => _l('two_factor_authentication'), 'errors' => $form->errors]);
    }

    public function forgot_password(): void
    {
        if (is_staff_logged_in()) {
            redirect(admin_url());
        }
        $form = new FormValidation();
        if ($form->run(['email' => [_l('admin_auth_login_email'), 'trim|required|valid_email']])) {
            $result = PasswordReset::forgot($this->input->post('email'));
            if (is_array($result)) {
                set_alert('danger', _l('inactive_account'));
                redirect(admin_url('authentication/forgot_password'));
            }
            set_alert($result ? 'success' : 'danger', _l($result ? 'check_email_for_resetting_password' : 'auth_reset_pass_email_not_found'));
            redirect(admin_url($result ? 'authentication' : 'authentication/forgot_password'));
        }
        $this->load->view('admin/auth/forgot_password', ['title' => _l('admin_auth_forgot_password_heading'), 'errors' => $form->errors]);
    }

    /** before_user_reset_password / after_user_reset_password get ['staff', 'userid'] as they came in the URL. */
    public function reset_password($staff = '', $userid = '', $new_pass_key = ''): void
    {
        if (!PasswordReset::canReset($userid, $new_pass_key)) {
            set_alert('danger', _l('password_reset_key_expired'));
            redirect(admin_url('authentication'));
        }
        $form = new FormValidation();
        $rules = ['password' => [_l('admin_auth_reset_password'), 'required'],
            'passwordr' => [_l('admin_auth_reset_password_repeat'), 'required|matches[password]']];
        if ($form->run($rules)) {
            hooks()->do_action('before_user_reset_password', ['staff' => $staff, 'userid' => $userid]);
            if (PasswordReset::reset($userid, $new_pass_key, $this->input->post('passwordr'))) {
                hooks()->do_action('after_user_reset_password', ['staff' => $staff, 'userid' => $userid]);
                set_alert('success', _l('password_reset_message'));
            } else {
                set_alert('danger', _l('password_reset_key_expired'));
            }
            redirect(admin_url('authentication'));
        }
        $this->load->view('admin/auth/reset_password', ['title' => _l('admin_auth_reset_password_heading'), 'errors' => $form->errors]);
    }

    /** A GET, as in Perfex. */
    public function logout(): void
    {
        $this->authentication_model->logout();
        hooks()->do_action('after_user_logout');
        redirect(admin_url('authentication'));
    }
}
