# Shared by scripts/demo, scripts/test and bench/run. Source it; do not run it.

WEFT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export WEFT_ROOT

# weft_build <build-dir> <build-type> [extra cmake args...]
# Configures (once) and builds with Ninja on all cores.
weft_build() {
    local dir=$1 type=$2
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$WEFT_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
    fi
    cmake --build "$dir" --parallel "$(nproc)"
}

# weft_free_port: prints a TCP port on 127.0.0.1 that nothing listens on right now.
weft_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# weft_mariadb_start <dir>
# Starts a throwaway MariaDB server with its own data directory, port and socket under <dir>,
# never the system service, and exports WEFT_TEST_MYSQL_* for the tests. Call
# weft_mariadb_stop (e.g. from an EXIT trap) to end it.
weft_mariadb_start() {
    local dir=$1
    WEFT_MARIADB_DIR=$dir
    rm -rf "$dir"
    mkdir -p "$dir/data" "$dir/tmp"
    local port
    port=$(weft_free_port)
    local user_opt=()
    [ "$(id -u)" -eq 0 ] && user_opt=(--user=root)
    mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
        "${user_opt[@]}" --skip-test-db >"$dir/install.log" 2>&1 || {
        cat "$dir/install.log" >&2
        return 1
    }
    mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mysql.sock" \
        --port="$port" --bind-address=127.0.0.1 --pid-file="$dir/mariadb.pid" \
        --tmpdir="$dir/tmp" --log-error="$dir/error.log" "${user_opt[@]}" \
        --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
        --max-connections=300 --max-allowed-packet=64M --local-infile=1 \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci &
    WEFT_MARIADB_PID=$!
    local i
    for i in $(seq 1 120); do
        if mariadb-admin --no-defaults --socket="$dir/mysql.sock" -uroot ping >/dev/null 2>&1; then
            break
        fi
        if ! kill -0 "$WEFT_MARIADB_PID" 2>/dev/null; then
            echo "MariaDB did not start:" >&2
            cat "$dir/error.log" >&2
            return 1
        fi
        sleep 0.5
    done
    mariadb --no-defaults --socket="$dir/mysql.sock" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'weft'@'%' IDENTIFIED BY 'weft-test';
CREATE USER IF NOT EXISTS 'weft'@'localhost' IDENTIFIED BY 'weft-test';
GRANT ALL PRIVILEGES ON *.* TO 'weft'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'weft'@'localhost' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS weft_test CHARACTER SET utf8mb4;
FLUSH PRIVILEGES;
SQL
    export WEFT_TEST_MYSQL_HOST=127.0.0.1
    export WEFT_TEST_MYSQL_PORT=$port
    export WEFT_TEST_MYSQL_USER=weft
    export WEFT_TEST_MYSQL_PASSWORD=weft-test
    export WEFT_TEST_MYSQL_DATABASE=weft_test
    export WEFT_TEST_MYSQL_SOCKET=$dir/mysql.sock
    echo "MariaDB for tests: 127.0.0.1:$port (socket $dir/mysql.sock, data $dir/data)"
}

weft_mariadb_stop() {
    if [ -n "${WEFT_MARIADB_PID:-}" ] && kill -0 "$WEFT_MARIADB_PID" 2>/dev/null; then
        mariadb-admin --no-defaults --socket="$WEFT_MARIADB_DIR/mysql.sock" -uroot shutdown \
            >/dev/null 2>&1 || kill "$WEFT_MARIADB_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 60); do
            kill -0 "$WEFT_MARIADB_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$WEFT_MARIADB_PID" 2>/dev/null || true
    fi
    WEFT_MARIADB_PID=
}
