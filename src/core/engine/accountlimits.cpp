#include "core/engine/accountlimits.h"

#include "core/connectors/ratelimiter.h"
#include "core/model/secretref.h"
#include "core/state/statestore.h"

#include <QCryptographicHash>

namespace weft {

namespace {

/// Requests counted at the edges of a window can arrive closer together than they were
/// counted: between the count in the database and the request reaching the system lie the
/// process's event loop and the network, and on a loaded machine (tst_rel_jepsen: three
/// serve processes, a database and the mock on two cores) that took over 60 ms — the mock saw
/// six calls in a second of five allowed. A quarter of a second costs only what the
/// per-second limit binds (the per-minute one, usually the tighter, loses under 2 %).
constexpr int kSharedMarginMs = 250;

QString accountField(const Connection &c, const QString &field, const EnvLookup &environment)
{
    const QJsonValue v = c.account.value(field);
    if (const auto ref = SecretRef::fromJson(v)) {
        // A secret is no key to write down anywhere; its environment variable's name is (the
        // same variable, the same account).
        return ref->kind == SecretRef::Kind::Env ? QStringLiteral("env:") + ref->key
                                                 : QStringLiteral("ref:") + ref->key;
    }
    return expandEnv(v.toString(), environment).text;
}

} // namespace

QString accountKey(const Connection &c, const EnvLookup &environment)
{
    QStringList fields;
    switch (c.type) {
    case ConnectorType::Jushuitan:
    case ConnectorType::DingTalk: fields = {QStringLiteral("appKey")}; break;
    case ConnectorType::KingdeeJdy: fields = {QStringLiteral("clientId")}; break;
    case ConnectorType::KingdeeK3Cloud:
        fields = {QStringLiteral("acctId"), QStringLiteral("appId"), QStringLiteral("user")};
        break;
    case ConnectorType::HttpJson:
        fields = {QStringLiteral("username"), QStringLiteral("token")};
        break;
    default: break;
    }
    QString key = connectorTypeName(c.type) + u'|' + expandEnv(c.baseUrl, environment).text;
    for (const QString &f : fields)
        key += u'|' + accountField(c, f, environment);
    // Stored in the state store: a digest, so no URL or key is written there in clear.
    return connectorTypeName(c.type) + u':' +
           QString::fromLatin1(
               QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

AccountLimits::AccountLimits(StateStore *shared)
    : m_shared(shared && shared->isMySql() ? shared : nullptr)
{
}

AccountLimits::~AccountLimits() = default;

std::shared_ptr<RateLimiter> AccountLimits::limiterFor(const Connection &connection,
                                                       const Scheme &scheme,
                                                       const EnvLookup &environment)
{
    // A scheme's own limit applies to its source calls, in this process.
    if (scheme.rateLimit && scheme.source.connection == connection.name) {
        auto &own = m_limiters[QStringLiteral("scheme:") + scheme.name];
        if (!own)
            own = std::make_shared<RateLimiter>(*scheme.rateLimit);
        return own;
    }
    const QString account = accountKey(connection, environment);
    auto &limiter = m_limiters[account];
    if (limiter) {
        limiter->tighten(connection.rateLimit);
        return limiter;
    }
    limiter = std::make_shared<RateLimiter>(connection.rateLimit);
    if (m_shared && connection.rateLimit.isSet()) {
        StateStore *store = m_shared;
        RateLimiter *self = limiter.get();
        limiter->setSharedGate(
            {[store, self, account]() {
                 const RateLimit l = self->limit();
                 const qint64 wait =
                     store->reserveCall(account, l.perSecond, l.perMinute, kSharedMarginMs);
                 return wait < 0 ? qint64(0) : wait; // the store failed: the local count holds
             },
             [store, account](int ms) { store->pauseAccount(account, ms); }});
    }
    return limiter;
}

} // namespace weft
