// PipelineModel's computed layout: where nodes sit that nobody placed — the schemes in a grid
// that fits a canvas — and Auto-layout, which forgets the placed positions.
#include "widgets/canvas/pipelinekeys.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"

#include <QUndoStack>
#include <algorithm>
#include <cmath>

namespace weft {

namespace {

using namespace pipelinekeys;

// Node columns a scheme takes in the computed layout: its chain, and its nodes not connected
// yet and placed by no one after a column's gap (as desiredNodes() places them).
int schemeColumns(const Scheme &scheme, const QJsonObject &layout)
{
    int detached = 0;
    for (auto it = layout.begin(); it != layout.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        // Placed by hand (as dropped nodes are): not the computed layout's business.
        if (entry.contains(QLatin1String("x")) && entry.contains(QLatin1String("y")))
            continue;
        if (entry.contains(kDetached) && it.key() != kSource && it.key() != kMap &&
            it.key() != kTarget && !scheme.step(it.key()))
            ++detached;
    }
    const int chain = int(scheme.steps.size()) + 3;
    return detached > 0 ? chain + 1 + detached : chain;
}

} // namespace

QPointF PipelineModel::defaultPosition(int schemeIndex, int column) const
{
    // Half a column between the cells: the frames of neighbours stay apart.
    const double cellWidth = (m_grid.cellColumns + 0.5) * kColumnWidth;
    return {(schemeIndex % m_grid.columns) * cellWidth + column * kColumnWidth,
            (schemeIndex / m_grid.columns) * kRowHeight};
}

bool PipelineModel::updateGrid(const QString &changed)
{
    const QList<Scheme> &schemes = m_doc->project().schemes;
    // Each scheme's width is kept: an edit measures the scheme it changed, not all of them.
    if (changed.isEmpty() || m_schemeColumns.size() != schemes.size()) {
        m_schemeColumns.clear();
        for (const Scheme &s : schemes)
            m_schemeColumns.insert(s.name, schemeColumns(s, m_doc->schemeLayout(s.name)));
    } else if (const Scheme *s = m_doc->project().scheme(changed)) {
        m_schemeColumns.insert(changed, schemeColumns(*s, m_doc->schemeLayout(changed)));
    }
    Grid grid;
    for (const int columns : std::as_const(m_schemeColumns))
        grid.cellColumns = std::max(grid.cellColumns, columns);
    // Columns × cell width : rows × row height ≈ kGridAspect, with rows = schemes / columns.
    const double cellWidth = (grid.cellColumns + 0.5) * kColumnWidth;
    const double n = double(schemes.size());
    grid.columns = std::clamp(int(std::lround(std::sqrt(n * kGridAspect * kRowHeight / cellWidth))),
                              1, std::max(1, int(schemes.size())));
    if (grid == m_grid)
        return false;
    m_grid = grid;
    return true;
}

void PipelineModel::autoLayout(const QStringList &schemes)
{
    const QStringList names = schemes.isEmpty() ? m_doc->project().schemeNames() : schemes;
    QHash<QString, QJsonObject> layouts;
    for (const QString &name : names) {
        const QJsonObject before = m_doc->schemeLayout(name);
        QJsonObject after;
        for (auto it = before.begin(); it != before.end(); ++it) {
            QJsonObject entry = it.value().toObject();
            entry.remove(QStringLiteral("x"));
            entry.remove(QStringLiteral("y"));
            if (!entry.isEmpty())
                after.insert(it.key(), entry);
        }
        if (after != before)
            layouts.insert(name, after);
    }
    if (!layouts.isEmpty())
        m_doc->undoStack()->push(new EditLayoutCommand(m_doc, layouts, tr("Auto-layout")));
}

} // namespace weft
