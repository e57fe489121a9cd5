#include "faultinjector.h"

#include "detrandom.h"

namespace weft::mock {

bool FaultInjector::update(const QJsonObject &json, QString *error)
{
    if (!m_settings.update(json, error))
        return false;
    m_counter = 0;
    m_dropCounter = 0;
    return true;
}

void FaultInjector::reset()
{
    m_settings = m_initial;
    m_counter = 0;
    m_dropCounter = 0;
}

bool FaultInjector::dropsRecord(const QString &mount)
{
    const FaultSettings &s = m_settings;
    if (s.dropRate <= 0 || (!s.only.isEmpty() && !s.only.contains(mount)))
        return false;
    const quint64 h = DetRandom::hash(m_seed, streamId(Stream::Drop), m_dropCounter++);
    return DetRandom::unitOf(h) < s.dropRate;
}

FaultInjector::Fault FaultInjector::next(const QString &mount, int *status)
{
    const FaultSettings &s = m_settings;
    if (!s.only.isEmpty() && !s.only.contains(mount))
        return Fault::None;
    const quint64 h = DetRandom::hash(m_seed, streamId(Stream::Fault), m_counter++);
    const double u = DetRandom::unitOf(h);
    static constexpr int statuses[] = {500, 502, 503, 504};
    *status = statuses[(h >> 3) % 4];
    double edge = s.http5xxRate;
    if (u < edge)
        return Fault::Http5xx;
    if (u < (edge += s.timeoutRate))
        return Fault::Timeout;
    if (u < (edge += s.resetRate))
        return Fault::Reset;
    if (u < (edge += s.throttleRate))
        return Fault::Throttle;
    if (u < (edge += s.truncateRate))
        return Fault::Truncate;
    if (u < (edge += s.malformedRate))
        return Fault::Malformed;
    return Fault::None;
}

const char *FaultInjector::name(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return "none";
    case Fault::Http5xx:
        return "http5xx";
    case Fault::Timeout:
        return "timeout";
    case Fault::Reset:
        return "reset";
    case Fault::Throttle:
        return "throttle";
    case Fault::Truncate:
        return "truncate";
    case Fault::Malformed:
        return "malformed";
    }
    return "none";
}

} // namespace weft::mock
