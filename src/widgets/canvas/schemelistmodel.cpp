#include "widgets/canvas/schemelistmodel.h"

#include "widgets/common/projectdocument.h"

#include <QColor>

namespace weft {

SchemeListModel::SchemeListModel(ProjectDocument *doc, QObject *parent)
    : QAbstractListModel(parent)
    , m_doc(doc)
{
    // The model keeps its own rows, so each document change maps to one row change.
    connect(doc, &ProjectDocument::projectReset, this, &SchemeListModel::reset);
    connect(doc, &ProjectDocument::schemeInserted, this, [this](int index) {
        const QList<Scheme> &schemes = m_doc->project().schemes;
        if (index < 0 || index >= schemes.size() || index > m_rows.size())
            return reset();
        beginInsertRows({}, index, index);
        m_rows.insert(index, rowFor(schemes.at(index)));
        endInsertRows();
    });
    connect(doc, &ProjectDocument::schemeRemoved, this, [this](int index, const QString &name) {
        if (index < 0 || index >= m_rows.size() || m_rows.at(index).name != name)
            return reset();
        beginRemoveRows({}, index, index);
        m_rows.removeAt(index);
        endRemoveRows();
    });
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int index, const QString &, const QString &) {
                const QList<Scheme> &schemes = m_doc->project().schemes;
                if (index < 0 || index >= m_rows.size() || index >= schemes.size())
                    return reset();
                m_rows[index] = rowFor(schemes.at(index));
                Q_EMIT dataChanged(this->index(index), this->index(index));
            });
    // Connection titles are part of every row.
    connect(doc, &ProjectDocument::connectionsChanged, this, [this] {
        const QList<Scheme> &schemes = m_doc->project().schemes;
        if (schemes.size() != m_rows.size())
            return reset();
        for (qsizetype i = 0; i < schemes.size(); ++i)
            m_rows[i] = rowFor(schemes.at(i));
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
    });
    reset();
}

SchemeListModel::Row SchemeListModel::rowFor(const Scheme &scheme) const
{
    const Project &project = m_doc->project();
    auto connection = [&](const QString &name) {
        const Connection *c = project.connection(name);
        return c && !c->title.isEmpty() ? c->title : name;
    };
    Row row;
    row.name = scheme.name;
    row.display = scheme.title.isEmpty()
                      ? scheme.name
                      : QStringLiteral("%1  (%2)").arg(scheme.title, scheme.name);
    row.route = QStringLiteral("%1 → %2 · %3")
                    .arg(connection(scheme.source.connection), connection(scheme.target.connection),
                         scheme.source.metadata.api());
    row.search = QStringList{scheme.name, scheme.title, row.route, scheme.source.connection,
                             scheme.target.connection}
                     .join(u' ');
    row.enabled = scheme.enabled;
    return row;
}

void SchemeListModel::reset()
{
    beginResetModel();
    m_rows.clear();
    for (const Scheme &s : m_doc->project().schemes)
        m_rows << rowFor(s);
    endResetModel();
}

int SchemeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SchemeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.display;
    case Qt::ToolTipRole:
        return row.route;
    case Qt::ForegroundRole:
        return row.enabled ? QVariant() : QVariant(QColor(0x9e9e9e));
    case NameRole:
        return row.name;
    case SearchRole:
        return row.search;
    default:
        return {};
    }
}

int SchemeListModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == name)
            return int(i);
    }
    return -1;
}

} // namespace weft
