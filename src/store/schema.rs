//! Table names and the versioned, idempotent migrations.

use mysql::params;
use mysql::prelude::Queryable;

use super::Store;
use crate::error::{Error, Result};

/// The schema version [`Store::migrate`] brings a database to.
pub const SCHEMA_VERSION: u32 = 6;

/// Every table name the store uses, built from Perfex's `db_prefix()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableNames {
    /// Schema version bookkeeping.
    pub schema: String,
    /// The Login Log.
    pub events: String,
    /// Login attempt counters.
    pub attempts: String,
    /// Login sessions (token hashes).
    pub sessions: String,
    /// Temporary bans.
    pub bans: String,
    /// One row per account block (what administrators are notified of).
    pub blocks: String,
    /// Per administrator: when last notified of blocks, and up to which block.
    pub notices: String,
    /// Perfex's database session table (`tblsessions`): rows are deleted on force logout.
    pub php_sessions: String,
    /// Perfex's remember-me table (`tbluser_auto_login`): rows are deleted on force logout.
    pub autologin: String,
    /// Perfex's staff table (read only).
    pub staff: String,
    /// Perfex's contacts table (read only).
    pub contacts: String,
}

impl TableNames {
    /// Validates the prefix (letters, digits and `_`, at most 32) and builds the names.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for any other prefix.
    pub fn with_prefix(prefix: &str) -> Result<Self> {
        if prefix.len() > 32 || !prefix.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(Error::invalid("prefix", "use letters, digits and _ only (at most 32)"));
        }
        Ok(TableNames {
            schema: format!("{prefix}login_security_schema"),
            events: format!("{prefix}login_security_events"),
            attempts: format!("{prefix}login_security_attempts"),
            sessions: format!("{prefix}login_security_sessions"),
            bans: format!("{prefix}login_security_bans"),
            blocks: format!("{prefix}login_security_blocks"),
            notices: format!("{prefix}login_security_notices"),
            php_sessions: format!("{prefix}sessions"),
            autologin: format!("{prefix}user_auto_login"),
            staff: format!("{prefix}staff"),
            contacts: format!("{prefix}contacts"),
        })
    }

    /// The module's own tables (what uninstall drops).
    #[must_use]
    pub fn owned(&self) -> [&str; 7] {
        [&self.events, &self.attempts, &self.sessions, &self.bans, &self.blocks, &self.notices, &self.schema]
    }
}

const TABLE_OPTIONS: &str = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

/// The DDL of each migration step, in order; step n brings the schema to version n.
fn steps(t: &TableNames) -> Vec<Vec<String>> {
    vec![vec![format!(
        "CREATE TABLE IF NOT EXISTS `{events}` (
            id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
            created_at BIGINT NOT NULL COMMENT 'unix seconds, UTC',
            event VARCHAR(20) NOT NULL,
            user_type VARCHAR(10) NOT NULL DEFAULT '',
            user_id INT UNSIGNED NULL,
            identifier VARCHAR(191) NOT NULL DEFAULT '',
            identifier_norm VARCHAR(191) NOT NULL DEFAULT '',
            method VARCHAR(16) NOT NULL DEFAULT '',
            reason VARCHAR(24) NOT NULL DEFAULT '',
            ip VARBINARY(16) NULL,
            user_agent VARCHAR(512) NOT NULL DEFAULT '',
            device VARCHAR(10) NOT NULL DEFAULT '',
            browser VARCHAR(64) NOT NULL DEFAULT '',
            browser_version VARCHAR(32) NOT NULL DEFAULT '',
            os VARCHAR(64) NOT NULL DEFAULT '',
            os_version VARCHAR(32) NOT NULL DEFAULT '',
            duration INT UNSIGNED NULL COMMENT 'seconds',
            end_reason VARCHAR(16) NOT NULL DEFAULT '',
            actor_id INT NULL,
            actor_name VARCHAR(255) NOT NULL DEFAULT '',
            details VARCHAR(255) NOT NULL DEFAULT '',
            KEY idx_created (created_at),
            KEY idx_user (user_type, user_id, created_at),
            KEY idx_identifier (identifier_norm, created_at),
            KEY idx_ip (ip, created_at),
            KEY idx_event (event, created_at)
        ) {TABLE_OPTIONS}",
        events = t.events
    )], vec![format!(
        "CREATE TABLE IF NOT EXISTS `{attempts}` (
            kind VARCHAR(8) NOT NULL COMMENT 'staff, contact or ip',
            subject VARCHAR(191) COLLATE utf8mb4_bin NOT NULL COMMENT 'normalised identifier or IP',
            failures INT UNSIGNED NOT NULL DEFAULT 0,
            lockouts INT UNSIGNED NOT NULL DEFAULT 0,
            locked_until BIGINT NULL,
            blocked_at BIGINT NULL,
            last_failure BIGINT NULL,
            last_ip VARBINARY(16) NULL,
            PRIMARY KEY (kind, subject),
            KEY idx_locked (locked_until),
            KEY idx_blocked (blocked_at)
        ) {TABLE_OPTIONS}",
        attempts = t.attempts
    )], vec![format!(
        "CREATE TABLE IF NOT EXISTS `{sessions}` (
            token_hash BINARY(32) NOT NULL PRIMARY KEY COMMENT 'SHA-256 of the token kept in the PHP session',
            user_type VARCHAR(10) NOT NULL,
            user_id INT UNSIGNED NOT NULL,
            ip VARBINARY(16) NULL,
            user_agent VARCHAR(512) NOT NULL DEFAULT '',
            device VARCHAR(10) NOT NULL DEFAULT '',
            browser VARCHAR(100) NOT NULL DEFAULT '',
            os VARCHAR(100) NOT NULL DEFAULT '',
            method VARCHAR(16) NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            last_seen BIGINT NOT NULL,
            ended_at BIGINT NULL,
            end_reason VARCHAR(16) NOT NULL DEFAULT '',
            ended_by VARCHAR(255) NOT NULL DEFAULT '',
            KEY idx_user (user_type, user_id, ended_at),
            KEY idx_live (ended_at, last_seen)
        ) {TABLE_OPTIONS}",
        sessions = t.sessions
    ), format!(
        "CREATE TABLE IF NOT EXISTS `{bans}` (
            user_type VARCHAR(10) NOT NULL,
            user_id INT UNSIGNED NOT NULL,
            until BIGINT NOT NULL,
            reason VARCHAR(255) NOT NULL DEFAULT '',
            created_by VARCHAR(255) NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            PRIMARY KEY (user_type, user_id),
            KEY idx_until (until)
        ) {TABLE_OPTIONS}",
        bans = t.bans
    )], vec![format!(
        // 4: login attempts are keyed by the account Perfex authenticates (its id) or, for an e-mail that matches
        // no account, by its folded form; `label` keeps the e-mail as typed for display. Rows keyed by the e-mail
        // as typed are re-keyed after this step (attempts::rekey).
        "ALTER TABLE `{attempts}` ADD COLUMN IF NOT EXISTS label VARCHAR(191) NOT NULL DEFAULT '' COMMENT 'e-mail as typed (display only)'",
        attempts = t.attempts
    ), format!(
        // block notifications: each block a row (written in the claim that blocks), each admin what they were told
        "CREATE TABLE IF NOT EXISTS `{blocks}` (
            id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
            kind VARCHAR(8) NOT NULL,
            subject VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
            blocked_at BIGINT NOT NULL,
            KEY idx_blocked_at (blocked_at)
        ) {TABLE_OPTIONS}",
        blocks = t.blocks
    ), format!(
        "CREATE TABLE IF NOT EXISTS `{notices}` (
            staff_id INT UNSIGNED NOT NULL PRIMARY KEY,
            notified_at BIGINT NOT NULL DEFAULT 0,
            seen_block BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'the last block id this admin was told of'
        ) {TABLE_OPTIONS}",
        notices = t.notices
    )], sessions_remember_me_and_password(t), sessions_identifier(t)]
}

/// 5: each session knows its remember-me row (md5 key id, as `tbluser_auto_login.key_id`, VARCHAR(64) since
/// Perfex 3.4.1) and the password change it made itself. One step of its own so that it merges as it is.
fn sessions_remember_me_and_password(t: &TableNames) -> Vec<String> {
    vec![format!(
        "ALTER TABLE `{sessions}` \
            ADD COLUMN IF NOT EXISTS autologin_key VARCHAR(64) NOT NULL DEFAULT '' COMMENT 'md5 key id of the remember-me row behind it', \
            ADD COLUMN IF NOT EXISTS password_seen BIGINT NOT NULL DEFAULT 0 COMMENT 'unix time of the password change this session made', \
            ADD KEY IF NOT EXISTS idx_autologin (autologin_key)",
        sessions = t.sessions
    )]
}

/// 6: each session keeps the e-mail its login was typed with, so that the extension records its logout event
/// itself (the module no longer keeps a copy in the PHP session). One step of its own so that it merges as it is.
fn sessions_identifier(t: &TableNames) -> Vec<String> {
    vec![format!(
        "ALTER TABLE `{sessions}` ADD COLUMN IF NOT EXISTS identifier VARCHAR(191) NOT NULL DEFAULT '' COMMENT 'the e-mail as typed at login'",
        sessions = t.sessions
    )]
}

impl Store {
    /// Creates or upgrades the module's tables; safe to run again and from several processes at once.
    /// Returns the version now in place.
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn migrate(&self) -> Result<u32> {
        let t = self.tables.clone();
        self.run(|c| {
            let lock = format!("{}_migrate", t.schema);
            c.exec_drop("SELECT GET_LOCK(:l, 30)", params! { "l" => &lock })?;
            let result = (|| {
                c.query_drop(format!(
                    "CREATE TABLE IF NOT EXISTS `{}` (id TINYINT UNSIGNED NOT NULL PRIMARY KEY, version INT UNSIGNED NOT NULL) {TABLE_OPTIONS}",
                    t.schema
                ))?;
                let mut version: u32 = c.query_first(format!("SELECT version FROM `{}` WHERE id = 1", t.schema))?.unwrap_or(0);
                for (i, ddl) in steps(&t).iter().enumerate().skip(version as usize) {
                    for statement in ddl {
                        c.query_drop(statement)?;
                    }
                    if i + 1 == 4 {
                        super::attempts::rekey(c, &t)?;
                    }
                    version = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    c.exec_drop(
                        format!("INSERT INTO `{}` (id, version) VALUES (1, :v) ON DUPLICATE KEY UPDATE version = :v", t.schema),
                        params! { "v" => version },
                    )?;
                }
                Ok(version)
            })();
            c.exec_drop("SELECT RELEASE_LOCK(:l)", params! { "l" => &lock })?;
            result
        })
    }

    /// The version in place (0 when the module's tables do not exist).
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn schema_version(&self) -> Result<u32> {
        let t = self.tables.schema.clone();
        self.run(|c| match c.query_first::<u32, _>(format!("SELECT version FROM `{t}` WHERE id = 1")) {
            Ok(v) => Ok(v.unwrap_or(0)),
            Err(e) if super::is_missing_table(&e) => Ok(0),
            Err(e) => Err(e),
        })
    }

    /// Drops every table of the module (uninstall).
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn drop_schema(&self) -> Result<()> {
        let names: Vec<String> = self.tables.owned().iter().map(|s| (*s).to_string()).collect();
        self.run(|c| {
            for n in &names {
                c.query_drop(format!("DROP TABLE IF EXISTS `{n}`"))?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_must_be_plain() {
        assert_eq!(TableNames::with_prefix("tbl").unwrap().events, "tbllogin_security_events");
        assert_eq!(TableNames::with_prefix("").unwrap().staff, "staff");
        for bad in ["tbl`;", "a b", "x-y", &"p".repeat(33)] {
            assert!(TableNames::with_prefix(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_step_is_idempotent_ddl() {
        let t = TableNames::with_prefix("tbl").unwrap();
        for s in steps(&t).iter().flatten() {
            assert!(s.starts_with("CREATE TABLE IF NOT EXISTS") || s.starts_with("ALTER TABLE"), "{s}");
        }
        assert_eq!(steps(&t).len(), SCHEMA_VERSION as usize);
    }
}
