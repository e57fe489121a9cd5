#include "core/engine/storelookup.h"

#include "core/state/statestore.h"

namespace weft {

StateStoreLookup::StateStoreLookup(StateStore *state, QStringList schemes)
    : m_state(state)
    , m_schemes(std::move(schemes))
{}

QJsonValue StateStoreLookup::find(const QString &scheme, const QString &field,
                                  const QList<QPair<QString, QJsonValue>> &conditions,
                                  expr::ExprError *error)
{
    if (!m_loaded.contains(scheme) && m_schemes.contains(scheme)) {
        m_loaded.insert(scheme);
        m_index.addScheme(scheme);
        if (m_state) {
            m_state->forEachLocal(scheme, [this, &scheme](const QString &, const QJsonObject &o) {
                m_index.addRecord(scheme, o);
            });
        }
    }
    return m_index.find(scheme, field, conditions, error);
}

} // namespace weft
