#include "core/util/bloomfilter.h"

// Header-only, as in contenthash.cpp: no library to link.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>

namespace weft {

namespace {
constexpr int kProbes = 3;

/// The probes' bit positions by double hashing of one 64-bit hash (Kirsch–Mitzenmacher).
struct Probes {
    explicit Probes(QStringView s)
        : hash(XXH3_64bits(s.utf16(), size_t(s.size()) * sizeof(char16_t)))
    {}
    quint64 at(int i, quint64 mask) const
    {
        const quint64 h1 = hash & 0xffffffffu;
        const quint64 h2 = (hash >> 32) | 1;
        return (h1 + quint64(i) * h2) & mask;
    }
    quint64 hash;
};
} // namespace

BloomFilter::BloomFilter(int log2Bits)
{
    log2Bits = std::clamp(log2Bits, 10, 34);
    m_words.assign(size_t(1) << (log2Bits - 6), 0);
    m_mask = (quint64(1) << log2Bits) - 1;
}

void BloomFilter::add(QStringView s)
{
    const Probes p(s);
    for (int i = 0; i < kProbes; ++i) {
        const quint64 bit = p.at(i, m_mask);
        m_words[bit >> 6] |= quint64(1) << (bit & 63);
    }
}

bool BloomFilter::mayContain(QStringView s) const
{
    const Probes p(s);
    for (int i = 0; i < kProbes; ++i) {
        const quint64 bit = p.at(i, m_mask);
        if (!(m_words[bit >> 6] & (quint64(1) << (bit & 63))))
            return false;
    }
    return true;
}

} // namespace weft
