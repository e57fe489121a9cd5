#include "timeline.h"

#include <algorithm>
#include <limits>
#include <set>

namespace weft::mock {

qint64 Timeline::Window::at(qint64 k) const
{
    const qint64 base = (hi - lo) - qint64(skipped.size());
    if (k >= base)
        return tail.at(size_t(k - base));
    qint64 pos = lo + k;
    for (qint64 s : skipped) {
        if (s <= pos)
            ++pos;
        else
            break;
    }
    return pos;
}

Timeline::Timeline(quint64 seed, Stream stream, qint64 count, qint64 endMs, qint64 spanMs)
    : m_seed(seed)
    , m_stream(streamId(stream))
    , m_count(count)
    , m_startMs(endMs - spanMs)
    , m_spanMs(spanMs)
{}

qint64 Timeline::baseMs(qint64 i) const
{
    // (i + u) / count of the span, u in [0, 1): strictly ordered by i, jittered within its slot.
    const quint64 frac = DetRandom::hash(m_seed, m_stream ^ 0x7157, quint64(i)) >> 44; // 20 bits
    const __int128 num = (__int128(i) * (1 << 20) + __int128(frac)) * m_spanMs;
    const __int128 den = __int128(std::max<qint64>(m_count, 1)) * (1 << 20);
    return m_startMs + qint64(num / den);
}

qint64 Timeline::timeMs(qint64 i) const
{
    const auto it = m_touches.find(i);
    return it == m_touches.end() ? baseMs(i) : it->second.ms;
}

int Timeline::version(qint64 i) const
{
    const auto it = m_touches.find(i);
    return it == m_touches.end() ? 0 : it->second.version;
}

qint64 Timeline::firstAtOrAfter(qint64 ms) const
{
    qint64 lo = 0;
    qint64 hi = m_count;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        if (baseMs(mid) < ms)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

Timeline::Window Timeline::window(qint64 fromMs, qint64 toMs) const
{
    Window w;
    if (toMs < fromMs)
        return w;
    w.lo = firstAtOrAfter(fromMs);
    w.hi = toMs == std::numeric_limits<qint64>::max() ? m_count : firstAtOrAfter(toMs + 1);
    std::vector<std::pair<qint64, qint64>> tail;
    for (const auto &[index, t] : m_touches) {
        if (index >= w.lo && index < w.hi)
            w.skipped.push_back(index);
        if (t.ms >= fromMs && t.ms <= toMs)
            tail.emplace_back(t.ms, index);
    }
    std::sort(tail.begin(), tail.end());
    w.tail.reserve(tail.size());
    for (const auto &p : tail)
        w.tail.push_back(p.second);
    return w;
}

Timeline::Window Timeline::all() const
{
    return window(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
}

void Timeline::touch(qint64 i, qint64 ms)
{
    Touch &t = m_touches[i];
    t.ms = ms;
    ++t.version;
}

std::vector<qint64> pickDistinct(quint64 seed, quint64 serial, qint64 size, qint64 count)
{
    std::vector<qint64> out;
    count = std::clamp<qint64>(count, 0, size);
    if (count == 0)
        return out;
    DetRandom rng(seed, streamId(Stream::Touch), serial);
    if (count * 2 > size) {
        // Most of the dataset: a run from a random start is as good and never loops long.
        const qint64 start = rng.range(0, size - 1);
        for (qint64 k = 0; k < count; ++k)
            out.push_back((start + k) % size);
        return out;
    }
    std::set<qint64> seen;
    while (qint64(out.size()) < count) {
        const qint64 i = rng.range(0, size - 1);
        if (seen.insert(i).second)
            out.push_back(i);
    }
    return out;
}

} // namespace weft::mock
