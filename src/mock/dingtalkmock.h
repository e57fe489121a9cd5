#pragma once

#include "ratelimiter.h"
#include "systemmock.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace weft::mock {

/// DingTalk (钉钉) old `oapi`: gettoken (blocked when called too often),
/// topapi/processinstance/listids (cursor, size ≤ 20, windows ≤ 120 days, ≤ 365 days back),
/// topapi/processinstance/get, and the catalogue's other queries — users of a department
/// (cursor), sub-departments, attendance results (offset, 7-day windows) — with the 90019
/// per-interface and 90002 throttles.
///
/// Codes: 0 ok · 40089 bad appkey/appsecret · 40014 unknown access_token · 42001 expired
/// access_token · 40035 bad parameter · 90018 gettoken called too often (our choice) ·
/// 90019 over the per-interface rate · 90002 over the global rate.
class DingTalkMock final : public SystemMock
{
public:
    explicit DingTalkMock(MockContext &context);

    QString mount() const override { return QStringLiteral("/dingtalk"); }
    MockReply handle(const MockRequest &request) override;
    MockReply throttled() const override;
    void expireTokens() override;
    void reset() override;

private:
    struct Limits
    {
        RateLimiter perSecond;
    };
    static MockReply error(int code, const QString &message,
                           MockReply::Kind kind = MockReply::Kind::ApiError);
    static MockReply ok(QJsonObject object);
    MockReply getToken(const MockRequest &request);
    MockReply listIds(const QJsonObject &body);
    MockReply get(const QJsonObject &body);
    MockReply users(const CatEndpoint &endpoint, const QJsonObject &body);
    MockReply departments(const CatEndpoint &endpoint, const QJsonObject &body);
    MockReply attendance(const CatEndpoint &endpoint, const QJsonObject &body);
    /// The department k of dept_id, or -1 for the root (1); nullopt when there is none.
    std::optional<qint64> department(qint64 deptId) const;

    MockContext &m_ctx;
    QString m_token;
    qint64 m_tokenExpiry = 0;
    QSet<QString> m_expired;
    quint64 m_serial = 0;
    RateLimiter m_getToken;
    RateLimiter m_global;
    QHash<QString, RateLimiter> m_perInterface;
};

} // namespace weft::mock
