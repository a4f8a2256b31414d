<?php

defined('BASEPATH') or exit('No direct script access allowed');

require_once __DIR__ . '/../libraries/Login_security_log_query.php';
require_once __DIR__ . '/../libraries/Login_security_log_presenter.php';

/**
 * The Login Log: admin/login_security (page), /export (CSV), /users (user search JSON), /clear (POST).
 * Every action starts with its permission check: view for reading, manage for clearing.
 */
class Login_security extends AdminController
{
    public function index(): void
    {
        if (!login_security_allowed('view')) {
            return;
        }
        $query   = $this->query();
        $gateway = Login_security_gateway::instance();
        $result  = $gateway->events($query->filter, $query->page, Login_security_log_query::PER_PAGE);
        $counts  = $gateway->dailyCounts(...$query->chart());

        login_security_page_assets(true);
        $this->load->view('login_security/log', [
            'title'      => _l('login_security_log'),
            'query'      => $query,
            'total'      => $result['total'],
            'rows'       => array_map([Login_security_log_presenter::class, 'row'], $result['rows']),
            'events'     => Login_security_log_presenter::eventOptions(),
            'chart'      => [ // for the canvas' data- attribute
                'labels'       => array_column($counts, 'day'),
                'success'      => array_column($counts, 'success'),
                'failed'       => array_column($counts, 'failed'),
                'successLabel' => _l('login_security_chart_success'),
                'failedLabel'  => _l('login_security_chart_failed'),
            ],
            'notice'     => $gateway->notice(),
            'can_manage' => staff_can('manage', LOGIN_SECURITY_CAPABILITY),
        ]);
    }

    /** The filtered rows as CSV (at most Login_security_log_query::EXPORT_LIMIT). */
    public function export(): void
    {
        if (!login_security_allowed('view')) {
            return;
        }
        $query   = $this->query();
        $gateway = Login_security_gateway::instance();
        $rows    = $gateway->exportEvents($query->filter, Login_security_log_query::EXPORT_LIMIT);
        if ($gateway->hadError()) {
            set_alert('danger', login_security_alert_text(_l('login_security_export_failed')));
            redirect(admin_url(LOGIN_SECURITY_URI_LOG . '?' . $query->queryString()));

            return;
        }

        header('Content-Type: text/csv; charset=utf-8');
        header('Content-Disposition: attachment; filename="login-log-' . date('Y-m-d-His') . '.csv"');
        header('X-Content-Type-Options: nosniff');
        header('Cache-Control: no-store');
        $out = fopen('php://output', 'wb');
        fputcsv($out, Login_security_log_presenter::csvHeader(), ',', '"', '');
        foreach ($rows as $row) {
            fputcsv($out, Login_security_log_presenter::csvRow($row), ',', '"', '');
        }
        fclose($out);
    }

    /** JSON for the user filter: {"users": [{"key": "staff:1", "label": "Name <email>"}, ...]}. */
    public function users(): void
    {
        if (!staff_can('view', LOGIN_SECURITY_CAPABILITY)) {
            ajax_access_denied();

            return;
        }
        $term = $this->input->get('q');
        $term = is_string($term) ? mb_substr(trim(mb_scrub($term, 'UTF-8')), 0, 100, 'UTF-8') : '';

        header('Content-Type: application/json; charset=utf-8');
        header('X-Content-Type-Options: nosniff');
        echo json_encode(['users' => $term !== '' ? Login_security_gateway::instance()->searchUsers($term, 20) : []],
            JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_INVALID_UTF8_SUBSTITUTE);
    }

    /** Empties the Login Log (POST with the CSRF token; the extension records who did it). */
    public function clear(): void
    {
        if (!login_security_allowed('manage')) {
            return;
        }
        login_security_sessions_require_post();

        $removed = Login_security_gateway::instance()->clearEvents((int) get_staff_user_id(), (string) get_staff_full_name());
        if ($removed === null) {
            set_alert('danger', login_security_alert_text(_l('login_security_clear_failed')));
        } else {
            log_activity('Login Security: Login Log cleared (' . $removed . ' events removed)');
            set_alert('success', login_security_alert_text(_l('login_security_log_cleared_count', (string) $removed)));
        }
        redirect(admin_url(LOGIN_SECURITY_URI_LOG));
    }

    private function query(): Login_security_log_query
    {
        return new Login_security_log_query(fn (string $name) => $this->input->get($name));
    }
}
