<?php
/** admin/ : the page staff land on after login. */

declare(strict_types=1);

namespace Standin\Controllers;

final class Dashboard extends \AdminController
{
    public function index(): void
    {
        $this->load->view('admin/dashboard', ['title' => _l('als_dashboard')]);
    }
}
