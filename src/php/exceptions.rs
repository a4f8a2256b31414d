//! `LoginSecurity\Exception` and its subclasses, and the mapping from the crate's [`Error`].

use ext_php_rs::exception::PhpException;
use ext_php_rs::prelude::*;
use ext_php_rs::zend::ce;

use crate::error::Error;

/// Base class of every exception the extension throws.
#[php_class]
#[php(name = "LoginSecurity\\Exception")]
#[php(extends(ce = ce::exception, stub = "\\Exception"))]
#[derive(Default)]
pub struct LsException;

/// The database could not be reached or a statement failed.
#[php_class]
#[php(name = "LoginSecurity\\DatabaseException")]
#[php(extends(LsException))]
#[derive(Default)]
pub struct DatabaseException;

/// An argument was malformed.
#[php_class]
#[php(name = "LoginSecurity\\InvalidArgumentException")]
#[php(extends(LsException))]
#[derive(Default)]
pub struct InvalidArgumentException;

impl From<Error> for PhpException {
    fn from(e: Error) -> Self {
        let message = e.to_string();
        match e {
            Error::Db(_) | Error::Conflict(_) => PhpException::from_class::<DatabaseException>(message),
            Error::InvalidInput { .. } => PhpException::from_class::<InvalidArgumentException>(message),
        }
    }
}

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.class::<LsException>().class::<DatabaseException>().class::<InvalidArgumentException>()
}
