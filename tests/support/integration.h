#pragma once

#include "support/mockprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace weft::test {

/// The outcome of one weft-run invocation.
struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    /// The events of --progress jsonl, in order.
    QList<QJsonObject> events() const;
    /// The final {"event": "finished", …} object, or an empty one.
    QJsonObject finished() const;
};

/// An example project copied into a scratch directory, with weft-mock and (optionally) a
/// fresh MariaDB database to run it against through the real weft-run binary.
class IntegrationEnv final
{
public:
    IntegrationEnv() = default;
    IntegrationEnv(const IntegrationEnv &) = delete;

    /// Starts weft-mock with `mockArgs`; copies resources/examples/<example>.weft.json into a
    /// scratch directory; when `database` is set, (re)creates that MariaDB database and points
    /// WEFT_MYSQL_* at it. Returns false with `error` set on failure.
    bool start(const QString &example, const QStringList &mockArgs, const QString &database,
               QString *error);

    QString projectPath() const { return m_projectPath; }
    QString statePath() const;
    QString database() const { return m_database; }
    MockProcess &mock() { return m_mock; }
    QProcessEnvironment environment() const { return m_env; }
    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }

    /// Runs `weft-run <command> <project> <args>` and waits for it (timeout in ms).
    RunResult weftRun(const QString &command, const QStringList &args = {},
                      int timeoutMs = 300000) const;

    /// Changes the copied project file (e.g. a mapping fix before a retry).
    bool editProject(const std::function<void(QJsonObject &root)> &edit) const;
    /// Sets the value at `path` in a JSON tree. Tokens are object keys, array indices, or
    /// "@name" for the array element whose "field" (or "name") is `name`:
    /// {"schemes", "0", "target", "metadata", "request", "@items_name", "value"}.
    static bool setAt(QJsonObject &root, const QStringList &path, const QJsonValue &value);

    /// GET/POST a weft-mock control endpoint (/_mock/...); returns the parsed JSON.
    QJsonDocument control(const QByteArray &method, const QString &path,
                          const QJsonObject &body = {}) const;

private:
    MockProcess m_mock;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_projectPath;
    QString m_database;
    QProcessEnvironment m_env;
};

} // namespace weft::test
