#pragma once

#include "core/expr/lookup.h"

#include <QSet>
#include <QStringList>

namespace weft {

class StateStore;

/// The lookups of a run: reads another scheme's local-store records into an in-memory index
/// the first time a lookup names it — once per run (architecture.md principle 8), then every lookup
/// is a hash probe.
class StateStoreLookup final : public expr::LookupProvider
{
public:
    /// `schemes`: the project's schemes, the only names a lookup may load.
    StateStoreLookup(StateStore *state, QStringList schemes);

    QJsonValue find(const QString &scheme, const QString &field,
                    const QList<QPair<QString, QJsonValue>> &conditions,
                    expr::ExprError *error) override;

private:
    StateStore *m_state;
    QStringList m_schemes;
    QSet<QString> m_loaded;
    expr::InMemoryLookup m_index;
};

} // namespace weft
