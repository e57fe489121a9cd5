#include "core/connectors/credentialrenewal.h"

#include <utility>

namespace weft {

void CredentialRenewal::ensure(const QString &current, const QString &refused, Done done)
{
    if (m_waiting.isEmpty() && !current.isEmpty() && current != refused) {
        done(std::nullopt);
        return;
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // the renewal under way answers every waiting call
    m_renew([this](std::optional<ConnectorError> error) {
        const auto waiting = std::exchange(m_waiting, {});
        for (const Done &call : waiting)
            call(error);
    });
}

} // namespace weft
