# Shared settings for the project's scripts. Source it: `. "$(dirname "$0")/env.sh"`.
# Everything the scripts start lives under .run/ (git-ignored) and listens on loopback only.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN="$ROOT/.run"
export LS_DB_PORT=${LS_DB_PORT:-33306}
export LS_DB_SOCKET="$RUN/mariadb/mysqld.sock"
export LS_DB_NAME=${LS_DB_NAME:-perfex}
export LS_DB_USER=${LS_DB_USER:-perfex}
export LS_DB_PASSWORD=${LS_DB_PASSWORD:-perfex-demo-pw}
export LS_DB_HOST=127.0.0.1
# Rust integration tests read this URL.
export TEST_DATABASE_URL="mysql://$LS_DB_USER:$LS_DB_PASSWORD@$LS_DB_HOST:$LS_DB_PORT/${LS_DB_NAME}_test"
export PATH="$HOME/.cargo/bin:$PATH"
EXT_DEBUG="$ROOT/target/debug/liblogin_security.so"
EXT_RELEASE="$ROOT/target/release/liblogin_security.so"
