#pragma once

#include "datasets.h"
#include "faultinjector.h"
#include "mockcatalog.h"
#include "mockclock.h"
#include "mockconfig.h"
#include "mockhttp.h"
#include "mockstats.h"

#include <QJsonValue>

namespace weft::mock {

/// Everything the mocked systems and the control API share: configuration, clock, the
/// API catalogue, data.
struct MockContext
{
    MockContext(const MockConfig &c, const MockCatalog &apiCatalog)
        : config(c)
        , clock(c.nowSecs, c.utcOffsetMinutes)
        , catalog(apiCatalog)
        , datasets(config, clock, apiCatalog)
        , faults(c.faultSeed, c.faults)
    {}

    void log(const QString &message) const;
    static void logError(const QString &message);

    MockConfig config;
    MockClock clock;
    const MockCatalog &catalog;
    Datasets datasets;
    MockStats stats;
    FaultInjector faults;
};

/// One mocked system, mounted under its base path (`/jushuitan`, `/jdy`, …).
class SystemMock
{
public:
    virtual ~SystemMock() = default;

    /// The mount, e.g. "/jushuitan"; requests arrive with MockRequest::subPath below it.
    virtual QString mount() const = 0;
    virtual MockReply handle(const MockRequest &request) = 0;
    /// The system's own "too many calls" reply, for the throttle fault.
    virtual MockReply throttled() const = 0;
    /// Invalidates every token or session issued so far (the expireTokens fault).
    virtual void expireTokens() = 0;
    /// Back to the state at start: tokens, sessions, rate windows, written data.
    virtual void reset() = 0;
    /// What clients wrote (for `/_mock/written`); null when the system is read-only.
    virtual QJsonValue written() const { return QJsonValue(); }
};

} // namespace weft::mock
