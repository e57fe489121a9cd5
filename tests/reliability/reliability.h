#pragma once
// Helpers of the reliability and security tests (issue 7): weft-run in the background (to kill
// it or to change the world while it runs), a private MariaDB server (to restart it), a tiny
// scripted HTTP server (to answer what weft-mock cannot), and readers of the targets and the
// state store. Built on tests/support and the example checks of tests/integration.
#include "integration/examplechecks.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace weft::test {

/// How many trials a test makes: `ciDefault` under ./scripts/test, or the number in the
/// environment variable `variable` (bench/soak sets WEFT_SOAK_* for the long version).
int trials(const char *variable, int ciDefault);

/// Spins the event loop until `condition` holds or `timeoutMs` pass; true if it held.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int stepMs = 20);

/// `weft-run <command> <project> --log-file none <args>` in the background: the test can kill
/// it, or change the mock, the database or a lock while it runs. Waiting spins the event loop,
/// so servers living in the test process keep answering.
class BackgroundRun final
{
public:
    BackgroundRun() = default;
    BackgroundRun(const BackgroundRun &) = delete;
    ~BackgroundRun();

    void start(const IntegrationEnv &env, const QStringList &args,
               const QString &command = QStringLiteral("run"), bool logFileNone = true);
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// SIGKILL, no chance to clean up; waits until the process is gone.
    void kill9();
    /// Waits for the end (killing it after `timeoutMs`) and returns what it printed.
    RunResult wait(int timeoutMs = 300000);
    /// What it printed on stdout so far (jsonl events).
    QByteArray outputSoFar();
    /// The newest "written" counter of its jsonl progress events, -1 before the first.
    qint64 writtenSoFar();
    qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    QElapsedTimer m_clock;
};

/// `env.weftRun`, but spinning the event loop while it runs (for in-process servers).
RunResult runSpinning(const IntegrationEnv &env, const QString &command,
                      const QStringList &args = {}, int timeoutMs = 300000);

/// `weft-run <args>` exactly as given (for commands without --log-file, e.g. validate), with
/// the environment of `env`.
RunResult weftRunPlain(const IntegrationEnv &env, const QStringList &args, int timeoutMs = 60000);

/// weft-mock's statistics: business calls so far (control calls excluded).
qint64 mockBusinessCalls(const IntegrationEnv &env);
/// Faults injected so far into the endpoints whose key contains `mount` ("/jdy").
qint64 mockFaultsInjected(const IntegrationEnv &env, const QString &mount);
/// Calls so far of the endpoints whose key contains `part`.
qint64 mockCalls(const IntegrationEnv &env, const QString &part);


/// The open failed records as "stage|record_id|error_code", sorted.
QStringList failureKeys(const IntegrationEnv &env);
/// The state store's cursor of a scheme (SQLite file of the project), if any.
std::optional<qint64> stateCursor(const QString &statePath, const QString &scheme);
/// Every table of a SQLite file as text, each cell as text and (for blobs) raw bytes.
QByteArray dumpSqlite(const QString &path);

/// The first column of the first row of `sql`, or -1 (on any connection).
qint64 scalar(QSqlDatabase db, const QString &sql);
/// The same on a database of the shared MariaDB of ./scripts/test.
qint64 scalarShared(const QString &database, const QString &sql);

/// A MariaDB server of the test's own (data directory, port and socket in a temporary
/// directory), so that the test may stop, kill and restart it — never the shared one.
class PrivateMariaDb final
{
public:
    PrivateMariaDb() = default;
    PrivateMariaDb(const PrivateMariaDb &) = delete;
    ~PrivateMariaDb();

    /// Creates the data directory and starts mariadbd with `extraArgs` (e.g.
    /// "--innodb-lock-wait-timeout=2"); creates the user weft/weft-test.
    bool start(const QStringList &extraArgs, QString *error);
    /// Shuts the server down (SIGTERM, then SIGKILL after 30 s).
    void stop();
    /// Kills the server (SIGKILL): a crash, InnoDB recovers on the next start.
    void kill9();
    /// Starts it again on the same port with the same data.
    bool restart(QString *error);
    bool isRunning() const { return m_server && m_server->state() != QProcess::NotRunning; }
    int port() const { return m_port; }
    /// Points an IntegrationEnv's WEFT_MYSQL_* at this server and (re)creates `database`.
    bool use(IntegrationEnv &env, const QString &database, QString *error);
    /// A connection to `database` on this server (the caller removes it).
    QSqlDatabase open(const QString &connectionName, const QString &database = QString()) const;

private:
    bool launch(QString *error);
    bool waitReady(int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    QStringList m_args;
    int m_port = 0;
};


/// A minimal HTTP/1.1 server in the test process: every request goes to a handler that
/// decides the answer — including answers no real system gives (a page that is not JSON,
/// bytes that are not UTF-8, an endless body). One request per connection.
class ScriptedHttpServer final : public QTcpServer
{
public:
    struct Request {
        QByteArray method;
        QByteArray path; ///< with the query
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };
    struct Reply {
        int status = 200;
        QByteArray contentType = "application/json;charset=utf-8";
        QByteArray body;
        /// When > 0: announce this Content-Length and stream `streamChunk` until that many
        /// bytes are sent or the client goes away (a huge answer).
        qint64 streamBytes = 0;
        QByteArray streamChunk;
        bool close = false; ///< close the connection without answering
        /// With streamBytes: send one byte every dripMs instead (a server that answers so
        /// slowly that it never falls silent for a transfer timeout).
        int dripMs = 0;
    };
    using Handler = std::function<Reply(const Request &)>;

    explicit ScriptedHttpServer(Handler handler, QObject *parent = nullptr);
    /// Listens on 127.0.0.1, a free port; returns the base URL.
    QString start();
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    qint64 requests() const { return m_requests; }
    /// Bytes of streamed (huge) bodies written so far.
    qint64 streamedBytes() const { return m_streamed; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QTcpSocket *socket, const Request &request);

    Handler m_handler;
    qint64 m_requests = 0;
    qint64 m_streamed = 0;
};

/// Parses an application/x-www-form-urlencoded body.
QMap<QString, QString> formFields(const QByteArray &body);

/// Resident memory of a process in kB (from /proc), or -1.
qint64 residentKb(qint64 pid);

} // namespace weft::test
