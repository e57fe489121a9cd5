#include "reliability/reliability.h"

#include <QTimer>

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QUrl>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace weft::test {

namespace {
QAtomicInt g_connections;

QString uniqueConnection(const QString &prefix)
{
    return prefix + QString::number(g_connections.fetchAndAddRelaxed(1));
}
} // namespace

int trials(const char *variable, int ciDefault)
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue(variable, &ok);
    return ok && n > 0 ? n : ciDefault;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int stepMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(stepMs);
    }
    return true;
}

// ---- BackgroundRun ------------------------------------------------------------------------

BackgroundRun::~BackgroundRun()
{
    if (isRunning())
        kill9();
}

void BackgroundRun::start(const IntegrationEnv &env, const QStringList &args,
                          const QString &command, bool logFileNone)
{
    m_out.clear();
    m_err.clear();
    m_process.setProcessEnvironment(env.environment());
    QStringList all{command, env.projectPath()};
    if (logFileNone)
        all << QStringLiteral("--log-file") << QStringLiteral("none");
    m_process.start(qEnvironmentVariable("WEFT_RUN_BIN"), all + args);
    m_process.waitForStarted(10000);
    m_clock.start();
}

void BackgroundRun::kill9()
{
    const qint64 id = m_process.processId();
    if (id > 0)
        ::kill(pid_t(id), SIGKILL);
    m_process.waitForFinished(10000);
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}

RunResult BackgroundRun::wait(int timeoutMs)
{
    RunResult r;
    if (!waitUntil([this] {
            m_out += m_process.readAllStandardOutput();
            m_err += m_process.readAllStandardError();
            return !isRunning();
        }, timeoutMs)) {
        kill9();
        r.err = "weft-run timed out and was killed\n";
    }
    m_process.waitForFinished(1000);
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
    r.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    r.out = m_out;
    r.err += m_err;
    return r;
}

QByteArray BackgroundRun::outputSoFar()
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
    return m_out;
}

qint64 BackgroundRun::writtenSoFar()
{
    const QByteArray out = outputSoFar();
    const qsizetype at = out.lastIndexOf("\"written\":");
    if (at < 0)
        return -1;
    qsizetype end = at + 10;
    while (end < out.size() && out.at(end) >= '0' && out.at(end) <= '9')
        ++end;
    return out.mid(at + 10, end - at - 10).toLongLong();
}

RunResult runSpinning(const IntegrationEnv &env, const QString &command, const QStringList &args,
                      int timeoutMs)
{
    BackgroundRun run;
    run.start(env, args, command);
    return run.wait(timeoutMs);
}

RunResult weftRunPlain(const IntegrationEnv &env, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env.environment());
    p.start(qEnvironmentVariable("WEFT_RUN_BIN"), args);
    RunResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "weft-run timed out\n";
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err += p.readAllStandardError();
    return r;
}

// ---- weft-mock ----------------------------------------------------------------------------

namespace {
qint64 sumEndpoints(const IntegrationEnv &env, const QString &part, const char *key)
{
    qint64 n = 0;
    const QJsonObject endpoints =
        env.control("GET", QStringLiteral("/_mock/stats")).object().value("endpoints").toObject();
    for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
        if (it.key().contains(part))
            n += it.value().toObject().value(QLatin1String(key)).toInteger();
    }
    return n;
}
} // namespace

qint64 mockBusinessCalls(const IntegrationEnv &env)
{
    return env.control("GET", QStringLiteral("/_mock/stats")).object().value("totalCalls").toInteger();
}

qint64 mockFaultsInjected(const IntegrationEnv &env, const QString &mount)
{
    return sumEndpoints(env, mount, "faultsInjected");
}

qint64 mockCalls(const IntegrationEnv &env, const QString &part)
{
    return sumEndpoints(env, part, "calls");
}

QStringList failureKeys(const IntegrationEnv &env)
{
    QStringList keys;
    for (const QJsonObject &f : openFailures(env)) {
        keys << f.value("stage").toString() + u'|' + f.value("record_id").toString() + u'|' +
                    f.value("error_code").toString();
    }
    keys.sort();
    return keys;
}

// ---- state store --------------------------------------------------------------------------

namespace {
template <typename F>
auto withSqlite(const QString &path, F f)
{
    const QString name = uniqueConnection(QStringLiteral("rel_sqlite_"));
    decltype(f(std::declval<QSqlDatabase &>())) result{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open())
            result = f(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

std::optional<qint64> stateCursor(const QString &statePath, const QString &scheme)
{
    if (!QFile::exists(statePath))
        return std::nullopt;
    return withSqlite(statePath, [&](QSqlDatabase &db) -> std::optional<qint64> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT last_sync_time FROM cursors WHERE scheme = ?"));
        q.addBindValue(scheme);
        if (q.exec() && q.next())
            return q.value(0).toLongLong();
        return std::nullopt;
    });
}

QByteArray dumpSqlite(const QString &path)
{
    return withSqlite(path, [](QSqlDatabase &db) {
        QByteArray out;
        for (const QString &table : db.tables(QSql::AllTables)) {
            out += "== " + table.toUtf8() + '\n';
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
                out += "(" + q.lastError().text().toUtf8() + ")\n";
                continue;
            }
            while (q.next()) {
                for (int c = 0; c < q.record().count(); ++c) {
                    const QVariant v = q.value(c);
                    // Blobs as they are stored, and everything else as text.
                    out += v.typeId() == QMetaType::QByteArray ? v.toByteArray()
                                                               : v.toString().toUtf8();
                    out += '\t';
                }
                out += '\n';
            }
        }
        return out;
    });
}

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

qint64 scalarShared(const QString &database, const QString &sql)
{
    const QString name = uniqueConnection(QStringLiteral("rel_scalar_"));
    qint64 n = -1;
    {
        QSqlDatabase db = openMariaDb(name, database);
        n = scalar(db, sql);
    }
    QSqlDatabase::removeDatabase(name);
    QSqlDatabase::removeDatabase(name + QStringLiteral("_admin"));
    return n;
}

// ---- private MariaDB ----------------------------------------------------------------------

namespace {
int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool runTool(const QString &program, const QStringList &args, QByteArray *output,
             int timeoutMs = 120000, const QByteArray &input = QByteArray())
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        *output = program.toUtf8() + ": cannot start";
        return false;
    }
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    const bool done = p.waitForFinished(timeoutMs);
    *output = p.readAll();
    return done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}
} // namespace

PrivateMariaDb::~PrivateMariaDb()
{
    stop();
}

bool PrivateMariaDb::start(const QStringList &extraArgs, QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/weft-mariadb-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QDir(m_dir->path()).mkpath(QStringLiteral("data"));
    QDir(m_dir->path()).mkpath(QStringLiteral("tmp"));
    QStringList install{QStringLiteral("--no-defaults"),
                        QStringLiteral("--datadir=") + m_dir->filePath(QStringLiteral("data")),
                        QStringLiteral("--auth-root-authentication-method=normal"),
                        QStringLiteral("--skip-test-db")};
    if (::getuid() == 0)
        install << QStringLiteral("--user=root");
    QByteArray out;
    if (!runTool(QStringLiteral("mariadb-install-db"), install, &out)) {
        *error = QStringLiteral("mariadb-install-db failed: ") + QString::fromUtf8(out.right(2000));
        return false;
    }
    m_port = freePort();
    m_args = extraArgs;
    if (!launch(error))
        return false;
    const QByteArray sql = "CREATE USER IF NOT EXISTS 'weft'@'%' IDENTIFIED BY 'weft-test';\n"
                           "CREATE USER IF NOT EXISTS 'weft'@'localhost' IDENTIFIED BY "
                           "'weft-test';\n"
                           "GRANT ALL PRIVILEGES ON *.* TO 'weft'@'%' WITH GRANT OPTION;\n"
                           "GRANT ALL PRIVILEGES ON *.* TO 'weft'@'localhost' WITH GRANT OPTION;\n"
                           "FLUSH PRIVILEGES;\n";
    if (!runTool(QStringLiteral("mariadb"),
                 {QStringLiteral("--no-defaults"),
                  QStringLiteral("--socket=") + m_dir->filePath(QStringLiteral("mysql.sock")),
                  QStringLiteral("-uroot")},
                 &out, 60000, sql)) {
        *error = QStringLiteral("cannot create the test user: ") + QString::fromUtf8(out);
        return false;
    }
    return true;
}

bool PrivateMariaDb::launch(QString *error)
{
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("--no-defaults"),
                     QStringLiteral("--datadir=") + m_dir->filePath(QStringLiteral("data")),
                     QStringLiteral("--socket=") + m_dir->filePath(QStringLiteral("mysql.sock")),
                     QStringLiteral("--port=%1").arg(m_port),
                     QStringLiteral("--bind-address=127.0.0.1"),
                     QStringLiteral("--pid-file=") + m_dir->filePath(QStringLiteral("mariadb.pid")),
                     QStringLiteral("--tmpdir=") + m_dir->filePath(QStringLiteral("tmp")),
                     QStringLiteral("--log-error=") + m_dir->filePath(QStringLiteral("error.log")),
                     QStringLiteral("--innodb-buffer-pool-size=64M"),
                     QStringLiteral("--innodb-log-file-size=48M"),
                     QStringLiteral("--innodb-flush-log-at-trx-commit=2"),
                     QStringLiteral("--max-connections=100"),
                     QStringLiteral("--character-set-server=utf8mb4"),
                     QStringLiteral("--collation-server=utf8mb4_unicode_ci")};
    if (::getuid() == 0)
        args << QStringLiteral("--user=root");
    m_server->start(QStringLiteral("mariadbd"), args + m_args);
    if (!m_server->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start mariadbd: ") + m_server->errorString();
        return false;
    }
    if (!waitReady(120000)) {
        QFile log(m_dir->filePath(QStringLiteral("error.log")));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("mariadbd did not become ready: ") +
                 QString::fromUtf8(log.readAll().right(3000));
        return false;
    }
    return true;
}

bool PrivateMariaDb::waitReady(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (m_server->state() == QProcess::NotRunning)
            return false;
        QByteArray out;
        if (runTool(QStringLiteral("mariadb-admin"),
                    {QStringLiteral("--no-defaults"),
                     QStringLiteral("--socket=") + m_dir->filePath(QStringLiteral("mysql.sock")),
                     QStringLiteral("-uroot"), QStringLiteral("ping")},
                    &out, 10000))
            return true;
        QTest::qWait(200);
    }
    return false;
}

void PrivateMariaDb::stop()
{
    if (!isRunning())
        return;
    m_server->terminate();
    if (!m_server->waitForFinished(30000)) {
        m_server->kill();
        m_server->waitForFinished(10000);
    }
}

void PrivateMariaDb::kill9()
{
    if (!isRunning())
        return;
    m_server->kill();
    m_server->waitForFinished(10000);
}

bool PrivateMariaDb::restart(QString *error)
{
    stop();
    return launch(error);
}

bool PrivateMariaDb::use(IntegrationEnv &env, const QString &database, QString *error)
{
    const QString name = uniqueConnection(QStringLiteral("rel_private_"));
    bool ok = false;
    {
        QSqlDatabase db = open(name);
        QSqlQuery q(db);
        ok = db.isOpen() && q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(database)) &&
             q.exec(QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4").arg(database));
        if (!ok)
            *error = QStringLiteral("cannot create database %1 on the private server: %2")
                         .arg(database, q.lastError().text() + db.lastError().text());
    }
    QSqlDatabase::removeDatabase(name);
    env.setEnv(QStringLiteral("WEFT_MYSQL_HOST"), QStringLiteral("127.0.0.1"));
    env.setEnv(QStringLiteral("WEFT_MYSQL_PORT"), QString::number(m_port));
    env.setEnv(QStringLiteral("WEFT_MYSQL_USER"), QStringLiteral("weft"));
    env.setEnv(QStringLiteral("WEFT_MYSQL_PASSWORD"), QStringLiteral("weft-test"));
    env.setEnv(QStringLiteral("WEFT_MYSQL_DATABASE"), database);
    return ok;
}

QSqlDatabase PrivateMariaDb::open(const QString &connectionName, const QString &database) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(m_port);
    db.setUserName(QStringLiteral("weft"));
    db.setPassword(QStringLiteral("weft-test"));
    if (!database.isEmpty())
        db.setDatabaseName(database);
    db.setConnectOptions(QStringLiteral("MYSQL_OPT_RECONNECT=0;MYSQL_OPT_CONNECT_TIMEOUT=5"));
    if (db.open())
        QSqlQuery(db).exec(QStringLiteral("SET NAMES utf8mb4"));
    return db;
}

// ---- ScriptedHttpServer -------------------------------------------------------------------

QByteArray ScriptedHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(Handler handler, QObject *parent)
    : QTcpServer(parent)
    , m_handler(std::move(handler))
{
}

QString ScriptedHttpServer::start()
{
    listen(QHostAddress::LocalHost, 0);
    return QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
}

void ScriptedHttpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(descriptor);
    auto buffer = std::make_shared<QByteArray>();
    auto served = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, served] {
        *buffer += socket->readAll();
        if (*served)
            return;
        const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        qint64 length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray key = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({key, value});
            if (key.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer->size() - headEnd - 4 < length)
            return;
        request.body = buffer->mid(headEnd + 4, length);
        *served = true;
        serve(socket, request);
    });
}

void ScriptedHttpServer::serve(QTcpSocket *socket, const Request &request)
{
    ++m_requests;
    const Reply reply = m_handler(request);
    if (reply.close) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    const qint64 length = reply.streamBytes > 0 ? reply.streamBytes : reply.body.size();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) +
                      (reply.status < 400 ? " OK" : " Error") + "\r\nContent-Type: " +
                      reply.contentType + "\r\nContent-Length: " + QByteArray::number(length) +
                      "\r\nConnection: close\r\n\r\n";
    if (reply.streamBytes <= 0) {
        socket->write(head + reply.body);
        socket->disconnectFromHost();
        return;
    }
    if (reply.dripMs > 0) {
        // A drip: one byte every dripMs, never silent long enough for a transfer timeout.
        socket->write(head + reply.body);
        auto sent = std::make_shared<qint64>(reply.body.size());
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [this, socket, sent, total = reply.streamBytes] {
            if (socket->state() != QAbstractSocket::ConnectedState || *sent >= total) {
                socket->disconnectFromHost();
                return;
            }
            socket->write(" ");
            ++*sent;
            ++m_streamed;
        });
        timer->start(reply.dripMs);
        return;
    }
    // A huge body: keep a few MB queued and refill as the client reads, until the announced
    // length is sent or the client hangs up.
    socket->write(head + reply.body);
    auto sent = std::make_shared<qint64>(reply.body.size());
    const QByteArray chunk = reply.streamChunk.isEmpty() ? QByteArray(1 << 20, 'x')
                                                          : reply.streamChunk;
    auto refill = [this, socket, sent, chunk, total = reply.streamBytes] {
        while (socket->state() == QAbstractSocket::ConnectedState &&
               socket->bytesToWrite() < 4 * chunk.size() && *sent < total) {
            const QByteArray part = chunk.left(qsizetype(std::min<qint64>(chunk.size(), total - *sent)));
            socket->write(part);
            *sent += part.size();
            m_streamed += part.size();
        }
        if (*sent >= total)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::bytesWritten, this, refill);
    refill();
}

QMap<QString, QString> formFields(const QByteArray &body)
{
    QMap<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return out;
}

qint64 residentKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace weft::test
