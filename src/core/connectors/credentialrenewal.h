#pragma once

#include "core/connectors/connectorerror.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace weft {

/// Renews a connection's credential — a token, a session — once for every call that needs
/// it.
///
/// The systems limit how often a credential may be fetched (JDY about two app-tokens a minute,
/// DingTalk twenty gettoken calls, Jushuitan rotates the refresh token on every refresh), and
/// the engine keeps several calls in flight: when a token expires, all of them are refused at
/// once. Each call names the credential it was sent with; only the first to report it refused
/// starts a renewal, the others wait for that one, and a call refused with a credential that
/// has been replaced meanwhile simply goes again with the new one.
class CredentialRenewal final
{
public:
    using Done = std::function<void(std::optional<ConnectorError>)>;
    using Renew = std::function<void(Done)>;

    explicit CredentialRenewal(Renew renew)
        : m_renew(std::move(renew))
    {
    }

    /// Calls `done` once there is a credential other than `refused`: at once when `current`
    /// is one (not empty, not `refused`, no renewal under way), else after the renewal under
    /// way or a new one. `refused` empty: any credential will do.
    void ensure(const QString &current, const QString &refused, Done done);

    bool isRenewing() const { return !m_waiting.isEmpty(); }

private:
    Renew m_renew;
    QList<Done> m_waiting;
};

} // namespace weft
