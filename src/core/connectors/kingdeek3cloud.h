#pragma once

#include "core/connectors/connector.h"
#include "core/connectors/credentialrenewal.h"

namespace weft {

namespace detail {

/// Kingdee K3Cloud (金蝶云星空) WebAPI calls: login (app secret or user/password) with the
/// session kept in the cookie jar, re-login when the session is lost (MsgCode 1), and the
/// wrapped error shape turned into ConnectorErrors.
class K3Client final : public QObject
{
    Q_OBJECT
public:
    K3Client(const ConnectorContext &context, QObject *parent);
    /// Calls DynamicFormService.<service> with `body`; `done` gets the parsed JSON. A call
    /// that is not `idempotent` (a save creating documents) is not sent again when its answer
    /// is lost after K3Cloud may have processed it (timed out, or damaged): the error comes
    /// back with outcomeUnknown set, for the caller to check what happened.
    void call(const QString &service, const QJsonObject &body,
              std::function<void(std::variant<QJsonValue, ConnectorError>)> done,
              bool idempotent = true);
    void cancel() { m_http->cancelAll(); }
    HttpClient *http() const { return m_http; }

    /// The ResponseStatus of a wrapped answer ({"Result":{"ResponseStatus":…}}, possibly
    /// nested in arrays), or an empty object when the answer is not one.
    static QJsonObject responseStatus(const QJsonValue &answer);

private:
    void login(std::function<void(std::optional<ConnectorError>)> done);
    QString url(const QString &service, bool auth) const;

    /// The session in use, as a name for CredentialRenewal: empty before the first login,
    /// then a number that grows with every login (the session itself is a cookie).
    QString session() const { return m_logins > 0 ? QString::number(m_logins) : QString(); }

    ConnectorContext m_context;
    HttpClient *m_http;
    int m_logins = 0;
    /// One login for all calls refused with a lost session (MsgCode 1) at once.
    CredentialRenewal m_sessionRenewal;
};

} // namespace detail

/// K3Cloud as a source: ExecuteBillQuery with the metadata's FormId, FieldKeys and
/// FilterString, paged by StartRow/Limit until a short page; each row (an array in FieldKeys
/// order) becomes a record keyed by the field keys ("FUseOrgId.fnumber" stays one key).
class K3Source final : public SourceConnector
{
    Q_OBJECT
public:
    explicit K3Source(const ConnectorContext &context, QObject *parent = nullptr);
    SourceTraits traits() const override;
    void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) override;
    void cancel() override { m_client->cancel(); }

private:
    ConnectorContext m_context;
    detail::K3Client *m_client;
    int m_limit = 2000;
};

/// K3Cloud as a target: Save/BatchSave of the metadata's FormId. Each record is one model; the
/// answer's Errors[].DIndex and SuccessEntitys[].DIndex map back to the exact records, so one
/// bad document fails alone and the rest of the batch is saved.
///
/// A save whose answer is lost is never sent again blindly — that could book a receivable
/// twice. Each new document carries its number (FBillNo, or FNumber for base data: the
/// target's identity field), so ExecuteBillQuery finds the ones K3Cloud saved and only the
/// others are sent again; the same query tells a new run what became of a batch that was out
/// when the process died (resolveInFlight). A new record without a number is not sent at all
/// unless the target declares at-least-once delivery (then lost answers are sent again too).
class K3Target final : public TargetConnector
{
    Q_OBJECT
public:
    explicit K3Target(const ConnectorContext &context, QObject *parent = nullptr);
    int batchSize() const override { return m_batchSize; }
    void writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                    std::function<void(BatchResult)> done) override;
    void cancel() override { m_client->cancel(); }
    QString identityOf(const TargetRecord &record) const override;
    void resolveInFlight(const InFlightBatch &batch,
                         std::function<void(InFlightResult)> done) override;

private:
    /// Saves `models`; `checks` counts the lost answers already checked for them.
    void save(const QJsonArray &models, int checks, std::function<void(BatchResult)> done);
    /// After a save's answer was lost: which of `models` K3Cloud saved, and the rest again.
    void checkLostSave(const QJsonArray &models, const ConnectorError &lost, int checks,
                       std::function<void(BatchResult)> done);
    /// The documents K3Cloud holds with these numbers: number → "key/number".
    void findSaved(const QStringList &identities,
                   std::function<void(std::variant<QHash<QString, QString>, ConnectorError>)>
                       done);
    QString formId() const;
    QString keyField() const;

    ConnectorContext m_context;
    detail::K3Client *m_client;
    int m_batchSize = 50;
    QString m_identityField; ///< FBillNo or FNumber, when mapped
    Delivery m_delivery = Delivery::ExactlyOnce;
};

} // namespace weft
