#include "core/connectors/connector.h"

#include "core/state/statestore.h"

namespace weft {

QByteArray TargetRecord::wholeContentHash() const
{
    // The free functions, not the member of the same name.
    return fields ? weft::contentHash(*fields, values, texts) : weft::contentHash(payload);
}

void Page::truncate(qsizetype n)
{
    if (n < 0)
        n = 0;
    if (recordNodes.size() > n)
        recordNodes.resize(n);
    if (records.size() > n)
        records.resize(n);
}

QList<QJsonObject> Page::objects() const
{
    if (!tape)
        return records;
    QList<QJsonObject> out;
    out.reserve(recordNodes.size());
    for (const int node : recordNodes)
        out.append(tape->object(node));
    return out;
}

} // namespace weft
