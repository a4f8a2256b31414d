<?php
/**
 * The CodeIgniter super object returned by get_instance(). Every controller extends it (via App_Controller), so
 * inside a module $CI->db, $CI->input, $CI->session ... are the request's shared services, built once by boot().
 * The CLI tools create a bare Core to run module activation.
 */

declare(strict_types=1);

namespace Standin;

use Standin\Auth\AuthenticationModel;

#[\AllowDynamicProperties]
class Core
{
    public Database $db;
    public Input $input;
    public Security $security;
    public Session $session;
    public Loader $load;
    public Lang $lang;
    public Options $options;
    public App $app;
    public Menu $app_menu;
    public Assets $app_scripts;
    public Assets $app_css;
    public Modules $app_modules;
    public Uri $uri;
    public Router $router;
    public AuthenticationModel $authentication_model;
    public AuthenticationModel $Authentication_model;

    private static ?Core $instance = null;
    /** @var array<string, object> */
    private static array $services = [];

    /** Builds the shared services of this request (once). */
    public static function boot(string $path): void
    {
        if (self::$services !== []) {
            return;
        }
        global $hooks;
        $hooks = new Hooks();
        $db = new Database();
        $auth = new AuthenticationModel();
        self::$services = [
            'db' => $db, 'input' => new Input(), 'security' => new Security(), 'session' => new Session(),
            'load' => new Loader(), 'lang' => new Lang(), 'options' => new Options($db), 'app' => new App(),
            'app_menu' => new Menu(), 'app_scripts' => new Assets(), 'app_css' => new Assets(),
            'app_modules' => new Modules($db), 'uri' => new Uri($path), 'router' => new Router(),
            'authentication_model' => $auth, 'Authentication_model' => $auth,
        ];
    }

    /** A shared service before any controller exists (the CSRF check, the router). */
    public static function service(string $name): object
    {
        return self::$services[$name];
    }

    public static function instance(): ?Core
    {
        return self::$instance;
    }

    public function __construct()
    {
        self::$instance = $this;
        foreach (self::$services as $name => $service) {
            $this->$name = $service;
        }
    }
}
