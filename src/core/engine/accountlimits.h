#pragma once

#include "core/model/connection.h"
#include "core/model/scheme.h"
#include "core/util/envexpand.h"

#include <QHash>
#include <QString>

#include <memory>

namespace weft {

class RateLimiter;
class StateStore;

/// The account a connection calls as, for its published limits: the system, the base URL
/// and the identity the system counts calls by (Jushuitan and DingTalk app key, JDY client
/// id, K3Cloud data centre and app or user). Two connections of one project — or of two
/// projects — with the same account share one budget.
QString accountKey(const Connection &connection, const EnvLookup &environment);

/// One RateLimiter per account, shared by every run of the process that uses the account
/// (`weft-run serve --parallel`: two schemes on one account share its budget, first come
/// first served; schemes on other accounts never wait for it). With a MySQL state store, the
/// account's calls are also counted in the store, so the limits hold across every process
/// and host that shares it (StateStore::reserveCall); a throttle answer pauses the account
/// for all of them.
///
/// A scheme's own rateLimit (stricter than its source connection's, set by the user) gets a
/// limiter of its own for its source calls, as before.
class AccountLimits final
{
public:
    /// `shared`: the state store the process's runs use; counted across processes only when
    /// it is a MySQL store (a SQLite store is one host's).
    explicit AccountLimits(StateStore *shared = nullptr);
    ~AccountLimits();
    AccountLimits(const AccountLimits &) = delete;
    AccountLimits &operator=(const AccountLimits &) = delete;

    std::shared_ptr<RateLimiter> limiterFor(const Connection &connection, const Scheme &scheme,
                                            const EnvLookup &environment);

private:
    StateStore *m_shared;
    QHash<QString, std::shared_ptr<RateLimiter>> m_limiters;
};

} // namespace weft
