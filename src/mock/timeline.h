#pragma once

#include "detrandom.h"

#include <QtGlobal>
#include <map>
#include <vector>

namespace weft::mock {

/// The modification times of one generated dataset, plus the records touched since.
///
/// Record i's base time grows with i (spread over `spanMs` before `endMs`), so a time window
/// maps to an index range by binary search: no per-request scan, even at 1 000 000 records.
/// A touched record leaves its place and sorts after every untouched one, with the touch time.
class Timeline final
{
public:
    struct Touch
    {
        qint64 ms = 0;
        int version = 0;
    };

    /// The records of one inclusive time window, in time order: untouched records by index,
    /// then the touched ones by touch time.
    struct Window
    {
        qint64 lo = 0;
        qint64 hi = 0;               // untouched candidates are [lo, hi)
        std::vector<qint64> skipped; // touched indices inside [lo, hi), ascending
        std::vector<qint64> tail;    // touched indices whose touch time is in the window

        qint64 size() const { return (hi - lo) - qint64(skipped.size()) + qint64(tail.size()); }
        qint64 at(qint64 k) const;
    };

    Timeline(quint64 seed, Stream stream, qint64 count, qint64 endMs, qint64 spanMs);

    qint64 count() const { return m_count; }
    qint64 baseMs(qint64 i) const;
    qint64 timeMs(qint64 i) const;
    int version(qint64 i) const;
    /// First index whose base time is >= ms (count() when none).
    qint64 firstAtOrAfter(qint64 ms) const;
    Window window(qint64 fromMs, qint64 toMs) const;
    /// All records in time order (the window that covers everything).
    Window all() const;

    void touch(qint64 i, qint64 ms);
    void clearTouches() { m_touches.clear(); }
    const std::map<qint64, Touch> &touches() const { return m_touches; }

private:
    quint64 m_seed;
    quint64 m_stream;
    qint64 m_count;
    qint64 m_startMs;
    qint64 m_spanMs;
    std::map<qint64, Touch> m_touches;
};

/// Picks `count` distinct indices of [0, size) deterministically from (seed, serial).
std::vector<qint64> pickDistinct(quint64 seed, quint64 serial, qint64 size, qint64 count);

} // namespace weft::mock
