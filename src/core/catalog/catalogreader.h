#pragma once

#include "core/catalog/catalog.h"

#include <QByteArray>
#include <QStringList>
#include <optional>

namespace weft {

/// Reads one catalogue file strictly (docs/catalog.md): an unknown key, a missing required
/// key, a value of the wrong type, an unknown type or role, a template that does not compile,
/// a key field or beatFlat array that names no record field, a "confirmed": false without a
/// note, a fact without a source… each becomes an error "file:/json/pointer: message".
/// Returns the system when the file has no error.
std::optional<CatalogSystem> readCatalogSystem(const QByteArray &bytes, const QString &file,
                                               QStringList *errors);

} // namespace weft
