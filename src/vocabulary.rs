//! The words the extension and the module share: user types, Login Log events, login methods, failure reasons,
//! session end reasons and lockout verdicts. Each is an enum here; the glue exports each as a PHP class of string
//! constants (`LoginSecurity\Event::LOGIN`, see the stub), which is the module's only source of them.

/// Declares an enum of words: its variants, their text, every value in order, and the text's parse.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The text stored in the database and exchanged with PHP.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value a text names, or `None`.
            #[must_use]
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }

            /// Every value's text, in order.
            #[must_use]
            pub fn texts() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }
    };
}

words!(
    /// Whose login: a staff member or a customer contact.
    UserType {
        /// A staff member (`tblstaff`).
        Staff = "staff",
        /// A customer contact (`tblcontacts`).
        Contact = "contact",
    }
);

words!(
    /// What a Login Log row records (in the order the Login Log's filter offers them).
    Event {
        /// A successful login.
        Login = "login",
        /// A refused or failed login (see [`Reason`]).
        Failed = "failed",
        /// A session ended (see [`EndReason`]).
        Logout = "logout",
        /// An attempt locked an account or an IP.
        Lockout = "lockout",
        /// An attempt blocked an account until an administrator re-enables it.
        Blocked = "blocked",
        /// An administrator re-enabled locked or blocked accounts.
        Reenabled = "reenabled",
        /// An administrator emptied the log.
        LogCleared = "log_cleared",
        /// Retention removed old rows.
        Purged = "purged",
    }
);

words!(
    /// How a login happened.
    Method {
        /// The login form.
        Form = "form",
        /// The two-factor code step.
        TwoFactor = "two_factor",
        /// Perfex's remember-me cookie.
        RememberMe = "remember_me",
    }
);

words!(
    /// Why a login failed.
    Reason {
        /// Perfex found the password wrong.
        WrongPassword = "wrong_password",
        /// No account has the e-mail.
        UnknownAccount = "unknown_account",
        /// The account is inactive.
        InactiveAccount = "inactive_account",
        /// Refused before any password was checked: the account or the IP is locked.
        LockedOut = "locked_out",
        /// Refused: the account is blocked.
        Blocked = "blocked",
        /// Counted, but Perfex's form validation refused it, so no password was checked.
        InvalidForm = "invalid_form",
        /// A remember-me cookie whose session was ended (or whose password changed since).
        Revoked = "revoked",
    }
);

words!(
    /// Why a session ended.
    EndReason {
        /// The user signed out (or signed out everywhere else).
        Logout = "logout",
        /// No activity for longer than the inactivity timeout.
        Idle = "idle",
        /// An administrator ended it.
        Forced = "forced",
        /// An administrator banned the user.
        Banned = "banned",
        /// Refused at login: single login, another session is live.
        Rejected = "rejected",
        /// Found idle by the clean-up; its Perfex session is gone.
        Expired = "expired",
        /// The user's password changed after it began.
        PasswordChanged = "password_changed",
    }
);

words!(
    /// A lockout verdict: may this login go on?
    Status {
        /// Yes.
        Allowed = "allowed",
        /// No: the account or the IP is locked until a time.
        Locked = "locked",
        /// No: the account is blocked until an administrator re-enables it.
        Blocked = "blocked",
        /// No: the attempt lost to concurrent ones and was not counted; try again.
        Busy = "busy",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_parses_back_and_texts_are_distinct_in_each_enum() {
        for e in Event::ALL {
            assert_eq!(Event::parse(e.as_str()), Some(*e));
        }
        for texts in [UserType::texts(), Event::texts(), Method::texts(), Reason::texts(), EndReason::texts(), Status::texts()] {
            let mut sorted = texts.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), texts.len(), "{texts:?}");
            assert!(texts.iter().all(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')), "{texts:?}");
        }
        assert_eq!(Reason::parse(""), None);
        assert_eq!(EndReason::parse("password_changed"), Some(EndReason::PasswordChanged));
    }
}
