#include "core/expr/evalcontext.h"

#include <algorithm>
#include <limits>

namespace weft::expr {

namespace {

const QJsonObject &emptyRecord()
{
    static const QJsonObject empty;
    return empty;
}

const QTimeZone &defaultZone()
{
    // Building a QTimeZone reads the zone database: do it once. A system without tzdata
    // still gets China time (no DST since 1991).
    static const QTimeZone zone = [] {
        QTimeZone z(QByteArrayLiteral("Asia/Shanghai"));
        return z.isValid() ? z : QTimeZone(8 * 3600);
    }();
    return zone;
}

} // namespace

EvalContext::EvalContext()
    : m_record(&emptyRecord())
    , m_now(QDateTime::currentDateTimeUtc())
    , m_zone(defaultZone())
{
}

EvalContext::EvalContext(const QJsonObject &record)
    : EvalContext()
{
    m_record = &record;
}

void EvalContext::setPagination(qint64 startPage, qint64 pageSize)
{
    m_startPage = startPage;
    m_pageSize = pageSize;
}

void EvalContext::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : defaultZone();
    m_cacheFrom = 1;
    m_cacheTo = 0;
}

int EvalContext::offsetAtUtc(qint64 t) const
{
    if (t >= m_cacheFrom && t < m_cacheTo)
        return m_cacheOffset;
    // Years 0001…9999, MySQL's range; beyond it QDateTime has nothing sensible to say.
    t = std::clamp<qint64>(t, Q_INT64_C(-62135596800), Q_INT64_C(253402300799));
    const QDateTime at = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
    const int offset = m_zone.offsetFromUtc(at);
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
    if (m_zone.hasTransitions()) {
        const auto prev = m_zone.previousTransition(at.addSecs(1));
        const auto next = m_zone.nextTransition(at);
        if (prev.atUtc.isValid())
            from = prev.atUtc.toSecsSinceEpoch();
        if (next.atUtc.isValid())
            to = next.atUtc.toSecsSinceEpoch();
    }
    if (from <= t && t < to) {
        m_cacheFrom = from;
        m_cacheTo = to;
        m_cacheOffset = offset;
    }
    return offset;
}

qint64 EvalContext::wallToUtc(qint64 wall) const
{
    // Guess with the offset at the wall time read as UTC, then correct once: exact except in
    // the skipped or repeated hour of a DST change, where MySQL is ambiguous too.
    const int guess = offsetAtUtc(wall);
    const qint64 utc = wall - guess;
    const int actual = offsetAtUtc(utc);
    return wall - actual;
}

} // namespace weft::expr
