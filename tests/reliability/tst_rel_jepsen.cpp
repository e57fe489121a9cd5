// A Jepsen-style test of the production service (docs/reliability.md): three `weft-run serve`
// processes, each in a network namespace of its own (ip netns + veth on a bridge: three hosts
// on this machine), share one MariaDB state store and one weft-mock with the production call
// limits on, while the test kills one (kill -9), pauses one past its lease (SIGSTOP, then
// SIGCONT), cuts one's link (down, then up), and runs one with its clock 40 s ahead
// (libfaketime). Two schemes: Jushuitan purchase-ins into a MySQL table without a key by
// plain INSERT (a second write of a row shows), and DingTalk approvals into K3Cloud.
//
// Afterwards: both targets equal a single-process clean run (no record twice, none missing),
// no two runs of one scheme overlap in the history, and weft-mock never saw more calls in a
// second or a minute than the connections allow (nor refused one as over the limit).
//
// Needs root (namespaces, a bridge); WEFT_SOAK_JEPSEN_SECONDS sets the time under faults
// (CI: 45 s).
#include "reliability/reliability.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>

#include <csignal>
#include <unistd.h>

using namespace weft::test;

namespace {

/// The bridge's address: MariaDB and weft-mock listen there; node i is 10.231.<n>.1i.
QString subnet()
{
    return QStringLiteral("10.231.%1").arg(::getpid() % 200 + 20);
}

bool ip(const QStringList &args, QString *error = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("ip"), args);
    if (p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return true;
    if (error)
        *error = QStringLiteral("ip %1: %2").arg(args.join(u' '), QString::fromUtf8(p.readAll()));
    return false;
}

/// Three hosts on this machine: network namespaces joined to a bridge in the test's own
/// namespace, where MariaDB and weft-mock listen.
class Hosts final
{
public:
    ~Hosts() { down(); }

    bool up(QString *error)
    {
        const QString tag = QString::number(::getpid() % 100000);
        m_bridge = QStringLiteral("wjb") + tag;
        if (!ip({"link", "add", m_bridge, "type", "bridge"}, error) ||
            !ip({"addr", "add", address() + "/24", "dev", m_bridge}, error) ||
            !ip({"link", "set", m_bridge, "up"}, error))
            return false;
        for (int i = 1; i <= 3; ++i) {
            const QString ns = QStringLiteral("wjn%1x%2").arg(tag).arg(i);
            const QString veth = QStringLiteral("wjv%1x%2").arg(tag).arg(i);
            if (!ip({"netns", "add", ns}, error))
                return false;
            m_namespaces << ns;
            m_links << veth;
            if (!ip({"link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns},
                    error) ||
                !ip({"link", "set", veth, "master", m_bridge, "up"}, error) ||
                !ip({"-n", ns, "addr", "add", QStringLiteral("%1.1%2/24").arg(subnet()).arg(i),
                     "dev", "eth0"},
                    error) ||
                !ip({"-n", ns, "link", "set", "eth0", "up"}, error) ||
                !ip({"-n", ns, "link", "set", "lo", "up"}, error))
                return false;
        }
        return true;
    }

    void down()
    {
        for (const QString &ns : std::as_const(m_namespaces))
            ip({"netns", "delete", ns});
        for (const QString &veth : std::as_const(m_links))
            ip({"link", "delete", veth});
        if (!m_bridge.isEmpty())
            ip({"link", "delete", m_bridge});
        m_namespaces.clear();
        m_links.clear();
        m_bridge.clear();
    }

    QString address() const { return subnet() + QStringLiteral(".1"); }
    QString nameSpace(int node) const { return m_namespaces.value(node - 1); }
    bool cut(int node) { return ip({"link", "set", m_links.value(node - 1), "down"}); }
    bool mend(int node) { return ip({"link", "set", m_links.value(node - 1), "up"}); }

private:
    QString m_bridge;
    QStringList m_namespaces;
    QStringList m_links;
};

/// The purchase-ins example, with the rebates example's connections and scheme added:
/// purchase-ins by plain INSERT into a table without a key, both every minute.
bool jepsenProject(IntegrationEnv &env)
{
    QFile rebatesFile(qEnvironmentVariable("WEFT_EXAMPLES_DIR") +
                      QStringLiteral("/dingtalk-rebates-to-k3.weft.json"));
    if (!rebatesFile.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject rebates = QJsonDocument::fromJson(rebatesFile.readAll()).object();
    return env.editProject([&](QJsonObject &root) {
        QJsonArray connections = root.value("connections").toArray();
        for (const QJsonValue &c : rebates.value("connections").toArray())
            connections.append(c);
        root.insert("connections", connections);
        QJsonArray schemes = root.value("schemes").toArray();
        QJsonObject purchaseins = schemes.at(0).toObject();
        QJsonObject target = purchaseins.value("target").toObject();
        QJsonObject meta = target.value("metadata").toObject();
        QJsonArray other = meta.value("otherRequest").toArray();
        for (qsizetype i = 0; i < other.size(); ++i) {
            QJsonObject entry = other.at(i).toObject();
            if (entry.value("field") == QLatin1String("main_sql"))
                entry.insert("value", entry.value("value").toString().replace(
                                          QLatin1String("REPLACE INTO"),
                                          QLatin1String("INSERT INTO")));
            else if (entry.value("field") == QLatin1String("limit"))
                entry.insert("value", "100");
            other[i] = entry;
        }
        meta.insert("otherRequest", other);
        meta.insert("ddl", meta.value("ddl").toString().replace(
                               QLatin1String("NOT NULL PRIMARY KEY"), QLatin1String("NOT NULL")));
        target.insert("metadata", meta);
        purchaseins.insert("target", target);
        schemes[0] = purchaseins;
        schemes.append(rebates.value("schemes").toArray().at(0));
        for (qsizetype i = 0; i < schemes.size(); ++i) {
            QJsonObject s = schemes.at(i).toObject();
            s.insert("schedule", QJsonObject{{"kind", "interval"}, {"everyMinutes", 1}});
            s.insert("sync", QJsonObject{{"initialSince", "DAYS_AGO_21"}});
            schemes[i] = s;
        }
        root.insert("schemes", schemes);
    });
}

const QStringList kMock = {"--seed",        "17",        "--jst-purchaseins", "4000",
                           "--dd-instances", "500",      "--span-days",       "20",
                           "--latency-ms",   "20",       "--quiet"};

} // namespace

class TestRelJepsen : public QObject
{
    Q_OBJECT

    QStringList m_cleanRows;
    QMap<QString, QString> m_cleanDocuments;

private Q_SLOTS:
    void initTestCase()
    {
        WEFT_REQUIRE_MARIADB();
        if (::getuid() != 0)
            QFAIL("the hosts are network namespaces: run as root (CI does)");
        QVERIFY2(QFile::exists("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
                 "libfaketime is missing (scripts/setup-deps installs faketime)");
    }

    void cleanSingleProcess()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", anchoredMock(kMock), "rel_jepsen_clean",
                           &error),
                 qPrintable(error));
        QVERIFY(jepsenProject(env));
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
        m_cleanRows = tableRows("rel_jepsen_clean", "purchasein_query");
        m_cleanDocuments = k3Documents(env);
        QVERIFY(m_cleanRows.size() > 1000);
        QVERIFY(m_cleanDocuments.size() > 10);
    }

    void threeHostsUnderFaults()
    {
        QVERIFY(!m_cleanRows.isEmpty());
        Hosts hosts;
        QString error;
        QVERIFY2(hosts.up(&error), qPrintable(error));
        PrivateMariaDb db;
        QVERIFY2(db.start({"--bind-address=0.0.0.0"}, &error), qPrintable(error));
        IntegrationEnv env;
        QVERIFY2(env.start("jst-purchasein-to-mysql",
                           anchoredMock(kMock + QStringList{"--host", hosts.address()}),
                           QString(), &error),
                 qPrintable(error));
        QVERIFY2(db.use(env, "jepsen_target", &error), qPrintable(error));
        env.setEnv("WEFT_MYSQL_HOST", hosts.address());
        QVERIFY(jepsenProject(env));
        {
            QSqlDatabase state = db.open("jepsen_state_create");
            QVERIFY(QSqlQuery(state).exec("CREATE DATABASE jepsen_state CHARACTER SET utf8mb4"));
        }
        QSqlDatabase::removeDatabase("jepsen_state_create");
        env.setEnv("WEFT_STATE_PASSWORD", "weft-test");
        const QString stateUrl =
            QStringLiteral("mysql://weft@%1:%2/jepsen_state").arg(hosts.address()).arg(db.port());
        QTemporaryDir logs;
        logs.setAutoRemove(!qEnvironmentVariableIsSet("WEFT_JEPSEN_KEEP_LOGS"));
        qInfo("node logs in %s", qPrintable(logs.path()));

        std::array<std::unique_ptr<QProcess>, 4> nodes; // 1-based
        const auto start = [&](int i) {
            auto p = std::make_unique<QProcess>();
            QProcessEnvironment e = env.environment();
            if (i == 3) {
                // Its clock runs 40 s ahead: leases and limits must go by the database's.
                e.insert("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
                e.insert("FAKETIME", "+40s");
                e.insert("FAKETIME_DONT_FAKE_MONOTONIC", "1");
            }
            p->setProcessEnvironment(e);
            p->setStandardOutputFile(logs.filePath(QStringLiteral("node%1.jsonl").arg(i)),
                                     QIODevice::Append);
            p->setStandardErrorFile(logs.filePath(QStringLiteral("node%1.err").arg(i)),
                                    QIODevice::Append);
            p->start("ip", {"netns", "exec", hosts.nameSpace(i),
                            qEnvironmentVariable("WEFT_RUN_BIN"), "serve", env.projectPath(),
                            "--state", stateUrl, "--tick", "0.5", "--lease", "3", "--parallel",
                            "2", "--jsonl", "--log-file", "none", "--log-level", "info"});
            p->waitForStarted();
            nodes[size_t(i)] = std::move(p);
        };
        const auto pidOf = [&](int i) -> pid_t {
            // `ip netns exec` execs weft-run in place: the child is weft-run itself.
            return pid_t(nodes[size_t(i)]->processId());
        };
        for (int i = 1; i <= 3; ++i)
            start(i);

        // The nemesis: a fault every few seconds, in turn, for the time under faults.
        const int seconds = trials("WEFT_SOAK_JEPSEN_SECONDS", 45);
        QElapsedTimer clock;
        clock.start();
        QStringList done;
        int round = 0;
        while (clock.elapsed() < seconds * 1000) {
            switch (round++ % 4) {
            case 0: // pause past the lease
                ::kill(pidOf(1), SIGSTOP);
                QTest::qWait(5000);
                ::kill(pidOf(1), SIGCONT);
                done << "pause";
                break;
            case 1: // kill -9, back a second later
                ::kill(pidOf(2), SIGKILL);
                nodes[2]->waitForFinished(5000);
                QTest::qWait(1000);
                start(2);
                done << "kill";
                break;
            case 2: // cut the link longer than the lease
                QVERIFY(hosts.cut(3));
                QTest::qWait(6000);
                QVERIFY(hosts.mend(3));
                done << "partition";
                break;
            case 3:
                QTest::qWait(3000);
                break;
            }
            QTest::qWait(2000);
        }
        qInfo("faults: %s", qPrintable(done.join(", ")));

        // Quiet again: the schemes finish their work.
        const auto targetRows = [&] {
            QStringList rows;
            {
                QSqlDatabase target = db.open("jepsen_rows", "jepsen_target");
                rows = tableRowsOn(target, "purchasein_query");
            }
            QSqlDatabase::removeDatabase("jepsen_rows");
            return rows;
        };
        const auto settled = [&] {
            return targetRows().size() >= m_cleanRows.size() &&
                   k3Documents(env).size() >= m_cleanDocuments.size();
        };
        const auto tails = [&] {
            QString out = QStringLiteral("rows %1/%2, documents %3/%4")
                              .arg(targetRows().size())
                              .arg(m_cleanRows.size())
                              .arg(k3Documents(env).size())
                              .arg(m_cleanDocuments.size());
            for (int i = 1; i <= 3; ++i) {
                QFile err(logs.filePath(QStringLiteral("node%1.err").arg(i)));
                err.open(QIODevice::ReadOnly);
                out += QStringLiteral("\nnode %1: %2").arg(i).arg(QString::fromUtf8(err.readAll().right(1500)));
            }
            return out;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(settled(), qPrintable(tails()), 150000);
        QTest::qWait(3000); // anything still on its way
        for (int i = 1; i <= 3; ++i) {
            nodes[size_t(i)]->terminate();
            nodes[size_t(i)]->waitForFinished(30000);
        }

        // 1. Each target holds exactly what a clean single-process run leaves.
        const QStringList rows = targetRows();
        qint64 doubled = -1;
        {
            QSqlDatabase target = db.open("jepsen_doubled", "jepsen_target");
            doubled = scalar(target, "SELECT COUNT(*) - COUNT(DISTINCT id) FROM purchasein_query");
        }
        QSqlDatabase::removeDatabase("jepsen_doubled");
        QCOMPARE(doubled, 0);
        QCOMPARE(rows, m_cleanRows);
        QCOMPARE(k3Documents(env), m_cleanDocuments);

        // 2. No two runs of a scheme overlap in the history.
        {
            QSqlDatabase state = db.open("jepsen_runs", "jepsen_state");
            QSqlQuery q(state);
            QVERIFY(q.exec("SELECT scheme, started_at, finished_at, outcome, message FROM runs "
                           "ORDER BY scheme, started_at"));
            QString scheme;
            qint64 lastEnd = 0;
            int runs = 0;
            QStringList history;
            while (q.next()) {
                ++runs;
                history << QStringLiteral("%1 %2..%3 %4 %5")
                               .arg(q.value(0).toString())
                               .arg(q.value(1).toLongLong())
                               .arg(q.value(2).toLongLong())
                               .arg(q.value(3).toString(), q.value(4).toString().left(80));
                QVERIFY2(q.value(3).toString() != QLatin1String("running"),
                         qPrintable(history.join('\n')));
                if (q.value(0).toString() != scheme) {
                    scheme = q.value(0).toString();
                    lastEnd = 0;
                }
                if (q.value(1).toLongLong() < lastEnd)
                    qWarning("overlap:\n%s", qPrintable(history.join('\n')));
                QVERIFY2(q.value(1).toLongLong() >= lastEnd, "two runs of a scheme overlap");
                lastEnd = q.value(2).toLongLong();
            }
            qInfo("%d runs:\n%s", runs, qPrintable(history.join('\n')));
        }
        QSqlDatabase::removeDatabase("jepsen_runs");

        // 3. The mock never saw more than the systems' published limits, nor refused a call
        //    as over them: Jushuitan 5 a second and 100 a minute an interface, DingTalk 40 a
        //    second. (The connections ask less of DingTalk, 20 a second; arrivals bunch up
        //    on a loaded machine, so the count the mock sees may exceed that by a call.)
        const QJsonObject endpoints =
            env.control("GET", "/_mock/stats").object().value("endpoints").toObject();
        for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
            const QJsonObject e = it.value().toObject();
            const QByteArray what = it.key().toUtf8() + ": " +
                                    QJsonDocument(e).toJson(QJsonDocument::Compact);
            QVERIFY2(e.value("rateLimited").toInteger() == 0, what.constData());
            if (it.key().contains("/jushuitan/open/")) {
                QVERIFY2(e.value("maxCallsPerSecond").toInteger() <= 5, what.constData());
                QVERIFY2(e.value("maxCallsPerMinute").toInteger() <= 100, what.constData());
            } else if (it.key().contains("/dingtalk/topapi")) {
                QVERIFY2(e.value("maxCallsPerSecond").toInteger() <= 40, what.constData());
            }
            qInfo("%s", what.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestRelJepsen)
#include "tst_rel_jepsen.moc"
