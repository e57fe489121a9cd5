#include "core/connectors/connectorerror.h"

namespace weft {

QString ConnectorError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Server: return QStringLiteral("server");
    case Kind::Throttled: return QStringLiteral("throttled");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Malformed: return QStringLiteral("malformed");
    case Kind::Rejected: return QStringLiteral("rejected");
    case Kind::Config: return QStringLiteral("config");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace weft
