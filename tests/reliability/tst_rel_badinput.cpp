// Bad input (issue 7, Reliability): answers weft-mock cannot give — a page that is an HTML
// error page or plain text, bytes that are not UTF-8, a response without `datas`, a very
// large page, an endless one — from a small HTTP server in the test impersonating Jushuitan.
// Each gives a clear error naming the page, and loses nothing: the run retries (a passing
// fault) or stops without moving the cursor past the page it could not read, and a later
// clean run writes every row exactly once. (Malformed project files and expressions are
// fuzzed: tests/fuzz/fuzz_project.cpp, fuzz_expr.cpp.)
#include "reliability/reliability.h"

#include <QDateTime>
#include <QTimeZone>

using namespace weft::test;

namespace {

constexpr int kPages = 3;
constexpr int kPerPage = 4;

/// What page 2 answers while the fault lasts.
enum class Bad { HtmlPage, PlainText, Gbk, NoDatas, DatasNotArray, Empty };

/// A purchase-in of the fake Jushuitan: 1–2 items, modified yesterday (China time).
QJsonObject purchaseIn(int index, const QString &modified)
{
    QJsonArray items;
    for (int k = 0; k <= index % 2; ++k) {
        items.append(QJsonObject{{"ioi_id", 9000000 + index * 10 + k},
                                 {"sku_id", QStringLiteral("SKU-%1-%2").arg(index).arg(k)},
                                 {"i_id", QStringLiteral("I%1").arg(index)},
                                 {"name", QStringLiteral("测试商品 %1/%2").arg(index).arg(k)},
                                 {"unit", "件"},
                                 {"qty", 1 + k},
                                 {"cost_price", 2.5},
                                 {"cost_amount", 2.5 * (1 + k)}});
    }
    return QJsonObject{{"io_id", 700000 + index},
                       {"po_id", 300000 + index},
                       {"warehouse", "主仓"},
                       {"wms_co_id", 12000001},
                       {"modified", modified},
                       {"io_date", modified},
                       {"status", "Confirmed"},
                       {"supplier_id", "S1"},
                       {"supplier_name", "供应商"},
                       {"remark", QStringLiteral("备注 %1").arg(index)},
                       {"items", items}};
}

/// A fake Jushuitan /open/purchasein/query: kPages pages of kPerPage purchase-ins; page 2 can
/// be made bad, for every request or only the first.
class FakeJushuitan
{
public:
    FakeJushuitan()
        : m_server([this](const ScriptedHttpServer::Request &r) { return answer(r); })
    {
        m_modified = QDateTime::currentDateTimeUtc()
                         .toTimeZone(QTimeZone(QByteArray("Asia/Shanghai")))
                         .addDays(-1)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }

    QString start() { return m_server.start(); }
    void setBad(std::optional<Bad> bad, bool once)
    {
        m_bad = bad;
        m_once = once;
        m_badServed = 0;
    }
    /// Extra bytes in every record of page 2 (a field the mapping does not use).
    void setPadding(qsizetype bytesPerRecord) { m_padding = bytesPerRecord; }
    /// Page 2 announces `bytes` and streams them (an endless answer, for practical purposes).
    void setEndless(qint64 bytes) { m_endless = bytes; }
    /// Page 2 drips its answer, a byte every 200 ms, for the next `times` requests of it.
    void setDrip(int times) { m_drips = times; }
    int badServed() const { return m_badServed; }
    ScriptedHttpServer &server() { return m_server; }

    /// id → items_name of every row the target must hold.
    QMap<QString, QString> expectedRows() const
    {
        QMap<QString, QString> rows;
        for (int i = 0; i < kPages * kPerPage; ++i) {
            const QJsonObject p = purchaseIn(i, m_modified);
            for (const QJsonValue &v : p.value("items").toArray()) {
                const QJsonObject item = v.toObject();
                rows.insert(QStringLiteral("%1-%2").arg(p.value("io_id").toInteger())
                                .arg(item.value("ioi_id").toInteger()),
                            item.value("name").toString());
            }
        }
        return rows;
    }

private:
    ScriptedHttpServer::Reply answer(const ScriptedHttpServer::Request &request)
    {
        const QJsonObject biz = QJsonDocument::fromJson(
                                    formFields(request.body).value("biz").toUtf8())
                                    .object();
        const int page = biz.value("page_index").toInt(1);
        QJsonArray datas;
        for (int i = (page - 1) * kPerPage; i < page * kPerPage && page <= kPages; ++i) {
            QJsonObject p = purchaseIn(i, m_modified);
            if (page == 2 && m_padding > 0)
                p.insert("extra_notes", QString(m_padding, u'长'));
            datas.append(p);
        }
        QJsonObject data{{"page_index", page},     {"page_size", 50},
                         {"data_count", kPages * kPerPage}, {"page_count", kPages},
                         {"has_next", page < kPages}, {"datas", datas}};
        ScriptedHttpServer::Reply reply;
        const bool bad = page == 2 && m_bad && (!m_once || m_badServed == 0);
        if (page == 2 && m_endless > 0) {
            reply.body = "{\"code\":0,\"msg\":\"";
            reply.streamBytes = m_endless;
            return reply;
        }
        if (page == 2 && m_drips > 0) {
            --m_drips;
            reply.body = "{\"code\":0,\"msg\":\"";
            reply.streamBytes = 1 << 20;
            reply.dripMs = 200;
            return reply;
        }
        if (!bad) {
            reply.body = QJsonDocument(QJsonObject{{"code", 0}, {"msg", "执行成功"}, {"data", data}})
                             .toJson(QJsonDocument::Compact);
            return reply;
        }
        ++m_badServed;
        switch (*m_bad) {
        case Bad::HtmlPage:
            reply.contentType = "text/html";
            reply.body = "<html><head><title>502 Bad Gateway</title></head><body><center>"
                         "<h1>502 Bad Gateway</h1></center><hr><center>openresty</center>"
                         "</body></html>";
            break;
        case Bad::PlainText:
            reply.contentType = "text/plain";
            reply.body = "upstream connect error or disconnect/reset before headers";
            break;
        case Bad::Gbk: {
            // The same page, encoded as GBK (what a misconfigured Chinese gateway sends).
            reply.body = QJsonDocument(QJsonObject{{"code", 0}, {"msg", "执行成功"}, {"data", data}})
                             .toJson(QJsonDocument::Compact);
            reply.body.replace("执行成功", "\xD6\xB4\xD0\xD0\xB3\xC9\xB9\xA6");
            reply.body.replace("测试商品", "\xB2\xE2\xCA\xD4\xC9\xCC\xC6\xB7");
            reply.contentType = "application/json;charset=gbk";
            break;
        }
        case Bad::NoDatas:
            data.remove("datas");
            reply.body = QJsonDocument(QJsonObject{{"code", 0}, {"msg", "执行成功"}, {"data", data}})
                             .toJson(QJsonDocument::Compact);
            break;
        case Bad::DatasNotArray:
            data.insert("datas", QJsonObject{{"0", datas.at(0)}});
            reply.body = QJsonDocument(QJsonObject{{"code", 0}, {"msg", "执行成功"}, {"data", data}})
                             .toJson(QJsonDocument::Compact);
            break;
        case Bad::Empty:
            reply.body = QByteArray();
            break;
        }
        return reply;
    }

    ScriptedHttpServer m_server;
    QString m_modified;
    std::optional<Bad> m_bad;
    bool m_once = false;
    int m_badServed = 0;
    qsizetype m_padding = 0;
    qint64 m_endless = 0;
    int m_drips = 0;
};

bool pointAt(IntegrationEnv &env, const QString &url, int attempts)
{
    return env.editProject([&](QJsonObject &root) {
        IntegrationEnv::setAt(root, {"connections", "0", "baseUrl"}, url);
        IntegrationEnv::setAt(root, {"connections", "0", "timeoutMs"}, 10000);
        IntegrationEnv::setAt(root, {"schemes", "0", "sync", "initialSince"}, "DAYS_AGO_3");
        IntegrationEnv::setAt(root, {"schemes", "0", "retry"},
                              QJsonObject{{"attempts", attempts},
                                          {"initialDelayMs", 100},
                                          {"maxDelayMs", 200}});
    });
}

QMap<QString, QString> actualRows(const QString &database)
{
    QMap<QString, QString> rows;
    {
        QSqlDatabase db = openMariaDb("badinput_rows", database);
        QSqlQuery q(db);
        q.exec("SELECT id, items_name FROM purchasein_query");
        while (q.next())
            rows.insert(q.value(0).toString(), q.value(1).toString());
    }
    QSqlDatabase::removeDatabase("badinput_rows");
    QSqlDatabase::removeDatabase("badinput_rows_admin");
    return rows;
}

} // namespace

class TestRelBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void badPage_data()
    {
        QTest::addColumn<int>("bad");
        QTest::addColumn<bool>("once");
        QTest::addColumn<QString>("message");
        const struct {
            const char *name;
            Bad bad;
            const char *message;
        } cases[] = {
            {"HTML error page", Bad::HtmlPage, "the server answered with an HTML page instead of JSON"},
            {"plain text", Bad::PlainText, "the response is not valid JSON"},
            {"GBK instead of UTF-8", Bad::Gbk, "UTF8"},
            {"no datas", Bad::NoDatas, "the response has no data.datas array"},
            {"datas not an array", Bad::DatasNotArray, "the response has no data.datas array"},
            {"empty body", Bad::Empty, "the response body is empty"},
        };
        for (const auto &c : cases) {
            QTest::addRow("%s, lasting", c.name) << int(c.bad) << false << c.message;
            QTest::addRow("%s, once", c.name) << int(c.bad) << true << c.message;
        }
    }

    void badPage()
    {
        QFETCH(int, bad);
        QFETCH(bool, once);
        QFETCH(QString, message);
        FakeJushuitan jst;
        const QString url = jst.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_badinput", &error),
                 qPrintable(error));
        QVERIFY(pointAt(env, url, 3));
        const QMap<QString, QString> expected = jst.expectedRows();
        QCOMPARE(expected.size(), 18);

        jst.setBad(Bad(bad), once);
        RunResult r = runSpinning(env, "run", {"--progress", "jsonl"});
        QVERIFY(jst.badServed() >= 1);
        if (once) {
            // A passing fault: retried, nothing lost, nothing failed.
            QVERIFY2(r.exitCode == 0, describe(r).constData());
            QCOMPARE(actualRows(env.database()), expected);
            QVERIFY(openFailures(env).isEmpty());
            QVERIFY2(r.err.contains(message.toUtf8()), describe(r).constData()); // the retry's log
            return;
        }
        // Lasting: after its retries the run stops, naming the page and what is wrong with it.
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        QCOMPARE(jst.badServed(), 3); // every attempt of the retry policy
        const QString finishedMessage = QString::fromUtf8(r.out);
        QVERIFY2(finishedMessage.contains("reading page 2 of ") && finishedMessage.contains(message) &&
                     finishedMessage.contains("the next run starts again here"),
                 describe(r).constData());
        // Nothing after the bad page is taken as read: no cursor moved past it.
        QVERIFY(!stateCursor(env.statePath(), "purchasein").has_value());
        const QMap<QString, QString> partial = actualRows(env.database());
        for (auto it = partial.begin(); it != partial.end(); ++it)
            QCOMPARE(it.value(), expected.value(it.key())); // whatever was written is right
        // The stored failure says the same (stage fetch), and no record is counted as failed.
        const QList<QJsonObject> failures = openFailures(env);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.first().value("stage").toString(), QStringLiteral("fetch"));
        QVERIFY(failures.first().value("message").toString().contains(message));
        QCOMPARE(countersOf(r).failed, 0);

        // The system is well again: a normal run writes every row, once.
        jst.setBad(std::nullopt, false);
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        r = runSpinning(env, "run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(actualRows(env.database()), expected);
        QCOMPARE(scalarShared(env.database(),
                              "SELECT COUNT(*) - COUNT(DISTINCT id) FROM purchasein_query"), 0);
        QVERIFY(stateCursor(env.statePath(), "purchasein").value_or(0) >= before - 1);
        QVERIFY2(openFailures(env).isEmpty(), qPrintable(failureKeys(env).join('\n')));
    }

    void fetchFailureResolvedByLaterRun()
    {
        FakeJushuitan jst;
        const QString url = jst.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_badinput_stale", &error),
                 qPrintable(error));
        QVERIFY(pointAt(env, url, 2));
        jst.setBad(Bad::NoDatas, false);
        QCOMPARE(runSpinning(env, "run", {"--progress", "quiet"}).exitCode, 3);
        jst.setBad(std::nullopt, false);
        QCOMPARE(runSpinning(env, "run", {"--progress", "quiet"}).exitCode, 0);
        QCOMPARE(actualRows(env.database()), jst.expectedRows());
        const RunResult retry = runSpinning(env, "retry", {"--all", "--progress", "quiet"});
        QCOMPARE(retry.exitCode, 0);
        QVERIFY2(openFailures(env).isEmpty(), qPrintable(failureKeys(env).join('\n')));
    }

    void largePage()
    {
        // A page of ≈ 24 MB (a big unmapped text field in each record) is an answer like
        // another: read, mapped, written.
        FakeJushuitan jst;
        const QString url = jst.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_badinput_large", &error),
                 qPrintable(error));
        QVERIFY(pointAt(env, url, 3));
        jst.setPadding(2 * 1024 * 1024); // 2 M characters, 6 MB of UTF-8, in each of 4 records
        BackgroundRun run;
        run.start(env, {"--progress", "jsonl"});
        qint64 peakKb = 0;
        waitUntil([&] {
            peakKb = std::max(peakKb, residentKb(run.pid()));
            return !run.isRunning();
        }, 120000);
        const RunResult r = run.wait();
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(actualRows(env.database()), jst.expectedRows());
        qInfo("peak RSS of weft-run with a 24 MB page: %lld MB", peakKb / 1024);
    }

    void endlessPage()
    {
        // A page that never ends (2 GiB announced, streamed as fast as weft-run reads): the
        // run must stop with a clear error within bounded memory, not read it all.
        FakeJushuitan jst;
        const QString url = jst.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_badinput_endless", &error),
                 qPrintable(error));
        QVERIFY(pointAt(env, url, 1));
        jst.setEndless(qint64(2) << 30);
        BackgroundRun run;
        run.start(env, {"--progress", "jsonl"});
        qint64 peakKb = 0;
        bool killed = false;
        waitUntil([&] {
            peakKb = std::max(peakKb, residentKb(run.pid()));
            if (peakKb > 1024 * 1024 && run.isRunning()) {
                run.kill9(); // protect the machine: 1 GB is far beyond any sane page
                killed = true;
            }
            return !run.isRunning();
        }, 120000, 5);
        const RunResult r = run.wait();
        qInfo("streamed %lld MB; peak RSS %lld MB", jst.server().streamedBytes() >> 20,
              peakKb / 1024);
        QVERIFY2(!killed, qPrintable(QStringLiteral("weft-run grew beyond 1 GB (%1 MB streamed)")
                                         .arg(jst.server().streamedBytes() >> 20)));
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        // Refused on the announced length: the error says why and what to change.
        QVERIFY2(r.out.contains("exceeded 128 MiB") && r.out.contains("page size"),
                 describe(r).constData());
        QVERIFY(!stateCursor(env.statePath(), "purchasein").has_value());
    }

    void drippingServer()
    {
        // Page 2 comes a byte every 200 ms: never silent for the 1.5 s transfer timeout, so
        // only the whole-request deadline (4 s) ends it. The scheme fails that page within
        // its two attempts, and the next scheme of the run goes ahead.
        FakeJushuitan jst;
        const QString url = jst.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_badinput_drip", &error),
                 qPrintable(error));
        QVERIFY(pointAt(env, url, 2));
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"connections", "0", "timeoutMs"}, 1500);
            IntegrationEnv::setAt(root, {"connections", "0", "deadlineMs"}, 4000);
            QJsonArray schemes = root.value("schemes").toArray();
            QJsonObject second = schemes.at(0).toObject();
            second.insert("name", "purchasein_again");
            schemes.append(second);
            root.insert("schemes", schemes);
        }));
        jst.setDrip(2); // both attempts of the first scheme's page 2
        QElapsedTimer clock;
        clock.start();
        const RunResult r = runSpinning(env, "run", {"--progress", "jsonl"});
        const qint64 ms = clock.elapsed();
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        QVERIFY2(ms < 30000, qPrintable(QStringLiteral("the run took %1 ms").arg(ms)));
        const RunResult history = env.weftRun("history", {"--json"});
        QMap<QString, QJsonObject> runs;
        for (const QJsonValue &v : QJsonDocument::fromJson(history.out).array())
            runs.insert(v.toObject().value("scheme").toString(), v.toObject());
        QCOMPARE(runs.value("purchasein").value("outcome").toString(), QStringLiteral("aborted"));
        QVERIFY2(runs.value("purchasein").value("message").toString().contains("deadlineMs"),
                 history.out.constData());
        QCOMPARE(runs.value("purchasein_again").value("outcome").toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(actualRows(env.database()), jst.expectedRows());
        QVERIFY(!stateCursor(env.statePath(), "purchasein").has_value());
    }
};

QTEST_GUILESS_MAIN(TestRelBadInput)
#include "tst_rel_badinput.moc"
