#include "support/integration.h"

#include "support/mariadb.h"
#include "support/testfiles.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

namespace weft::test {

QList<QJsonObject> RunResult::events() const
{
    QList<QJsonObject> list;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject() && doc.object().contains(QLatin1String("event")))
            list.append(doc.object());
    }
    return list;
}

QJsonObject RunResult::finished() const
{
    for (const QJsonObject &e : events()) {
        if (e.value(QLatin1String("event")).toString() == QLatin1String("finished"))
            return e;
    }
    return {};
}

bool IntegrationEnv::start(const QString &example, const QStringList &mockArgs,
                           const QString &database, QString *error)
{
    if (!m_mock.start(mockArgs, error))
        return false;
    m_dir = std::make_unique<QTemporaryDir>();
    m_projectPath = m_dir->filePath(example + QStringLiteral(".weft.json"));
    if (!QFile::copy(sourcePath(QStringLiteral("resources/examples/%1.weft.json").arg(example)),
                     m_projectPath)) {
        *error = QStringLiteral("cannot copy example %1").arg(example);
        return false;
    }
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("WEFT_MOCK_URL"), m_mock.baseUrlString());
    // The mock's credentials (docs/mock.md).
    m_env.insert(QStringLiteral("JST_APP_SECRET"), QStringLiteral("weft-jst-secret"));
    m_env.insert(QStringLiteral("JST_ACCESS_TOKEN"), QStringLiteral("weft-jst-token"));
    m_env.insert(QStringLiteral("JST_REFRESH_TOKEN"), QStringLiteral("weft-jst-refresh"));
    m_env.insert(QStringLiteral("JDY_CLIENT_SECRET"), QStringLiteral("weft-jdy-client-secret"));
    m_env.insert(QStringLiteral("JDY_APP_SECRET"), QStringLiteral("weft-jdy-app-secret"));
    m_env.insert(QStringLiteral("K3_APP_SECRET"), QStringLiteral("weft-k3-secret"));
    m_env.insert(QStringLiteral("DINGTALK_APP_SECRET"), QStringLiteral("weft-dd-secret"));
    if (!database.isEmpty()) {
        const MariaDbParams p = mariaDbParams();
        m_database = freshDatabase(database);
        m_env.insert(QStringLiteral("WEFT_MYSQL_HOST"), p.host);
        m_env.insert(QStringLiteral("WEFT_MYSQL_PORT"), QString::number(p.port));
        m_env.insert(QStringLiteral("WEFT_MYSQL_USER"), p.user);
        m_env.insert(QStringLiteral("WEFT_MYSQL_PASSWORD"), p.password);
        m_env.insert(QStringLiteral("WEFT_MYSQL_DATABASE"), m_database);
    }
    return true;
}

QString IntegrationEnv::statePath() const
{
    QString base = m_projectPath;
    base.chop(5); // ".json"
    return base + QStringLiteral(".state.sqlite");
}

RunResult IntegrationEnv::weftRun(const QString &command, const QStringList &args,
                                  int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(qEnvironmentVariable("WEFT_RUN_BIN"),
            QStringList{command, m_projectPath, QStringLiteral("--log-file"),
                        QStringLiteral("none")} +
                args);
    RunResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "weft-run timed out";
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err += p.readAllStandardError();
    return r;
}

bool IntegrationEnv::editProject(const std::function<void(QJsonObject &root)> &edit) const
{
    QFile f(m_projectPath);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    edit(root);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(QJsonDocument(root).toJson());
    return true;
}

namespace {
QJsonValue setIn(const QJsonValue &node, QStringList path, const QJsonValue &value, bool *ok)
{
    if (path.isEmpty())
        return value;
    const QString token = path.takeFirst();
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        o.insert(token, setIn(o.value(token), path, value, ok));
        return o;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        qsizetype index = -1;
        if (token.startsWith(u'@')) {
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QJsonObject e = a.at(i).toObject();
                if (e.value(QLatin1String("field")).toString() == token.mid(1) ||
                    e.value(QLatin1String("name")).toString() == token.mid(1))
                    index = i;
            }
        } else {
            index = token.toInt();
        }
        if (index < 0 || index >= a.size()) {
            *ok = false;
            return node;
        }
        a.replace(index, setIn(a.at(index), path, value, ok));
        return a;
    }
    *ok = false;
    return node;
}
} // namespace

bool IntegrationEnv::setAt(QJsonObject &root, const QStringList &path, const QJsonValue &value)
{
    bool ok = true;
    root = setIn(root, path, value, &ok).toObject();
    return ok;
}

QJsonDocument IntegrationEnv::control(const QByteArray &method, const QString &path,
                                      const QJsonObject &body) const
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_mock.baseUrlString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    return doc;
}

} // namespace weft::test
