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
# The three-node Galera cluster (scripts/db cluster): SQL on LS_CLUSTER_PORT..+2, Galera on the next nine ports.
# Derived from LS_DB_PORT (12 ports per checkout, below Linux's ephemeral range) unless set.
export LS_CLUSTER_PORT=${LS_CLUSTER_PORT:-$((20000 + (LS_DB_PORT % 1000) * 12))}
# Rust integration tests read this URL.
export TEST_DATABASE_URL="mysql://$LS_DB_USER:$LS_DB_PASSWORD@$LS_DB_HOST:$LS_DB_PORT/${LS_DB_NAME}_test"
export PATH="$HOME/.cargo/bin:$PATH"
EXT_DEBUG="$ROOT/target/debug/liblogin_security.so"
EXT_RELEASE="$ROOT/target/release/liblogin_security.so"
