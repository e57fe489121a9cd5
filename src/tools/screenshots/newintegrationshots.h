#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace weft {

/// The new-integration flow step by step, as a user goes through it from the start page:
/// new-integration-source (the catalogue searched for 采购退货), -target (a new MySQL table
/// with the proposed DDL), -connections, -k3target (JDY customers → K3Cloud BD_Customer) and
/// -mapping (the mapping editor it opens, auto-mapped, the required organisations marked).
bool saveNewIntegrationViews(const QString &dir, const QString &language, QStringList *written,
                             QTextStream &err);

} // namespace weft
