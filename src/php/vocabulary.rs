//! The vocabulary ([`crate::vocabulary`]) as PHP classes of string constants: `LoginSecurity\UserType::STAFF`,
//! `LoginSecurity\Event::LOGIN` … the module names every user type, event, method, reason, end reason and verdict
//! through them (tests/php checks each class has exactly its enum's values).

use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;

use crate::vocabulary::{EndReason, Event, Method, Reason, Status, UserType};

/// Declares one PHP class whose constants are the texts of an enum's variants.
macro_rules! php_words {
    ($(#[$doc:meta])* $class:ident = $php:literal : $enum:ident { $($constant:ident = $variant:ident,)* }) => {
        $(#[$doc])*
        #[php_class]
        #[php(name = $php)]
        #[php(flags = ClassFlags::Final)]
        pub struct $class;

        #[php_impl]
        impl $class {
            $(pub const $constant: &'static str = $enum::$variant.as_str();)*
        }
    };
}

php_words!(
    /// `LoginSecurity\UserType`.
    PhpUserType = "LoginSecurity\\UserType": UserType { STAFF = Staff, CONTACT = Contact, }
);
php_words!(
    /// `LoginSecurity\Event`.
    PhpEvent = "LoginSecurity\\Event": Event {
        LOGIN = Login, FAILED = Failed, LOGOUT = Logout, LOCKOUT = Lockout, BLOCKED = Blocked, REENABLED = Reenabled,
        LOG_CLEARED = LogCleared, PURGED = Purged,
    }
);
php_words!(
    /// `LoginSecurity\Method`.
    PhpMethod = "LoginSecurity\\Method": Method { FORM = Form, TWO_FACTOR = TwoFactor, REMEMBER_ME = RememberMe, }
);
php_words!(
    /// `LoginSecurity\Reason`.
    PhpReason = "LoginSecurity\\Reason": Reason {
        WRONG_PASSWORD = WrongPassword, UNKNOWN_ACCOUNT = UnknownAccount, INACTIVE_ACCOUNT = InactiveAccount,
        LOCKED_OUT = LockedOut, BLOCKED = Blocked, INVALID_FORM = InvalidForm, REVOKED = Revoked,
    }
);
php_words!(
    /// `LoginSecurity\EndReason`.
    PhpEndReason = "LoginSecurity\\EndReason": EndReason {
        LOGOUT = Logout, IDLE = Idle, FORCED = Forced, BANNED = Banned, REJECTED = Rejected, EXPIRED = Expired,
        PASSWORD_CHANGED = PasswordChanged,
    }
);
php_words!(
    /// `LoginSecurity\Verdict`: the status of a lockout verdict.
    PhpVerdict = "LoginSecurity\\Verdict": Status { ALLOWED = Allowed, LOCKED = Locked, BLOCKED = Blocked, BUSY = Busy, }
);

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .class::<PhpUserType>()
        .class::<PhpEvent>()
        .class::<PhpMethod>()
        .class::<PhpReason>()
        .class::<PhpEndReason>()
        .class::<PhpVerdict>()
}
