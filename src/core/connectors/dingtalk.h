#pragma once

#include "core/connectors/connector.h"
#include "core/connectors/credentialrenewal.h"

#include <QDateTime>

namespace weft {

/// 钉钉 DingTalk approvals (old `oapi`) as a source. A "page" is one listids call (cursor
/// paging, at most 20 ids, window at most 120 days) followed by a `get` of each instance with
/// bounded concurrency. Each record is the instance's fields plus its form values by
/// component name; a table component (its value a JSON string of rows) becomes an array of
/// {label: value} rows, ready for beatFlat ("表格" → 表格_客户编码 …). The access token is
/// cached for its lifetime (gettoken is blocked when called too often) and renewed when
/// refused; 90002/90019 are throttling, waited out.
class DingTalkSource final : public SourceConnector
{
    Q_OBJECT
public:
    explicit DingTalkSource(const ConnectorContext &context, QObject *parent = nullptr);
    SourceTraits traits() const override;
    void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) override;
    void cancel() override;

    /// An approval instance as a flat record (see the class comment).
    static QJsonObject recordFromInstance(const QString &id, const QJsonObject &instance);

private:
    /// The `get` calls of one listids page.
    struct InstanceBatch {
        QStringList ids;
        QList<QJsonObject> records;
        int nextIndex = 0;
        int pending = 0;
        bool finished = false;
        std::optional<ConnectorError> error;
        Page page;
        std::function<void(PageResult)> done;
    };
    void getInstances(std::shared_ptr<InstanceBatch> batch);
    void ensureToken(std::function<void(std::optional<ConnectorError>)> done);
    void fetchToken(std::function<void(std::optional<ConnectorError>)> done);
    void post(const QString &path, const QJsonObject &body,
              std::function<void(std::variant<QJsonObject, ConnectorError>)> done);

    ConnectorContext m_context;
    HttpClient *m_http;
    QString m_token;
    QDateTime m_tokenExpires;
    /// One gettoken for all calls (DingTalk blocks an app that calls it too often).
    CredentialRenewal m_tokenRenewal;
    int m_concurrency = 4;
};

} // namespace weft
