// The generic HTTP JSON connector against a local JSON API: page, offset, cursor and
// next-link paging, authentication headers, the record path, and as a target the per-record
// verdicts of a 4xx answer.
#include "core/engine/runner.h"
#include "core/model/projectio.h"
#include "core/state/statestore.h"
#include "support/fakehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace weft;
using weft::test::FakeHttpServer;
using weft::test::FakeRequest;
using weft::test::FakeResponse;

class TestHttpJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paging_data();
    void paging();
    void targetRecordVerdicts();
    void recordReadTwiceIsOneRecord();
    void errorAnsweredWithHttp200FailsThePage();
    void everyBodyShapeGivesTheSameRecords_data();
    void everyBodyShapeGivesTheSameRecords();
};

namespace {

QJsonObject item(int i)
{
    return QJsonObject{{"id", QStringLiteral("it-%1").arg(i)},
                       {"name", QStringLiteral("物品%1").arg(i)}};
}

/// 7 items behind every paging style; the token must come as a bearer header.
FakeResponse serveItems(const FakeRequest &r, const QString &style)
{
    if (r.headers.value("authorization") != "Bearer s3cret-token")
        return {401, "application/json", R"({"error":"no"})"};
    const QUrlQuery q(r.url);
    int from = 0;
    int size = 3;
    QJsonObject body;
    if (style == QLatin1String("page") || style.startsWith(QLatin1String("overlap"))) {
        from = (q.queryItemValue("p").toInt() - 1) * q.queryItemValue("n").toInt();
        size = q.queryItemValue("n").toInt();
    } else if (style == QLatin1String("offset")) {
        from = q.queryItemValue("offset").toInt();
        size = q.queryItemValue("limit").toInt();
    } else if (style == QLatin1String("cursor")) {
        from = QJsonDocument::fromJson(r.body).object().value("cursor").toString().toInt();
    } else if (style == QLatin1String("next")) {
        from = q.queryItemValue("from").toInt();
    }
    QJsonArray items;
    // "overlap": each page after the first repeats the last record of the page before, as
    // adjacent time windows both return a record modified at the second they share;
    // "overlap-changed": that repeat differs (another record with the same id).
    const int first = style.startsWith(QLatin1String("overlap")) ? std::max(0, from - 1) : from;
    for (int i = first; i < std::min(from + size, 7); ++i) {
        QJsonObject o = item(i);
        if (i < from && style == QLatin1String("overlap-changed") && i == 2)
            o.insert("name", QStringLiteral("另一个"));
        items.append(o);
    }
    if (style == QLatin1String("cursor") && from + size < 7)
        body.insert("meta", QJsonObject{{"next", QString::number(from + size)}});
    if (style == QLatin1String("next") && from + size < 7)
        body.insert(
            "links",
            QJsonObject{{"next", QStringLiteral("%1?from=%2").arg(r.url.path()).arg(from + size)}});
    body.insert("result", QJsonObject{{"items", items}});
    return {200, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

Project project(const QString &baseUrl, const QJsonObject &sourceMeta, const QJsonObject &target,
                const QJsonObject &targetMeta)
{
    const QJsonObject root{
        {"format", "weft-project"},
        {"version", 1},
        {"connections",
         QJsonArray{QJsonObject{{"name", "api"},
                                {"type", "http_json"},
                                {"baseUrl", baseUrl},
                                {"account",
                                 QJsonObject{{"auth", "bearer"},
                                             {"token", QJsonObject{{"env", "WEFT_TEST_TOKEN"}}}}}},
                    target}},
        {"schemes", QJsonArray{QJsonObject{
                        {"name", "s"},
                        {"source", QJsonObject{{"connection", "api"}, {"metadata", sourceMeta}}},
                        {"target", QJsonObject{{"connection", target.value("name")},
                                               {"metadata", targetMeta}}},
                        {"retry", QJsonObject{{"attempts", 2}, {"initialDelayMs", 10}}}}}}};
    ProjectLoadResult r = loadProject(QJsonDocument(root).toJson());
    for (const Diagnostic &d : r.diagnostics) {
        if (d.isError())
            qWarning("%s", qPrintable(d.toString()));
    }
    return r.project.value_or(Project{});
}

int run(const Project &p, StateStore *state, QList<RunInfo> *results = nullptr)
{
    qputenv("WEFT_TEST_TOKEN", "s3cret-token");
    Runner runner(p, state);
    QSignalSpy finished(&runner, &Runner::finished);
    runner.start({});
    if (!finished.wait(30000))
        return -1;
    if (results)
        *results = runner.results();
    return finished.first().first().toInt();
}

/// Runs a project of `source` into the local store of a fresh state store in `dir`: the
/// run's exit code (-2 when the store cannot be opened).
int runIntoLocalStore(const QString &baseUrl, const QJsonObject &source, const QTemporaryDir &dir,
                      std::unique_ptr<StateStore> *state, QList<RunInfo> *results)
{
    const Project p =
        project(baseUrl, source, QJsonObject{{"name", "local"}, {"type", "local_store"}},
                QJsonObject{{"api", "写入空操作"}});
    QString error;
    *state = StateStore::open(dir.filePath("s.sqlite"), &error);
    if (!*state) {
        qWarning("cannot open the state store: %s", qPrintable(error));
        return -2;
    }
    return run(p, state->get(), results);
}

} // namespace

void TestHttpJson::paging_data()
{
    QTest::addColumn<QString>("style");
    QTest::addColumn<QJsonObject>("paging");
    QTest::addColumn<int>("requests");
    QTest::newRow("page")
        << "page"
        << QJsonObject{{"type", "page"}, {"pageParam", "p"}, {"sizeParam", "n"}, {"size", 3}} << 3;
    QTest::newRow("offset") << "offset" << QJsonObject{{"type", "offset"}, {"size", 3}} << 3;
    QTest::newRow("cursor") << "cursor"
                            << QJsonObject{{"type", "cursor"},
                                           {"cursorParam", "cursor"},
                                           {"cursorPath", "meta.next"}}
                            << 3;
    QTest::newRow("next link") << "next"
                               << QJsonObject{{"type", "next"}, {"nextPath", "links.next"}} << 3;
}

void TestHttpJson::paging()
{
    QFETCH(QString, style);
    QFETCH(QJsonObject, paging);
    QFETCH(int, requests);
    FakeHttpServer server([style](const FakeRequest &r) { return serveItems(r, style); });
    QVERIFY(server.listen());
    QJsonObject source{{"api", "/v1/items"},
                       {"method", style == QLatin1String("cursor") ? "POST" : "GET"},
                       {"id", "id"},
                       {"responsePath", "result.items"},
                       {"paging", paging}};
    QTemporaryDir dir;
    std::unique_ptr<StateStore> state;
    QList<RunInfo> results;
    QCOMPARE(runIntoLocalStore(server.baseUrl(), source, dir, &state, &results), 0);
    QCOMPARE(results.first().counters.read, 7);
    QCOMPARE(results.first().counters.written, 7);
    QCOMPARE(state->localCount("s"), 7);
    QCOMPARE(int(server.requests().size()), requests);
}

void TestHttpJson::targetRecordVerdicts()
{
    // Source: 7 items; target: a JSON API that refuses one record with 422 and the reason.
    FakeHttpServer api([](const FakeRequest &r) {
        if (r.url.path() == QLatin1String("/v1/items"))
            return serveItems(r, QStringLiteral("page"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (body.value("code").toString() == QLatin1String("it-4"))
            return FakeResponse{422, "application/json", R"({"error":"code it-4 is blocked"})"};
        return FakeResponse{
            201, "application/json",
            QJsonDocument(QJsonObject{{"id", body.value("code")}}).toJson(QJsonDocument::Compact)};
    });
    QVERIFY(api.listen());
    const Project p = project(
        api.baseUrl(),
        QJsonObject{
            {"api", "/v1/items"},
            {"method", "GET"},
            {"id", "id"},
            {"responsePath", "result.items"},
            {"paging",
             QJsonObject{{"type", "page"}, {"pageParam", "p"}, {"sizeParam", "n"}, {"size", 3}}}},
        QJsonObject{{"name", "sink"},
                    {"type", "http_json"},
                    {"baseUrl", api.baseUrl()},
                    {"account", QJsonObject{{"auth", "bearer"},
                                            {"token", QJsonObject{{"env", "WEFT_TEST_TOKEN"}}}}}},
        QJsonObject{
            {"api", "/v1/sink"},
            {"method", "POST"},
            {"request", QJsonArray{QJsonObject{{"field", "code"}, {"value", "{id}"}},
                                   QJsonObject{{"field", "title"},
                                               {"value", "_function CONCAT('#', '{name}')"}}}}});
    QTemporaryDir dir;
    QString error;
    auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
    QList<RunInfo> results;
    QCOMPARE(run(p, state.get(), &results), 1);
    QCOMPARE(results.first().counters.written, 6);
    QCOMPARE(results.first().counters.failed, 1);
    const QList<FailedRecord> failed = state->failedRecords({});
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().recordId, QStringLiteral("it-4"));
    QCOMPARE(failed.first().errorCode, QStringLiteral("HTTP 422"));
    QVERIFY(failed.first().message.contains("blocked"));
    QCOMPARE(failed.first().targetPayload.value("title").toString(), QStringLiteral("#物品4"));
    int posts = 0;
    QSet<QByteArray> keys;
    for (const FakeRequest &r : api.requests()) {
        if (r.method != "POST")
            continue;
        ++posts;
        // Each record carries its own idempotency key (the same in every run while the
        // record is the same), for receivers that recognise a record sent again.
        const QByteArray key = r.headers.value("idempotency-key");
        QCOMPARE(key.size(), 40);
        keys.insert(key);
    }
    QCOMPARE(posts, 7);
    QCOMPARE(keys.size(), 7);
}

void TestHttpJson::errorAnsweredWithHttp200FailsThePage()
{
    // An API that reports its error in the body of an HTTP 200, with an empty list beside it:
    // read as a page, the run would see no records and move the cursor past the window.
    FakeHttpServer api([](const FakeRequest &) {
        return FakeResponse{200, "application/json",
                            R"({"code":500,"message":"internal error","errors":[]})"};
    });
    QVERIFY(api.listen());
    const QJsonObject ruled{{"api", "/v1/items"},
                            {"method", "GET"},
                            {"id", "id"},
                            {"successPath", "code"},
                            {"successValue", QJsonArray{0, 200}},
                            {"paging", QJsonObject{{"type", "none"}}}};
    QTemporaryDir dir;
    std::unique_ptr<StateStore> state;
    QList<RunInfo> results;
    QCOMPARE(runIntoLocalStore(api.baseUrl(), ruled, dir, &state, &results), 3);
    QCOMPARE(results.first().outcome, RunOutcome::Aborted);
    QVERIFY2(results.first().message.contains("code is 500") &&
                 results.first().message.contains("internal error"),
             qPrintable(results.first().message));
    FailedFilter fetch;
    fetch.stage = FailureStage::Fetch;
    QCOMPARE(state->failedRecords(fetch).size(), 1);
    QVERIFY(!state->cursor("s")); // the window is read again next time
    QCOMPARE(state->localCount("s"), 0);

    // The same with an error path instead of a success rule.
    FakeHttpServer failing([](const FakeRequest &) {
        return FakeResponse{200, "application/json",
                            R"({"data":{"items":[]},"error":{"message":"token expired"}})"};
    });
    QVERIFY(failing.listen());
    QTemporaryDir dir2;
    QJsonObject errorPath = ruled;
    errorPath.remove("successPath");
    errorPath.remove("successValue");
    errorPath.insert("responsePath", "data.items");
    errorPath.insert("errorPath", "error");
    QCOMPARE(runIntoLocalStore(failing.baseUrl(), errorPath, dir2, &state, &results), 3);
    QVERIFY2(results.first().message.contains("reports an error at error"),
             qPrintable(results.first().message));
    QVERIFY(!state->cursor("s"));

    // A successful answer passes the rule.
    FakeHttpServer fine([](const FakeRequest &r) {
        FakeResponse page = serveItems(r, QStringLiteral("none"));
        QJsonObject body = QJsonDocument::fromJson(page.body).object();
        body.insert("status", "ok");
        page.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return page;
    });
    QVERIFY(fine.listen());
    QTemporaryDir dir3;
    QJsonObject ok = ruled;
    ok.insert("successPath", "status");
    ok.insert("successValue", "ok");
    ok.insert("responsePath", "result.items");
    QCOMPARE(runIntoLocalStore(fine.baseUrl(), ok, dir3, &state, &results), 0);
    QVERIFY(state->localCount("s") > 0);
}

void TestHttpJson::recordReadTwiceIsOneRecord()
{
    // Pages of 3: [0 1 2] [2 3 4 5] [5 6] — items 2 and 5 come twice, while the first copy
    // still waits in the buffer for its batch.
    for (const QString style : {QStringLiteral("overlap"), QStringLiteral("overlap-changed")}) {
        FakeHttpServer server([style](const FakeRequest &r) { return serveItems(r, style); });
        QVERIFY(server.listen());
        const QJsonObject source{
            {"api", "/v1/items"},
            {"method", "GET"},
            {"id", "id"},
            {"responsePath", "result.items"},
            {"paging",
             QJsonObject{{"type", "page"}, {"pageParam", "p"}, {"sizeParam", "n"}, {"size", 3}}}};
        QTemporaryDir dir;
        std::unique_ptr<StateStore> state;
        QList<RunInfo> results;
        const int exitCode = runIntoLocalStore(server.baseUrl(), source, dir, &state, &results);
        QVERIFY(state);
        const RunCounters c = results.first().counters;
        QCOMPARE(c.read, 9);
        QCOMPARE(c.written, 7);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        QCOMPARE(state->localCount("s"), 7);
        if (style == QLatin1String("overlap")) {
            // The same record twice is one record: no failure.
            QCOMPARE(exitCode, 0);
            QCOMPARE(c.skipped, 2);
            QVERIFY(state->failedRecords({}).isEmpty());
        } else {
            // Two different records with one id: the second fails, with its payload.
            QCOMPARE(exitCode, 1);
            QCOMPARE(c.skipped, 1);
            const QList<FailedRecord> failed = state->failedRecords({});
            QCOMPARE(failed.size(), 1);
            QCOMPARE(failed.first().errorCode, QStringLiteral("duplicate id"));
            QCOMPARE(failed.first().recordId, QStringLiteral("it-2"));
            QCOMPARE(failed.first().sourcePayload.value("name").toString(),
                     QStringLiteral("另一个"));
        }
    }
}

void TestHttpJson::everyBodyShapeGivesTheSameRecords_data()
{
    // Pages are read as tapes (records read field by field, no objects built) where the
    // tape reads the body exactly as QJsonDocument would; the rest takes the object path.
    // Either way the same records arrive.
    QTest::addColumn<QString>("responsePath");
    QTest::addColumn<QByteArray>("before"); // the body around the items array
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<bool>("rawTab"); // item 3's name holds a raw tab (not strict JSON)
    QTest::newRow("tape: a path") << "result.items" << QByteArray(R"({"result":{"items":)")
                                  << QByteArray("}}") << false;
    QTest::newRow("tape: the root array") << "" << QByteArray() << QByteArray() << false;
    QTest::newRow("tape: an index in the path")
        << "result.1.items" << QByteArray(R"({"result":[{"items":[{"id":"decoy"}]},{"items":)")
        << QByteArray("}]}") << false;
    QTest::newRow("tape: duplicate keys, the last counts")
        << "result.items" << QByteArray(R"({"result":{"items":[{"id":"decoy"}],"items":)")
        << QByteArray("}}") << false;
    QTest::newRow("objects: the root's first array")
        << "" << QByteArray(R"({"meta":{"n":7},"items":)") << QByteArray("}") << false;
    QTest::newRow("objects: a byte order mark") << "result.items"
                                                << QByteArray("\xEF\xBB\xBF"
                                                              R"({"result":{"items":)")
                                                << QByteArray("}}") << false;
    QTest::newRow("objects: a raw tab in a string")
        << "result.items" << QByteArray(R"({"result":{"items":)") << QByteArray("}}") << true;
}

void TestHttpJson::everyBodyShapeGivesTheSameRecords()
{
    QFETCH(QString, responsePath);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(bool, rawTab);
    QJsonArray items;
    for (int i = 0; i < 7; ++i) {
        QJsonObject o = item(i);
        o.insert("qty", i * 1.5);
        o.insert("tags", QJsonArray{"a", i});
        if (rawTab && i == 3)
            o.insert("name", QStringLiteral("物品\t3"));
        items.append(o);
    }
    QByteArray list = QJsonDocument(items).toJson(QJsonDocument::Compact);
    if (rawTab)
        list.replace("\\t", "\t"); // the escape as the raw character
    const QByteArray body = before + list + after;
    FakeHttpServer server([body](const FakeRequest &r) {
        if (r.headers.value("authorization") != "Bearer s3cret-token")
            return FakeResponse{401, "application/json", R"({"error":"no"})"};
        return FakeResponse{200, "application/json", body};
    });
    QVERIFY(server.listen());
    QJsonObject source{{"api", "/v1/items"},
                       {"method", "GET"},
                       {"id", "id"},
                       {"paging", QJsonObject{{"type", "none"}}}};
    if (!responsePath.isEmpty())
        source.insert("responsePath", responsePath);
    QTemporaryDir dir;
    std::unique_ptr<StateStore> state;
    QList<RunInfo> results;
    QCOMPARE(runIntoLocalStore(server.baseUrl(), source, dir, &state, &results), 0);
    QCOMPARE(results.first().counters.read, 7);
    QCOMPARE(state->localCount("s"), 7);
    QMap<QString, QJsonObject> stored;
    QVERIFY(state->forEachLocal(
        "s", [&](const QString &id, const QJsonObject &o) { stored.insert(id, o); }));
    for (const QJsonValue &v : std::as_const(items)) {
        const QJsonObject expected = v.toObject();
        QCOMPARE(stored.value(expected.value("id").toString()), expected);
    }
}

QTEST_GUILESS_MAIN(TestHttpJson)
#include "tst_httpjson.moc"
