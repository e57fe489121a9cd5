// The catalogue walk (issue 19): every endpoint of resources/catalog against weft-mock.
//
// - A QUERY endpoint Weft's connector can read is previewed by the real weft-run on a project
//   made from the entry (catalogMetadata()): the records must carry every declared field,
//   with values of the declared type, and every element of a declared array its own fields.
// - A QUERY the connector cannot read yet (connectorSupport "unsupported" or "partial":
//   Jushuitan orders and inventory, whose records are not in data.datas; Jushuitan suppliers,
//   whose 1-day window the connector does not keep; DingTalk instance ids, users,
//   departments, attendance) is asked over HTTP here, signed by the mock tests' own client,
//   and its answer checked the same way.
// - An EXECUTE endpoint is run by weft-run (a record seeded in the local store, mapped onto
//   every field of the save) and read back from the mock: from /_mock/written and through the
//   query its saves land in. The Jushuitan shipping upload, which has no target connector, is
//   sent over HTTP and read back the same way.
//
// The counts per system (weft-run / HTTP) are printed at the end and checked to cover the
// whole catalogue.
#include "catalogwalk.h"
#include "core/catalog/catalogmetadata.h"
#include "core/state/statestore.h"
#include "examplechecks.h"
#include "mock/mockclient.h"

#include <QFile>

using namespace weft;
using namespace weft::test;

namespace {

/// How each system was walked: [0] queries by weft-run, [1] queries over HTTP, [2] saves by
/// weft-run, [3] saves over HTTP.
using Tally = QMap<QString, std::array<int, 4>>;

/// Deviations of the hand-written datasets (which the example projects were built on, before
/// the catalogue) from the catalogue's declared types: kept as they are, listed here so a
/// new one fails the walk. docs/mock.md names them.
const QHash<QString, QSet<QString>> kTypeExempt = {
    {QStringLiteral("jushuitan/purchasein.query"),
     {QStringLiteral("wh_id"), QStringLiteral("archived"), QStringLiteral("items[].tax_rate")}},
};

QJsonObject jsonOf(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

/// The value at a dotted path ("data.orders", "result.list"); the body itself for "".
QJsonValue at(const QJsonObject &body, const QString &path)
{
    QJsonValue v = body;
    for (const QString &key : path.split(u'.', Qt::SkipEmptyParts))
        v = v.toObject().value(key);
    return v;
}

/// One data row per catalogue endpoint: the queries, or the saves.
void addEndpointRows(bool queries)
{
    QTest::addColumn<QString>("ref");
    for (const QString &ref : Catalog::builtin()->refs()) {
        if (Catalog::builtin()->endpoint(ref)->isQuery() == queries)
            QTest::newRow(qPrintable(ref)) << ref;
    }
}

} // namespace

class TestCatalogWalk : public QObject
{
    Q_OBJECT

    IntegrationEnv m_env;
    std::shared_ptr<const Catalog> m_catalog;
    std::unique_ptr<MockClient> m_client;
    References m_refs;
    Tally m_tally;
    int m_saves = 0;

    MockClient &client() { return *m_client; }

    /// Runs weft-run on `project` (written over the copied project file).
    RunResult weftRun(const QJsonObject &project, const QString &command, const QStringList &args)
    {
        if (!m_env.editProject([&](QJsonObject &root) { root = project; }))
            qFatal("cannot write the walk's project");
        return m_env.weftRun(command, args);
    }

    void checkRecords(const CatalogEndpoint &e, const QJsonArray &records,
                      const QSet<QString> &skip = {})
    {
        QVERIFY2(!records.isEmpty(), qPrintable(e.ref() + QStringLiteral(": no records")));
        QStringList problems;
        for (const QJsonValue &r : records)
            checkFields(r.toObject(), e.fields, QString(), skip, kTypeExempt.value(e.ref()),
                        &problems);
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(),
                 qPrintable(e.ref() + QStringLiteral(": ") + problems.join(QStringLiteral("; "))));
    }

    // ---- queries ------------------------------------------------------------------------

    void previewQuery(const CatalogEndpoint &e)
    {
        QJsonObject meta = catalogMetadata(e).json();
        // A required parameter the catalogue has no value for is the account's own: the
        // approval template code is the mock's (docs/mock.md), as a user would type it.
        QJsonArray request = meta.value(QLatin1String("request")).toArray();
        for (qsizetype i = 0; i < request.size(); ++i) {
            QJsonObject p = request.at(i).toObject();
            if (p.value(QLatin1String("field")).toString() == QLatin1String("process_code"))
                p.insert(QStringLiteral("value"), QStringLiteral("PROC-WEFT-REBATE"));
            request.replace(i, p);
        }
        meta.insert(QStringLiteral("request"), request);
        const QJsonObject project =
            walkProject({mockConnection(QStringLiteral("src"), e.system),
                         QJsonObject{{"name", "local"}, {"type", "local_store"}}},
                        {{"connection", "src"}, {"metadata", meta}},
                        {{"connection", "local"},
                         {"metadata", QJsonObject{{"api", QStringLiteral("写入空操作")},
                                                  {"effect", "EXECUTE"},
                                                  {"method", "POST"},
                                                  {"idCheck", true}}}});
        const RunResult r = weftRun(project, QStringLiteral("preview"),
                                    {QStringLiteral("--scheme"), QStringLiteral("walk"),
                                     QStringLiteral("--limit"), QStringLiteral("40")});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonArray records = jsonOf(r.out).value(QLatin1String("source_records")).toArray();
        if (e.ref() != QLatin1String("dingtalk/processinstance.get")) {
            checkRecords(e, records);
            return;
        }
        // DingTalkSource turns the form's components into fields named by their labels (a
        // table into an array of rows): check those instead of form_component_values.
        checkRecords(e, records, {QStringLiteral("form_component_values")});
        const QJsonObject truth = m_env.control("GET", "/_mock/records/dd-instances?limit=1")
                                      .object()
                                      .value(QLatin1String("records"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        const QJsonArray components = truth.value(QLatin1String("process_instance"))
                                          .toObject()
                                          .value(QLatin1String("form_component_values"))
                                          .toArray();
        QVERIFY(!components.isEmpty());
        for (const QJsonValue &r : records) {
            for (const QJsonValue &c : components) {
                const QString label = c.toObject().value(QLatin1String("name")).toString();
                QVERIFY2(r.toObject().contains(label), qPrintable(label));
            }
        }
    }

    void httpQuery(const CatalogEndpoint &e)
    {
        QJsonArray records;
        if (e.system == QLatin1String("jushuitan")) {
            QJsonObject biz{{"page_index", 1},
                            {"page_size",
                             std::min(50, e.paging->maxPageSize > 0 ? e.paging->maxPageSize : 50)}};
            if (e.window) {
                const qint64 days = qint64(e.window->maxSpanDays > 0 ? e.window->maxSpanDays : 7);
                biz.insert(e.window->startParam, chinaTime(-days * 86400 + 60));
                biz.insert(e.window->endParam, chinaTime());
                // The documented maximum is kept: one day more is refused (code 120).
                QJsonObject wider = biz;
                wider.insert(e.window->startParam, chinaTime(-(days + 1) * 86400));
                const QJsonObject refused = client().jst(e.api, wider).object();
                QCOMPARE(refused.value(QLatin1String("code")).toInt(), 120);
            }
            const QJsonObject answer = client().jst(e.api, biz).object();
            QVERIFY2(answer.value(QLatin1String("code")).toInt(-1) == 0,
                     QJsonDocument(answer).toJson().left(600).constData());
            records = at(answer, e.recordPath).toArray();
        } else {
            QCOMPARE(e.system, QStringLiteral("dingtalk")); // JDY and K3Cloud: all supported
            dingTalkRecords(e, &records);
            if (QTest::currentTestFailed())
                return;
        }
        if (e.fields.size() == 1 && e.fields.at(0).name == QLatin1String("value")) {
            // Scalar records (instance ids): each a value of the declared type.
            QVERIFY(!records.isEmpty());
            for (const QJsonValue &v : records)
                QVERIFY(hasType(v, e.fields.at(0).type));
            return;
        }
        checkRecords(e, records);
    }

    void dingTalkRecords(const CatalogEndpoint &e, QJsonArray *records)
    {
        // The body from the catalogue: paging and window parameters by role, defaults as
        // given, the account's own values for the required ones without a default.
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        QJsonObject body;
        QStringList users;
        for (const CatalogParam &p : e.request) {
            if (p.role == QLatin1String("windowStart") || p.role == QLatin1String("windowEnd")) {
                const qint64 days = qint64(e.window && e.window->maxSpanDays > 0
                                               ? std::min(30.0, e.window->maxSpanDays)
                                               : 30);
                const qint64 secs = p.role == QLatin1String("windowStart") ? -days * 86400 + 60 : 0;
                if (e.window->format == QLatin1String("epochMillis"))
                    body.insert(p.field, nowMs + secs * 1000);
                else
                    body.insert(p.field, chinaTime(secs));
            } else if (p.field == QLatin1String("process_code")) {
                body.insert(p.field, QStringLiteral("PROC-WEFT-REBATE"));
            } else if (p.field == QLatin1String("userIdList")) {
                users = attendanceUsers(e, nowMs);
                body.insert(p.field, QJsonArray::fromStringList(users));
            } else if (p.value.isString() && !p.value.toString().isEmpty() &&
                       !p.value.toString().startsWith(u'_') &&
                       !p.value.toString().startsWith(u'{')) {
                body.insert(p.field, p.type == QLatin1String("int")
                                         ? QJsonValue(p.value.toString().toLongLong())
                                         : p.value);
            }
        }
        const QJsonObject answer =
            client()
                .postJson(
                    QStringLiteral("/dingtalk/%1?access_token=%2").arg(e.api, client().ddToken()),
                    body)
                .object();
        if (answer.value(QLatin1String("errcode")).toInt(-1) != 0)
            qWarning("%s", QJsonDocument(answer).toJson().left(600).constData());
        if (!users.isEmpty()) {
            // Attendance: exactly the results of the chosen users in the window.
            QSet<QString> got;
            for (const QJsonValue &r : at(answer, e.recordPath).toArray())
                got.insert(r.toObject().value(QLatin1String("userId")).toString());
            QCOMPARE(got, QSet<QString>(users.begin(), users.end()));
        }
        *records = at(answer, e.recordPath).toArray();
    }

    /// Users with attendance results in the last week (from the mock's truth): the
    /// attendance walk asks for them.
    QStringList attendanceUsers(const CatalogEndpoint &e, qint64 nowMs)
    {
        QStringList users;
        const QJsonArray all =
            m_env.control("GET", QStringLiteral("/_mock/records/%1?limit=10000").arg(e.ref()))
                .object()
                .value(QLatin1String("records"))
                .toArray();
        for (const QJsonValue &v : all) {
            const QJsonObject r = v.toObject();
            const qint64 workDate = r.value(QLatin1String("workDate")).toString().toLongLong();
            const QString user = r.value(QLatin1String("userId")).toString();
            if (workDate > nowMs - 6 * 86400000LL && workDate < nowMs && !users.contains(user))
                users << user;
        }
        while (users.size() > 50)
            users.removeLast();
        return users;
    }

    // ---- saves --------------------------------------------------------------------------

    void runSave(const CatalogEndpoint &e)
    {
        const QString number = QStringLiteral("WALK%1").arg(++m_saves, 3, 10, QChar(u'0'));
        QJsonObject record{{"id", QStringLiteral("walk-%1").arg(m_saves)}};
        QJsonObject meta = catalogMetadata(e).json();
        QJsonArray request = meta.value(QLatin1String("request")).toArray();
        QJsonObject written; // field → value (children: entry → [line])
        for (qsizetype i = 0; i < request.size(); ++i) {
            QJsonObject entry = request.at(i).toObject();
            const QString field = entry.value(QLatin1String("field")).toString();
            const CatalogParam *p = nullptr;
            for (const CatalogParam &c : e.request)
                p = c.field == field ? &c : p;
            QVERIFY2(p, qPrintable(field));
            if (!p->children.isEmpty()) {
                // One detail line, read from the same record ({{list.x}}).
                QJsonArray children = entry.value(QLatin1String("children")).toArray();
                QJsonObject line;
                for (qsizetype k = 0; k < children.size(); ++k) {
                    QJsonObject child = children.at(k).toObject();
                    const QString name = child.value(QLatin1String("field")).toString();
                    for (const CatalogParam &c : p->children) {
                        if (c.field != name)
                            continue;
                        if (const auto v = walkValue(e, c, number, m_refs)) {
                            record.insert(QStringLiteral("line_") + name, *v);
                            child.insert(QStringLiteral("value"),
                                         QStringLiteral("{{list.line_%1}}").arg(name));
                            line.insert(name, *v);
                        } else if (!c.value.isUndefined()) {
                            line.insert(name, c.value);
                        }
                    }
                    children.replace(k, child);
                }
                entry.insert(QStringLiteral("children"), children);
                written.insert(field, QJsonArray{line});
            } else if (const auto v = walkValue(e, *p, number, m_refs)) {
                record.insert(field, *v);
                entry.insert(QStringLiteral("value"), QStringLiteral("{{%1}}").arg(field));
                written.insert(field, *v);
            } else if (!p->value.isUndefined()) {
                written.insert(field, p->value);
            }
            request.replace(i, entry);
        }
        meta.insert(QStringLiteral("request"), request);
        if (!meta.contains(QLatin1String("documentKey")) && e.system.contains(QLatin1String("k3")))
            meta.insert(QStringLiteral("documentKey"), QStringLiteral("{id}"));

        // The record comes from the local store, seeded here as another scheme would have.
        QFile::remove(m_env.statePath());
        {
            QString error;
            auto state = StateStore::open(m_env.statePath(), &error);
            QVERIFY2(state, qPrintable(error));
            QVERIFY(state->upsertLocal(QStringLiteral("seed"), {record},
                                       {record.value(QLatin1String("id")).toString()}));
        }
        const QJsonObject project =
            walkProject({QJsonObject{{"name", "local"}, {"type", "local_store"}},
                         mockConnection(QStringLiteral("dst"), e.system)},
                        {{"connection", "local"},
                         {"metadata", QJsonObject{{"api", "seed"},
                                                  {"effect", "QUERY"},
                                                  {"method", "POST"},
                                                  {"id", "id"},
                                                  {"idCheck", true}}}},
                        {{"connection", "dst"}, {"metadata", meta}});
        const RunResult r = weftRun(project, QStringLiteral("run"),
                                    {QStringLiteral("--progress"), QStringLiteral("jsonl")});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).written, 1);
        if (e.system == QLatin1String("kingdee_jdy"))
            readBackJdy(e, number, written);
        else
            readBackK3(e, number, written);
    }

    void readBackJdy(const CatalogEndpoint &e, const QString &number, const QJsonObject &written)
    {
        // What the mock keeps …
        const QString entity = e.id.section(u'.', 0, 0) + u's';
        QJsonObject kept;
        for (const QJsonValue &v : m_env.control("GET", "/_mock/written")
                                       .object()
                                       .value(QLatin1String("jdy"))
                                       .toObject()
                                       .value(entity)
                                       .toArray()) {
            if (v.toObject().value(e.numberField).toString() == number)
                kept = v.toObject();
        }
        // … and what its list answers, found by the number as JDY's search finds it.
        const QString token = client().jdyAppToken();
        const QJsonArray rows =
            jsonOf(client().jdy("GET", e.api, {{"search", number}}, {}, token).body)
                .value(QLatin1String("data"))
                .toObject()
                .value(QLatin1String("rows"))
                .toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject listed = rows.at(0).toObject();
        for (auto it = written.begin(); it != written.end(); ++it) {
            QCOMPARE(walkText(kept.value(it.key())), walkText(it.value()));
            QCOMPARE(walkText(listed.value(it.key())), walkText(it.value()));
        }
        const CatalogEndpoint *list = listOf(e);
        QVERIFY(list);
        QStringList problems;
        checkFields(listed, list->fields, QString(), {}, {}, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void readBackK3(const CatalogEndpoint &e, const QString &number, const QJsonObject &written)
    {
        const QString formId = e.other(QStringLiteral("FormId"));
        QJsonObject model;
        for (const QJsonValue &v : m_env.control("GET", "/_mock/written")
                                       .object()
                                       .value(QLatin1String("k3cloud"))
                                       .toObject()
                                       .value(QLatin1String("documents"))
                                       .toArray()) {
            const QJsonObject d = v.toObject();
            if (d.value(QLatin1String("FormId")).toString() == formId &&
                d.value(QLatin1String("Number")).toString() == number)
                model = d.value(QLatin1String("Model")).toObject();
        }
        QVERIFY2(!model.isEmpty(), qPrintable(number + QStringLiteral(" not kept")));
        for (auto it = written.begin(); it != written.end(); ++it) {
            if (it.value().isArray()) {
                const QJsonObject line = it.value().toArray().at(0).toObject();
                const QJsonObject savedLine = model.value(it.key()).toArray().at(0).toObject();
                for (auto l = line.begin(); l != line.end(); ++l)
                    QCOMPARE(walkText(savedLine.value(l.key())), walkText(l.value()));
            } else {
                QCOMPARE(walkText(model.value(it.key())), walkText(it.value()));
            }
        }
        // The form's query finds it by number, its fields filled from what was saved.
        const CatalogEndpoint *query = listOf(e);
        QVERIFY(query);
        QVERIFY(client().k3Login());
        const QString keys = query->other(QStringLiteral("FieldKeys"));
        const QJsonArray rows =
            client()
                .k3(QStringLiteral("DynamicFormService.ExecuteBillQuery"),
                    {{"data",
                      QJsonObject{{"FormId", formId},
                                  {"FieldKeys", keys},
                                  {"FilterString",
                                   QStringLiteral("%1 = '%2'").arg(e.numberField, number)}}}})
                .array();
        QCOMPARE(rows.size(), 1); // one document, one line
        const QStringList names = keys.split(u',');
        const QJsonArray row = rows.at(0).toArray();
        QCOMPARE(row.size(), names.size());
        int compared = 0;
        for (qsizetype k = 0; k < names.size(); ++k) {
            const QString head = names.at(k).section(u'.', 0, 0);
            const bool base = names.at(k).section(u'.', 1).compare(QLatin1String("FNumber"),
                                                                   Qt::CaseInsensitive) == 0;
            if (names.at(k).contains(u'.') && !base)
                continue; // a base data's name: not written
            for (auto it = written.begin(); it != written.end(); ++it) {
                QJsonObject source = written;
                if (it.value().isArray())
                    source = it.value().toArray().at(0).toObject();
                for (auto w = source.begin(); w != source.end(); ++w) {
                    if (w.key().compare(head, Qt::CaseInsensitive) != 0 || w.value().isArray())
                        continue;
                    QCOMPARE(walkText(row.at(k)), walkText(w.value()));
                    ++compared;
                }
            }
        }
        QVERIFY2(compared >= 3, qPrintable(QStringLiteral("%1 fields compared").arg(compared)));
        QJsonObject asRecord;
        for (qsizetype k = 0; k < names.size(); ++k)
            asRecord.insert(names.at(k), row.at(k));
        QStringList problems;
        checkFields(asRecord, query->fields, QString(), {}, {}, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    /// The Jushuitan shipping upload: no target connector, so sent here over HTTP; it sets
    /// the order's logistics, which orders.query then answers.
    void httpUpload(const CatalogEndpoint &e)
    {
        const QJsonArray orders = m_env
                                      .control("GET", "/_mock/records/jushuitan/orders.query"
                                                      "?offset=0&limit=2")
                                      .object()
                                      .value(QLatin1String("records"))
                                      .toArray();
        QCOMPARE(orders.size(), 2);
        const qint64 order = orders.at(0).toObject().value(QLatin1String("o_id")).toInteger();
        const qint64 other = orders.at(1).toObject().value(QLatin1String("o_id")).toInteger();
        QJsonObject shipment;
        for (const CatalogParam &p : e.request) {
            if (const auto v = walkValue(e, p, QStringLiteral("WALKSF0001"), m_refs))
                shipment.insert(p.field, *v);
        }
        shipment.insert(QStringLiteral("o_id"), order);
        shipment.insert(QStringLiteral("lc_id"), QStringLiteral("SF"));
        shipment.insert(QStringLiteral("send_by_used_lid"), false);
        const QJsonObject answer = client().jstArray(e.api, {shipment}).object();
        QCOMPARE(answer.value(QLatin1String("code")).toInt(-1), 0);
        QCOMPARE(answer.value(QLatin1String("issuccess")).toBool(), true);

        // Kept, and the order answers with it.
        bool kept = false;
        for (const QJsonValue &v : m_env.control("GET", "/_mock/written")
                                       .object()
                                       .value(QLatin1String("jushuitan"))
                                       .toObject()
                                       .value(QLatin1String("shipments"))
                                       .toArray())
            kept = kept || v.toObject().value(QLatin1String("l_id")) == shipment.value("l_id");
        QVERIFY(kept);
        const CatalogEndpoint *query = listOf(e);
        QVERIFY(query);
        const QJsonObject listed =
            client()
                .jst(query->api,
                     {{"page_index", 1}, {"page_size", 10}, {"o_ids", QJsonArray{order}}})
                .object();
        const QJsonArray found = at(listed, query->recordPath).toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).toObject().value(QLatin1String("l_id")), shipment.value("l_id"));
        QCOMPARE(found.at(0).toObject().value(QLatin1String("lc_id")), shipment.value("lc_id"));
        checkRecords(*query, found);

        // The documentation's rule: a tracking number serves one order unless
        // send_by_used_lid says otherwise; a missing required field fails that shipment.
        shipment.insert(QStringLiteral("o_id"), other);
        const QJsonObject again = client().jstArray(e.api, {shipment}).object();
        QCOMPARE(again.value(QLatin1String("issuccess")).toBool(), false);
        shipment.insert(QStringLiteral("send_by_used_lid"), true);
        QCOMPARE(client().jstArray(e.api, {shipment}).object().value("issuccess").toBool(), true);
        QJsonObject incomplete = shipment;
        incomplete.remove(QStringLiteral("lc_id"));
        QCOMPARE(client().jstArray(e.api, {incomplete}).object().value("issuccess").toBool(),
                 false);
    }

    /// The query a save's records are read back from: the same api (JDY), FormId (K3Cloud),
    /// or id key (the Jushuitan upload names orders).
    const CatalogEndpoint *listOf(const CatalogEndpoint &save) const
    {
        for (const CatalogEndpoint &q : m_catalog->system(save.system)->endpoints) {
            if (!q.isQuery())
                continue;
            const QString formId = save.other(QStringLiteral("FormId"));
            if (!formId.isEmpty() ? q.other(QStringLiteral("FormId")) == formId
                                  : q.api == save.api || q.idField == save.idField)
                return &q;
        }
        return nullptr;
    }

    /// Counts an endpoint as walked, when its walk passed.
    void count(const CatalogEndpoint &e, int column)
    {
        if (!QTest::currentTestFailed())
            ++m_tally[e.system][size_t(column)];
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog = Catalog::builtin();
        QVERIFY(m_catalog && m_catalog->refs().size() >= 46);
        QString error;
        QVERIFY2(m_env.start(QStringLiteral("jdy-customers-to-local"),
                             anchoredMock({QStringLiteral("--quiet")}), QString(), &error),
                 qPrintable(error));
        m_client = std::make_unique<MockClient>(m_env.mock().baseUrl());
        m_refs.material = m_env.control("GET", "/_mock/records/k3-materials?limit=1")
                              .object()
                              .value(QLatin1String("records"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("FNumber"))
                              .toString();
        QVERIFY(!m_refs.material.isEmpty());
        // The mock serves exactly the catalogue's endpoints.
        QStringList served;
        for (const QJsonValue &v :
             m_env.control("GET", "/_mock/catalog").object().value("endpoints").toArray())
            served << v.toObject().value(QLatin1String("endpoint")).toString();
        QStringList refs = m_catalog->refs();
        served.sort();
        refs.sort();
        QCOMPARE(served, refs);
    }

    void queries_data() { addEndpointRows(true); }

    void queries()
    {
        QFETCH(QString, ref);
        const CatalogEndpoint &e = *m_catalog->endpoint(ref);
        if (e.support == QLatin1String("supported")) {
            previewQuery(e);
            count(e, 0);
        } else {
            httpQuery(e);
            count(e, 1);
        }
    }

    void saves_data() { addEndpointRows(false); }

    void saves()
    {
        QFETCH(QString, ref);
        const CatalogEndpoint &e = *m_catalog->endpoint(ref);
        if (e.support == QLatin1String("supported")) {
            runSave(e);
            count(e, 2);
        } else {
            QCOMPARE(e.ref(), QStringLiteral("jushuitan/order.sent.upload"));
            httpUpload(e);
            count(e, 3);
        }
    }

    void everyEndpointWalked()
    {
        int walked = 0;
        for (auto it = m_tally.cbegin(); it != m_tally.cend(); ++it) {
            const auto &n = it.value();
            walked += n[0] + n[1] + n[2] + n[3];
            qInfo("%-16s queries: %2d by weft-run preview, %2d over HTTP; saves: %d by weft-run "
                  "run, %d over HTTP",
                  qPrintable(it.key()), n[0], n[1], n[2], n[3]);
        }
        QCOMPARE(walked, m_catalog->refs().size());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_env.mock().stop();
    }
};

QTEST_GUILESS_MAIN(TestCatalogWalk)
#include "tst_catalog_walk.moc"
