#pragma once

#include "k3billstore.h"
#include "systemmock.h"

#include <QHash>
#include <QList>
#include <memory>
#include <vector>

namespace weft::mock {

/// Kingdee K3Cloud / 金蝶云星空 WebAPI (`…ServicesStub.*.common.kdsvc`): the three logins with
/// a `kdservice-sessionid` cookie, ExecuteBillQuery of every catalogue form with
/// FilterString/OrderString/paging (saved documents included), Save/BatchSave of the forms
/// the catalogue saves, and session loss (MsgCode 1) on demand or when idle.
class K3CloudMock final : public SystemMock
{
public:
    explicit K3CloudMock(MockContext &context);
    ~K3CloudMock() override;

    QString mount() const override { return QStringLiteral("/k3cloud"); }
    MockReply handle(const MockRequest &request) override;
    MockReply throttled() const override;
    void expireTokens() override { m_sessions.clear(); }
    void reset() override;
    QJsonValue written() const override { return m_bills.written(); }

private:
    struct CachedQuery;

    MockReply login(const QString &operation, const QJsonObject &body);
    MockReply executeBillQuery(const QJsonObject &body);
    MockReply save(const QJsonObject &body, bool batch);
    /// The rows a query matches, in order (cached: paging re-runs the same query). Rows of
    /// generated documents are ≥ 0, saved documents' < 0 (rowOf decodes both).
    const std::vector<qint64> *matches(const K3Form &form, const QString &filter,
                                       const QString &order, bool perLine, QString *error);
    std::vector<QJsonValue> rowOf(const K3Form &form, qint64 row) const;
    qint64 timeOf(const K3Form &form, qint64 row) const;
    bool sessionValid(const MockRequest &request);

    MockContext &m_ctx;
    K3BillStore m_bills;
    QHash<QString, qint64> m_sessions; // session id → last use (wall ms)
    quint64 m_serial = 0;
    std::vector<std::unique_ptr<CachedQuery>> m_cache;
};

} // namespace weft::mock
