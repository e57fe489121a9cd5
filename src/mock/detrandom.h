#pragma once

#include <QtGlobal>
#include <initializer_list>
#include <iterator>

namespace weft::mock {

/// Deterministic pseudo-random stream (SplitMix64) keyed by (seed, stream, index).
///
/// Every generated record draws its fields from its own stream, so record i can be produced
/// on demand without producing records 0..i-1 first: that is what keeps 1 000 000 records
/// cheap, and what makes "same seed, same data" hold regardless of the order of requests.
class DetRandom final
{
public:
    DetRandom(quint64 seed, quint64 stream, quint64 index)
        : m_state(hash(seed, stream, index))
    {}

    static quint64 mix(quint64 z)
    {
        z += 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    static quint64 hash(quint64 seed, quint64 stream, quint64 index)
    {
        return mix(mix(mix(seed) ^ (stream * 0x632be59bd9b4e019ULL)) ^ index);
    }
    /// A uniform double in [0, 1) from a single hash, for one-off decisions.
    static double unitOf(quint64 h) { return double(h >> 11) * (1.0 / 9007199254740992.0); }

    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double unit() { return unitOf(next()); }
    /// Uniform integer in [lo, hi], both inclusive.
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); }
    bool chance(double p) { return unit() < p; }

    template <typename Container>
    const auto &pick(const Container &c)
    {
        auto it = std::begin(c);
        std::advance(it, range(0, qint64(std::size(c)) - 1));
        return *it;
    }

private:
    quint64 m_state;
};

/// Stream tags: one per generated dataset (and per other deterministic decision).
enum class Stream : quint64 {
    JstPartner = 1,
    JstPurchaseIn = 2,
    JdyCustomer = 3,
    K3Material = 4,
    K3Customer = 5,
    DdInstance = 6,
    Timeline = 7,
    Touch = 8,
    Fault = 9,
    Supplier = 10,
    Drop = 11,
};

inline quint64 streamId(Stream s)
{
    return quint64(s);
}

} // namespace weft::mock
