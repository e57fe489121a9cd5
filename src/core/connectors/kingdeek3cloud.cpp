#include "core/connectors/kingdeek3cloud.h"

#include "core/log/logging.h"
#include "core/util/scalartext.h"

#include <QJsonArray>
#include <QSet>
#include <QTimer>
#include <QJsonDocument>

namespace weft {

namespace {

/// A metadata setting found as a top-level key, an otherRequest entry or a request field.
QJsonValue k3Setting(const AdapterMetadata &meta, const QString &name, const QJsonObject &params)
{
    if (params.contains(name))
        return params.value(name);
    const QJsonValue v = meta.setting(name);
    if (!v.isUndefined())
        return v;
    return meta.requestField(name).value;
}

QString errorsText(const QJsonArray &errors)
{
    QStringList parts;
    for (const QJsonValue &e : errors) {
        const QJsonObject o = e.toObject();
        const QString field = o.value(QLatin1String("FieldName")).toString();
        const QString message = o.value(QLatin1String("Message")).toString();
        parts << (field.isEmpty() ? message : field + QStringLiteral(": ") + message);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

namespace detail {

K3Client::K3Client(const ConnectorContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_http(new HttpClient(context.connection, context.network, context.limiter, context.stats,
                            this))
    , m_sessionRenewal([this](CredentialRenewal::Done done) { login(std::move(done)); })
{
    m_http->setRetryPolicy(context.retry);
}

QString K3Client::url(const QString &service, bool auth) const
{
    return m_context.connection.baseUrl +
           (auth ? QStringLiteral("/K3Cloud/Kingdee.BOS.WebApi.ServicesStub.AuthService.")
                 : QStringLiteral("/K3Cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.")) +
           service + QStringLiteral(".common.kdsvc");
}

QJsonObject K3Client::responseStatus(const QJsonValue &answer)
{
    QJsonValue v = answer;
    // Errors of queries come as [[{"Result": …}]]: unwrap arrays of one element.
    while (v.isArray() && v.toArray().size() == 1)
        v = v.toArray().first();
    const QJsonObject o = v.toObject();
    const QJsonObject result = o.value(QLatin1String("Result")).toObject();
    return result.value(QLatin1String("ResponseStatus")).toObject();
}

void K3Client::login(std::function<void(std::optional<ConnectorError>)> done)
{
    const ResolvedConnection &c = m_context.connection;
    const bool byPassword = c.value(QStringLiteral("loginMethod")) == QLatin1String("password");
    const int lcid = c.value(QStringLiteral("lcid"), QStringLiteral("2052")).toInt();
    QJsonArray parameters;
    if (byPassword) {
        parameters = {c.value(QStringLiteral("acctId")), c.value(QStringLiteral("user")),
                      c.value(QStringLiteral("password")), lcid};
    } else {
        parameters = {c.value(QStringLiteral("acctId")), c.value(QStringLiteral("user")),
                      c.value(QStringLiteral("appId")), c.value(QStringLiteral("appSecret")), lcid};
    }
    const QString service = byPassword ? QStringLiteral("ValidateUser")
                                       : QStringLiteral("LoginByAppSecret");
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("parameters"), parameters}}).toJson(QJsonDocument::Compact);
    m_http->call(
        [this, service, body]() {
            HttpRequest r;
            r.verb = "POST";
            r.url = QUrl(url(service, true));
            r.headers = {{"Content-Type", "application/json;charset=utf-8"}};
            r.body = body;
            r.endpoint = service;
            return r;
        },
        HttpClient::parseJson,
        [this, done](ParseResult result) {
            if (auto *e = std::get_if<ConnectorError>(&result)) {
                done(*e);
                return;
            }
            const QJsonObject o = std::get<QJsonDocument>(result).object();
            const int type = o.value(QLatin1String("LoginResultType")).toInt(0);
            if (type != 1) {
                QString message = o.value(QLatin1String("Message")).toString();
                if (message.isEmpty())
                    message = QStringLiteral("LoginResultType %1").arg(type);
                done(ConnectorError{ConnectorError::Kind::Auth,
                                    QStringLiteral("LoginResultType %1").arg(type),
                                    QStringLiteral("K3Cloud login refused: %1 — check acctId, "
                                                   "user and the app secret or password")
                                        .arg(message)});
                return;
            }
            ++m_logins;
            const QString session = o.value(QLatin1String("KDSVCSessionId")).toString();
            if (!session.isEmpty())
                log::registerSecret(session);
            done(std::nullopt);
        });
}

void K3Client::call(const QString &service, const QJsonObject &body,
                    std::function<void(std::variant<QJsonValue, ConnectorError>)> done,
                    bool idempotent)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    auto send = [this, service, bytes, done, idempotent]() {
        auto sentWith = std::make_shared<QString>(); // the session the last attempt used
        m_http->call(
            [this, service, bytes, sentWith]() {
                *sentWith = session();
                HttpRequest r;
                r.verb = "POST";
                r.url = QUrl(url(service, false));
                r.headers = {{"Content-Type", "application/json;charset=utf-8"}};
                r.body = bytes;
                r.endpoint = service;
                return r;
            },
            [idempotent](const HttpResponse &response) -> ParseResult {
                ParseResult p = HttpClient::parseJson(response);
                auto *doc = std::get_if<QJsonDocument>(&p);
                if (!doc) {
                    // No answer in time, or an answer that arrived damaged: K3Cloud may have
                    // done the work. (A refused connection, a reset before an answer or an
                    // HTTP 5xx mean it did not, and are retried.)
                    auto &error = std::get<ConnectorError>(p);
                    if (!idempotent && (error.kind == ConnectorError::Kind::Timeout ||
                                        error.kind == ConnectorError::Kind::Malformed))
                        error.outcomeUnknown = true;
                    return p;
                }
                const QJsonValue root = doc->isArray() ? QJsonValue(doc->array())
                                                       : QJsonValue(doc->object());
                const QJsonObject status = responseStatus(root);
                if (status.isEmpty())
                    return p;
                const int msgCode = status.value(QLatin1String("MsgCode")).toInt(0);
                if (msgCode == 1) {
                    return ConnectorError{ConnectorError::Kind::Auth, QStringLiteral("MsgCode 1"),
                                          QStringLiteral("session lost: ") +
                                              errorsText(status.value(QLatin1String("Errors")).toArray())};
                }
                // A query's failure is an error of the call; a save's per-row errors are
                // outcomes its caller reads from the same status.
                const bool isSave = root.isObject();
                if (!isSave && !status.value(QLatin1String("IsSuccess")).toBool()) {
                    return ConnectorError{ConnectorError::Kind::Rejected,
                                          QStringLiteral("MsgCode %1").arg(msgCode),
                                          errorsText(status.value(QLatin1String("Errors")).toArray())};
                }
                return p;
            },
            [done](ParseResult result) {
                if (auto *e = std::get_if<ConnectorError>(&result)) {
                    done(*e);
                    return;
                }
                const QJsonDocument doc = std::get<QJsonDocument>(result);
                done(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
            },
            [this, sentWith](auto finished) {
                m_sessionRenewal.ensure(session(), *sentWith, std::move(finished));
            });
    };
    m_sessionRenewal.ensure(session(), QString(), [send, done](std::optional<ConnectorError> e) {
        if (e)
            done(*e);
        else
            send();
    });
}

} // namespace detail

K3Source::K3Source(const ConnectorContext &context, QObject *parent)
    : SourceConnector(parent)
    , m_context(context)
    , m_client(new detail::K3Client(context, this))
{
    connect(m_client->http(), &HttpClient::retrying, this, &SourceConnector::retrying);
    const int wanted =
        scalarText(k3Setting(context.adapter.metadata, QStringLiteral("Limit"), {})).toInt();
    m_limit = wanted > 0 ? wanted : 2000;
}

SourceTraits K3Source::traits() const
{
    SourceTraits t;
    t.pageSize = m_limit;
    t.firstPage = 1;
    return t;
}

void K3Source::fetchPage(const PageRequest &request, std::function<void(PageResult)> done)
{
    const AdapterMetadata &meta = m_context.adapter.metadata;
    const QString fieldKeys =
        scalarText(k3Setting(meta, QStringLiteral("FieldKeys"), request.params));
    QStringList keys;
    for (const QString &k : fieldKeys.split(u',', Qt::SkipEmptyParts))
        keys << k.trimmed();
    QJsonObject data;
    data.insert(QStringLiteral("FormId"),
                scalarText(k3Setting(meta, QStringLiteral("FormId"), request.params)));
    data.insert(QStringLiteral("FieldKeys"), keys.join(u','));
    data.insert(QStringLiteral("FilterString"),
                scalarText(k3Setting(meta, QStringLiteral("FilterString"), request.params)));
    const QString order = scalarText(k3Setting(meta, QStringLiteral("OrderString"), request.params));
    if (!order.isEmpty())
        data.insert(QStringLiteral("OrderString"), order);
    data.insert(QStringLiteral("TopRowCount"),
                scalarText(k3Setting(meta, QStringLiteral("TopRowCount"), request.params)).toInt());
    data.insert(QStringLiteral("StartRow"), qint64(request.page - 1) * m_limit);
    data.insert(QStringLiteral("Limit"), m_limit);
    if (keys.isEmpty()) {
        done(ConnectorError{ConnectorError::Kind::Config, QStringLiteral("FieldKeys"),
                            QStringLiteral("ExecuteBillQuery needs FieldKeys: the fields to read, "
                                           "e.g. \"FMasterId,FNumber,FName\"")});
        return;
    }
    const int limit = m_limit;
    m_client->call(QStringLiteral("ExecuteBillQuery"), QJsonObject{{QStringLiteral("data"), data}},
                   [this, done, keys, limit](std::variant<QJsonValue, ConnectorError> result) {
                       if (auto *e = std::get_if<ConnectorError>(&result)) {
                           done(*e);
                           return;
                       }
                       const QJsonValue rows = std::get<QJsonValue>(result);
                       if (!rows.isArray()) {
                           done(ConnectorError{ConnectorError::Kind::Malformed,
                                               QStringLiteral("rows"),
                                               QStringLiteral("ExecuteBillQuery did not answer "
                                                              "with an array of rows")});
                           return;
                       }
                       Page page;
                       for (const QJsonValue &row : rows.toArray()) {
                           const QJsonArray cells = row.toArray();
                           QJsonObject record;
                           for (qsizetype i = 0; i < keys.size() && i < cells.size(); ++i)
                               record.insert(keys.at(i), cells.at(i));
                           page.records.append(record);
                       }
                       // StartRow/Limit paging ends with a short page.
                       page.hasMore = page.records.size() >= limit;
                       if (m_context.stats)
                           m_context.stats->addRecords(QStringLiteral("ExecuteBillQuery"),
                                                       int(page.records.size()));
                       done(page);
                   });
}

K3Target::K3Target(const ConnectorContext &context, QObject *parent)
    : TargetConnector(parent)
    , m_context(context)
    , m_client(new detail::K3Client(context, this))
{
    connect(m_client->http(), &HttpClient::retrying, this, &TargetConnector::retrying);
    m_batchSize = context.adapter.metadata.limit(50);
    m_identityField = identityFieldOf(ConnectorType::KingdeeK3Cloud, context.adapter.metadata);
    m_delivery = deliveryOf(context.adapter.metadata);
}

QString K3Target::formId() const
{
    return scalarText(k3Setting(m_context.adapter.metadata, QStringLiteral("FormId"), {}));
}

QString K3Target::keyField() const
{
    // The form's primary key, which a save names to update a document and a query returns.
    // Documents call it FID; base data forms have their own (K3Cloud's BOS model).
    const QString configured =
        scalarText(m_context.adapter.metadata.setting(QStringLiteral("keyField"))).trimmed();
    if (!configured.isEmpty())
        return configured;
    static const QHash<QString, QString> baseData = {
        {QStringLiteral("BD_MATERIAL"), QStringLiteral("FMATERIALID")},
        {QStringLiteral("BD_CUSTOMER"), QStringLiteral("FCUSTID")},
        {QStringLiteral("BD_SUPPLIER"), QStringLiteral("FSUPPLIERID")},
    };
    return baseData.value(formId().toUpper(), QStringLiteral("FID"));
}

QString K3Target::identityOf(const TargetRecord &record) const
{
    if (m_identityField.isEmpty())
        return QString();
    return scalarText(record.payload.value(m_identityField)).trimmed();
}

void K3Target::writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                          std::function<void(BatchResult)> done)
{
    Q_UNUSED(batchId);
    const qsizetype n = batch.size();
    QList<WriteOutcome> refused(n);
    QJsonArray models;
    QList<qsizetype> sent; // batch index of each model
    for (qsizetype i = 0; i < n; ++i) {
        const TargetRecord &r = batch.at(i);
        QJsonObject model = r.payload;
        if (!r.previousTargetRef.isEmpty()) {
            // A record saved before is saved again as an update of the same document: sending
            // that twice changes nothing.
            if (!model.contains(keyField()))
                model.insert(keyField(), r.previousTargetRef.section(u'/', 0, 0).toLongLong());
        } else if (m_delivery == Delivery::ExactlyOnce && identityOf(r).isEmpty()) {
            // Without its number K3Cloud could not be asked later whether it saved this
            // document (a lost answer, a crash), and a second save would book it twice.
            refused[i] = WriteOutcome{
                false, QString(),
                ConnectorError{ConnectorError::Kind::Rejected, QStringLiteral("exactly-once"),
                               QStringLiteral("%1 is empty for this record, so Weft could not "
                                              "check after a lost answer whether K3Cloud saved "
                                              "it; not sent. Give it a value (the mapping of "
                                              "%1), or declare \"delivery\": \"at-least-once\"")
                                   .arg(m_identityField.isEmpty() ? QStringLiteral("FBillNo")
                                                                  : m_identityField)},
                {}};
            continue;
        }
        models.append(model);
        sent.append(i);
    }
    if (models.isEmpty()) {
        QTimer::singleShot(0, this, [done, refused]() { done(refused); });
        return;
    }
    save(models, 0, [done, refused, sent](BatchResult result) {
        if (std::holds_alternative<ConnectorError>(result) || sent.size() == refused.size()) {
            done(result);
            return;
        }
        QList<WriteOutcome> outcomes = refused;
        const auto &saved = std::get<QList<WriteOutcome>>(result);
        for (qsizetype k = 0; k < sent.size() && k < saved.size(); ++k)
            outcomes[sent.at(k)] = saved.at(k);
        done(outcomes);
    });
}

void K3Target::save(const QJsonArray &models, int checks, std::function<void(BatchResult)> done)
{
    const AdapterMetadata &meta = m_context.adapter.metadata;
    QString operation = scalarText(k3Setting(meta, QStringLiteral("Operation"), {}));
    if (operation.isEmpty())
        operation = meta.api().compare(QLatin1String("save"), Qt::CaseInsensitive) == 0
                        ? QStringLiteral("Save")
                        : QStringLiteral("BatchSave");
    const QString autoAudit =
        scalarText(k3Setting(meta, QStringLiteral("IsAutoSubmitAndAudit"), {}));
    QJsonObject data{{QStringLiteral("Model"), models},
                     {QStringLiteral("IsAutoSubmitAndAudit"), autoAudit == QLatin1String("true")},
                     {QStringLiteral("NeedReturnFields"), QJsonArray()},
                     {QStringLiteral("IsVerifyBaseDataField"), false}};
    const QJsonObject body{{QStringLiteral("formid"), formId()}, {QStringLiteral("data"), data}};
    const qsizetype n = models.size();
    m_client->call(
        operation, body,
        [this, models, checks, done, n](std::variant<QJsonValue, ConnectorError> result) {
            if (auto *e = std::get_if<ConnectorError>(&result)) {
                if (e->outcomeUnknown)
                    checkLostSave(models, *e, checks, done);
                else
                    done(*e);
                return;
            }
            const QJsonObject status = detail::K3Client::responseStatus(std::get<QJsonValue>(result));
            if (status.isEmpty()) {
                done(ConnectorError{ConnectorError::Kind::Malformed, QStringLiteral("Result"),
                                    QStringLiteral("the save answer has no Result.ResponseStatus")});
                return;
            }
            QList<WriteOutcome> outcomes(n);
            QList<bool> known(n, false);
            QHash<int, QJsonArray> errorsByRow;
            for (const QJsonValue &e : status.value(QLatin1String("Errors")).toArray()) {
                const int row = e.toObject().value(QLatin1String("DIndex")).toInt(-1);
                errorsByRow[row].append(e);
            }
            for (const QJsonValue &s : status.value(QLatin1String("SuccessEntitys")).toArray()) {
                const QJsonObject o = s.toObject();
                const int row = o.value(QLatin1String("DIndex")).toInt(-1);
                if (row >= 0 && row < n && !errorsByRow.contains(row)) {
                    outcomes[row] = WriteOutcome{true,
                                                 scalarText(o.value(QLatin1String("Id"))) + u'/' +
                                                     scalarText(o.value(QLatin1String("Number"))),
                                                 {}, {}};
                    known[row] = true;
                }
            }
            const QString code =
                QStringLiteral("MsgCode %1").arg(status.value(QLatin1String("MsgCode")).toInt());
            for (auto it = errorsByRow.begin(); it != errorsByRow.end(); ++it) {
                if (it.key() < 0 || it.key() >= n)
                    continue;
                outcomes[it.key()] = WriteOutcome{
                    false, QString(),
                    ConnectorError{ConnectorError::Kind::Rejected, code, errorsText(it.value())},
                    {}};
                known[it.key()] = true;
            }
            // Errors without a row index belong to the whole call.
            const QJsonArray general = errorsByRow.value(-1);
            for (qsizetype i = 0; i < n; ++i) {
                if (known[i])
                    continue;
                outcomes[i] = WriteOutcome{
                    false, QString(),
                    ConnectorError{ConnectorError::Kind::Rejected, code,
                                   general.isEmpty() ? QStringLiteral("K3Cloud reported neither "
                                                                      "success nor an error for "
                                                                      "this model")
                                                     : errorsText(general)},
                    {}};
            }
            done(outcomes);
        },
        // At-least-once (declared): a lost answer is sent again like any retryable call.
        m_delivery == Delivery::AtLeastOnce);
}

void K3Target::findSaved(const QStringList &identities,
                         std::function<void(std::variant<QHash<QString, QString>,
                                                         ConnectorError>)> done)
{
    QStringList quoted;
    for (QString identity : identities)
        quoted << u'\'' + identity.replace(u'\'', QStringLiteral("''")) + u'\'';
    const QJsonObject query{
        {QStringLiteral("FormId"), formId()},
        {QStringLiteral("FieldKeys"), QString(keyField() + u',' + m_identityField)},
        {QStringLiteral("FilterString"), QStringLiteral("%1 IN (%2)")
                                             .arg(m_identityField, quoted.join(QStringLiteral(", ")))},
        {QStringLiteral("StartRow"), 0},
        {QStringLiteral("Limit"), qint64(identities.size())}}; // a number names one document
    m_client->call(QStringLiteral("ExecuteBillQuery"), QJsonObject{{QStringLiteral("data"), query}},
                   [done](std::variant<QJsonValue, ConnectorError> result) {
                       if (auto *e = std::get_if<ConnectorError>(&result)) {
                           done(*e);
                           return;
                       }
                       QHash<QString, QString> saved; // identity → "key/identity"
                       for (const QJsonValue &row : std::get<QJsonValue>(result).toArray()) {
                           const QJsonArray cells = row.toArray();
                           if (cells.size() >= 2)
                               saved.insert(scalarText(cells.at(1)),
                                            scalarText(cells.at(0)) + u'/' +
                                                scalarText(cells.at(1)));
                       }
                       done(saved);
                   });
}

void K3Target::resolveInFlight(const InFlightBatch &batch,
                               std::function<void(InFlightResult)> done)
{
    // Updates (a known document) may simply be saved again; new documents are looked up by
    // their number. Journalled records always have one (writeBatch refuses the others).
    QStringList identities;
    for (const InFlightRecord &r : batch.records) {
        if (r.previousTargetRef.isEmpty() && !r.identity.isEmpty())
            identities << r.identity;
    }
    const QList<InFlightRecord> records = batch.records;
    if (identities.isEmpty() || m_identityField.isEmpty()) {
        done(QList<std::optional<QString>>(records.size()));
        return;
    }
    findSaved(identities, [records, done](std::variant<QHash<QString, QString>, ConnectorError> r) {
        if (auto *e = std::get_if<ConnectorError>(&r)) {
            done(*e);
            return;
        }
        const auto &saved = std::get<QHash<QString, QString>>(r);
        QList<std::optional<QString>> out(records.size());
        for (qsizetype i = 0; i < records.size(); ++i) {
            const InFlightRecord &rec = records.at(i);
            if (!rec.previousTargetRef.isEmpty() || rec.identity.isEmpty())
                continue;
            const auto found = saved.constFind(rec.identity);
            if (found != saved.cend())
                out[i] = found.value();
        }
        done(out);
    });
}

void K3Target::checkLostSave(const QJsonArray &models, const ConnectorError &lost, int checks,
                             std::function<void(BatchResult)> done)
{
    const qsizetype n = models.size();
    // Every model must carry its number (or be an update), or there is nothing to look for.
    QStringList identities;
    QList<qsizetype> lookedUp;
    QJsonArray updates;
    QList<qsizetype> updateAt;
    bool unknowable = m_identityField.isEmpty();
    for (qsizetype i = 0; i < n && !unknowable; ++i) {
        const QJsonObject m = models.at(i).toObject();
        const QString identity = scalarText(m.value(m_identityField)).trimmed();
        if (!identity.isEmpty()) {
            identities << identity;
            lookedUp << i;
        } else if (m.contains(keyField())) {
            updates.append(m);
            updateAt << i;
        } else {
            unknowable = true;
        }
    }
    auto unknown = [lost, n](const QString &why) {
        ConnectorError error = lost;
        error.message = QStringLiteral("K3Cloud's answer to the save was lost (%1), so it may or "
                                       "may not have saved this document; Weft does not send "
                                       "it again, which could save it twice. %2 Check in "
                                       "K3Cloud, then retry the record or mark it ignored.")
                            .arg(lost.toString(), why);
        return QList<WriteOutcome>(n, WriteOutcome{false, QString(), error, {}});
    };
    if (unknowable) {
        done(unknown(QStringLiteral("Map FBillNo to a key from the source (e.g. the approval "
                                    "number) and Weft checks by itself.")));
        return;
    }
    if (checks >= 3) {
        done(unknown(QStringLiteral("Three answers in a row were lost.")));
        return;
    }
    auto lookup = [this, identities](auto then) {
        if (identities.isEmpty())
            then(QHash<QString, QString>());
        else
            findSaved(identities, then);
    };
    lookup([this, models, identities, lookedUp, checks, done, unknown, n](
               std::variant<QHash<QString, QString>, ConnectorError> result) {
        if (auto *e = std::get_if<ConnectorError>(&result)) {
            done(unknown(QStringLiteral("Looking the numbers up failed too: %1.")
                             .arg(e->toString())));
            return;
        }
        const auto &saved = std::get<QHash<QString, QString>>(result);
        auto outcomes = std::make_shared<QList<WriteOutcome>>(n);
        QJsonArray again;
        QList<qsizetype> againAt;
        QSet<qsizetype> found;
        for (qsizetype k = 0; k < lookedUp.size(); ++k) {
            const auto hit = saved.constFind(identities.at(k));
            if (hit != saved.cend()) {
                (*outcomes)[lookedUp.at(k)] = WriteOutcome{true, hit.value(), {}, {}};
                found.insert(lookedUp.at(k));
            }
        }
        for (qsizetype i = 0; i < n; ++i) {
            if (!found.contains(i)) { // not saved, or an update: saving it (again) is right
                again.append(models.at(i));
                againAt.append(i);
            }
        }
        log::info(QStringLiteral("%1: a save's answer was lost; %2 of its %3 documents "
                                 "were saved, %4 are sent again")
                      .arg(m_context.connection.config.name)
                      .arg(n - again.size())
                      .arg(n)
                      .arg(again.size()));
        if (again.isEmpty()) {
            done(*outcomes);
            return;
        }
        save(again, checks + 1, [done, outcomes, againAt](BatchResult retried) {
            if (auto *e = std::get_if<ConnectorError>(&retried)) {
                for (const qsizetype i : againAt)
                    (*outcomes)[i] = WriteOutcome{false, QString(), *e, {}};
            } else {
                const auto &list = std::get<QList<WriteOutcome>>(retried);
                for (qsizetype k = 0; k < againAt.size() && k < list.size(); ++k)
                    (*outcomes)[againAt.at(k)] = list.at(k);
            }
            done(*outcomes);
        });
    });
}

} // namespace weft
