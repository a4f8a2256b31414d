<?php

defined('BASEPATH') or exit('No direct script access allowed');

// Extension status page (admin/login_security/extension_status).
$lang['login_security_ext_status']          = 'Extension status';
$lang['login_security_ext_ok']              = 'The login_security extension %s is loaded and matches this module.';
$lang['login_security_ext_mismatch']        = 'The login_security extension loaded is version %s, but this module is version %s: install the extension from the release bundle of the module\'s version (the steps below replace the file).';
$lang['login_security_ext_missing']         = 'The login_security extension is not loaded: logins are neither recorded nor limited. The file for this server is %s in the release bundle; the steps below install it.';
$lang['login_security_ext_no_build_zts']    = 'The login_security extension is not loaded, and no prebuilt file fits: this PHP is thread-safe (ZTS), the prebuilt extensions are for non-thread-safe PHP %s (php-fpm, or Apache with mod_php and the prefork MPM). Switch the site to an NTS PHP, or build the extension from source on this server.';
$lang['login_security_ext_no_build_platform'] = 'The login_security extension is not loaded, and no prebuilt file fits this server (%s): the prebuilt extensions are for PHP %s on 64-bit x86 Linux with glibc 2.17 or newer. Build the extension from source on this server.';
$lang['login_security_ext_no_build_version'] = 'The login_security extension is not loaded, and no prebuilt file fits PHP %s: the bundle has builds for PHP %s. Switch the site to one of those versions (hosting panels offer it per site), or build the extension from source on this server.';
$lang['login_security_ext_php_version']     = 'PHP version';
$lang['login_security_ext_sapi']            = 'Server API (SAPI)';
$lang['login_security_ext_thread_safety']   = 'Thread safety';
$lang['login_security_ext_zts']             = 'thread-safe (ZTS)';
$lang['login_security_ext_nts']             = 'not thread-safe (NTS)';
$lang['login_security_ext_arch']            = 'Architecture, C library';
$lang['login_security_ext_extension_dir']   = 'extension_dir';
$lang['login_security_ext_ini_loaded']      = 'Loaded php.ini';
$lang['login_security_ext_ini_scan_dirs']   = 'Additional .ini directory';
$lang['login_security_ext_ini_scanned']     = 'Additional .ini files parsed';
$lang['login_security_ext_loaded']          = 'Extension loaded';
$lang['login_security_ext_version']         = 'Extension version';
$lang['login_security_ext_module_version']  = 'Module version';
$lang['login_security_ext_build']           = 'Build for this server';
$lang['login_security_ext_none']            = '(none)';
$lang['login_security_ext_yes']             = 'yes';
$lang['login_security_ext_no']              = 'no';
$lang['login_security_ext_what_to_do']      = 'What to do on this server';
$lang['login_security_ext_step_installer']  = 'Copy the release bundle to the server, unzip it and run its installer as root (it picks the file, enables it and checks it):';
$lang['login_security_ext_step_copy']       = 'Or by hand: copy %s into PHP\'s extension directory,';
$lang['login_security_ext_step_ini_debian'] = 'enable it for every SAPI (cli, fpm, apache2),';
$lang['login_security_ext_step_ini_scan']   = 'enable it in the additional .ini directory %s,';
$lang['login_security_ext_step_ini_php']    = 'add this line to %s,';
$lang['login_security_ext_step_restart']    = 'then restart PHP so that the web server loads it:';
$lang['login_security_ext_step_source']     = 'From the module\'s source tree on this server (needs Rust and the PHP headers; README → Install → Build from source):';
$lang['login_security_ext_after']           = 'Reload this page afterwards: it should say that the extension is loaded.';
