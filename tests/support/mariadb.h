#pragma once

#include "core/model/connection.h"

#include <QSqlDatabase>
#include <QString>

namespace weft::test {

/// Where the throwaway MariaDB of ./scripts/test listens (WEFT_TEST_MYSQL_* variables).
struct MariaDbParams {
    QString host;
    int port = 0;
    QString user;
    QString password;
    QString database;
    QString socket;
    bool isValid() const { return !host.isEmpty() && port > 0; }
};

/// Reads WEFT_TEST_MYSQL_*; invalid when the variables are not set.
MariaDbParams mariaDbParams();

/// True when the test must fail rather than skip without MariaDB (set by ./scripts/test).
bool mariaDbRequired();

/// Opens a connection to `database` (created if missing; empty = the server without a
/// default database). Connection names must be unique per thread; the caller removes them.
QSqlDatabase openMariaDb(const QString &connectionName, const QString &database = QString());

/// Drops and re-creates a database so a test starts from nothing; returns its name.
QString freshDatabase(const QString &name);

/// A state store URL (mysql://…) for `database` on the throwaway MariaDB; with `fresh` the
/// database is dropped and made again first, without it the same store is opened again.
QString stateStoreUrl(const QString &database, bool fresh = true);

/// A project's "mysql" connection to the throwaway MariaDB and `database` (the password as a
/// plain reference: tests only), for code that takes a Connection as a project holds it.
Connection mariaDbConnection(const QString &database);

} // namespace weft::test

/// Skips the test when MariaDB is not configured, or fails it under ./scripts/test.
#define WEFT_REQUIRE_MARIADB()                                                                 \
    do {                                                                                       \
        if (!weft::test::mariaDbParams().isValid()) {                                          \
            if (weft::test::mariaDbRequired())                                                 \
                QFAIL("MariaDB is required (WEFT_TEST_REQUIRE_MYSQL=1) but WEFT_TEST_MYSQL_* " \
                      "are not set: run the tests through ./scripts/test");                    \
            QSKIP("MariaDB not configured: run through ./scripts/test");                       \
        }                                                                                      \
    } while (false)
