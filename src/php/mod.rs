//! The PHP extension: the only code that names ext-php-rs. Each function converts its arguments, calls one core
//! or store function and converts the result; errors become `LoginSecurity\…Exception`. Nothing here panics.

mod convert;
mod exceptions;
mod functions;
mod runtime;
mod sessions;
mod store;
mod vocabulary;

use ext_php_rs::prelude::*;
use ext_php_rs::{info_table_end, info_table_row, info_table_start, zend::ModuleEntry};

/// `php -i` section.
extern "C" fn php_info(_module: *mut ModuleEntry) {
    info_table_start!();
    info_table_row!("login_security support", "enabled");
    info_table_row!("version", crate::VERSION);
    info_table_row!("schema version", crate::store::SCHEMA_VERSION.to_string().as_str());
    info_table_end!();
}

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    let module = exceptions::register(module.info_function(php_info));
    vocabulary::register(sessions::register(store::register(functions::register(module))))
}
