#include "widgets/connections/connectiontester.h"

#include "core/services/connectionprobe.h"

namespace weft {

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
    , m_probe(new ConnectionProbe(this))
{
    connect(m_probe, &ConnectionProbe::finished, this,
            [this](const ProbeResult &result) { Q_EMIT finished(result.ok(), describe(result)); });
}

void ConnectionTester::start(const Connection &connection, EnvLookup environment)
{
    m_probe->start(connection, std::move(environment));
}

void ConnectionTester::cancel()
{
    m_probe->cancel();
}

bool ConnectionTester::isRunning() const
{
    return m_probe->isRunning();
}

QString ConnectionTester::describe(const ProbeResult &r)
{
    using Outcome = ProbeResult::Outcome;
    switch (r.outcome) {
    case Outcome::Unresolved:
        return r.detail;
    case Outcome::NothingToReach:
        return tr("The local store needs no connection.");
    case Outcome::BadUrl:
        return tr("The base URL “%1” is not a valid http(s) address.").arg(r.where);
    case Outcome::Answered:
        return tr("%1 answered (HTTP %2) in %3 ms; the account settings resolve.")
            .arg(r.where)
            .arg(r.httpStatus)
            .arg(r.elapsedMs);
    case Outcome::NoAnswer:
        return tr("%1 did not answer: %2").arg(r.where, r.detail);
    case Outcome::LoggedIn:
        return tr("Connected to MySQL %1 (database %2) in %3 ms.")
            .arg(r.detail, r.where)
            .arg(r.elapsedMs);
    case Outcome::LoginFailed:
        return tr("Could not log in to MySQL: %1").arg(r.detail);
    }
    return r.detail;
}

} // namespace weft
