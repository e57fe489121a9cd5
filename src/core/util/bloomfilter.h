#pragma once

#include <QStringView>

#include <vector>

namespace weft {

/// A set of strings in fixed memory that answers "certainly not added" or "perhaps added"
/// (a Bloom filter: three bit positions per string). "Perhaps" is wrong for a share of the
/// strings never added that grows with the number added: in the default 2^25 bits (4 MiB),
/// about 1.3 % at 3 million, 7 % at 6 million. Use it to skip a lookup that would find
/// nothing, never to decide that something is there.
class BloomFilter
{
public:
    explicit BloomFilter(int log2Bits = 25);

    void add(QStringView s);
    bool mayContain(QStringView s) const;

private:
    std::vector<quint64> m_words;
    quint64 m_mask; ///< bit positions: hash & m_mask
};

} // namespace weft
