<?php
/**
 * The base classes modules extend, with Perfex's request order (perfex-facts.md §1 L41-53):
 * App_Controller: session → active modules' init files + modules_loaded → remember-me autologin (no hook) →
 *   language (register_language_files) → app_init.
 * AdminController: pre_admin_init → not logged in: red_url (unless on admin/authentication) + 307 to the login page,
 *   AJAX too → tblstaff.last_activity = now (AJAX included) → deleted or inactive staff: logout + redirect →
 *   $GLOBALS['current_user'] (with ->permissions) → admin_init.
 * ClientsController: a logged-in contact that is missing or inactive is logged out → clients_init → controllers that
 *   define validateContact() (the customers home) send logged-out visitors to the login page with red_url.
 */

declare(strict_types=1);

use Standin\Core;

class App_Controller extends Core
{
    public function __construct()
    {
        parent::__construct();
        $this->session->start($this->db, $this->input->is_ajax_request());
        $this->app_modules->loadActive();
        date_default_timezone_set(get_option('default_timezone') ?: 'UTC');
        $this->authentication_model->autologin();
        $this->lang->load('standin');
        $language = get_option('active_language') ?: 'english';
        hooks()->do_action($this instanceof ClientsController ? 'after_load_client_language' : 'after_load_admin_language', $language);
        hooks()->do_action('app_init');
    }
}

class AdminController extends App_Controller
{
    public function __construct()
    {
        parent::__construct();
        hooks()->do_action('pre_admin_init');
        if (!is_staff_logged_in()) {
            if (!str_contains(current_full_url(), ADMIN_URI . '/authentication')) {
                redirect_after_login_to_current_url();
            }
            redirect(admin_url('authentication'));
        }
        if ($this->uri->segment(3) !== 'notifications_check') {
            $this->session->unset_userdata(['client_user_id', 'contact_user_id', 'client_logged_in', 'logged_in_as_client']);
        }
        $staff = db_prefix() . 'staff';
        $this->db->query("UPDATE `$staff` SET last_activity = ? WHERE staffid = ?", [date('Y-m-d H:i:s'), get_staff_user_id()]);
        $current = $this->db->row("SELECT * FROM `$staff` WHERE staffid = ?", [get_staff_user_id()]);
        if ($current === null || $current->active == 0) {
            $this->authentication_model->logout();
            redirect(admin_url('authentication'));
        }
        $current->permissions = standin_staff_permissions($current->staffid);
        $GLOBALS['current_user'] = $current;
        hooks()->do_action('admin_init');
    }
}

class ClientsController extends App_Controller
{
    public array $data = [];
    public string $view = '';

    public function __construct()
    {
        parent::__construct();
        if (is_client_logged_in()) {
            $contact = $this->db->row('SELECT * FROM `' . db_prefix() . 'contacts` WHERE id = ?', [get_contact_user_id()]);
            if ($contact === null || $contact->active == 0) {
                $this->authentication_model->logout(true);
                redirect(site_url());
            }
            $GLOBALS['contact'] = $contact;
        }
        hooks()->do_action('clients_init');
        if (method_exists($this, 'validateContact')) {
            $this->validateContact();
        }
    }

    public function data(array $data): self
    {
        $this->data = array_merge($this->data, $data);
        return $this;
    }

    public function view(string $view): self
    {
        $this->view = $view;
        return $this;
    }

    public function title(string $title): self
    {
        $this->data['title'] = $title;
        return $this;
    }

    /** Customers-area page: head, the view (a module's own, or the stand-in's clients/<view>), footer. */
    public function layout(bool $notInThemeViewFiles = false): void
    {
        $view = $this->load->currentModule !== null || $notInThemeViewFiles ? $this->view : 'clients/' . $this->view;
        $this->load->view('clients/head', $this->data);
        $this->load->view($view, $this->data);
        $this->load->view('clients/footer', $this->data);
    }
}

/** Base of module models: like CodeIgniter's, properties fall through to $CI. */
#[AllowDynamicProperties]
class App_Model
{
    public function __get(string $name)
    {
        return get_instance()->$name;
    }
}
