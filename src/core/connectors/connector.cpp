#include "core/connectors/connector.h"

#include "core/state/statestore.h"

namespace weft {

QByteArray TargetRecord::wholeContentHash() const
{
    // The free functions, not the member of the same name.
    return fields ? weft::contentHash(*fields, values, texts) : weft::contentHash(payload);
}

} // namespace weft
