#pragma once

#include <QAbstractListModel>
#include <QList>

namespace weft {

class ProjectDocument;
struct Scheme;

/// The project's schemes as a list, in project order, for finding one among hundreds (the
/// jump-to-scheme popup): its title and name, and what a search may match — name, title,
/// the source's and the target's connections, the source api.
class SchemeListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, SearchRole };

    explicit SchemeListModel(ProjectDocument *doc, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// The row of a scheme, -1 if none.
    int rowOf(const QString &name) const;

private:
    struct Row {
        QString name;
        QString display;
        QString route; ///< "source connection → target connection · api"
        QString search;
        bool enabled = true;
    };
    Row rowFor(const Scheme &scheme) const;
    void reset();

    ProjectDocument *m_doc;
    QList<Row> m_rows;
};

} // namespace weft
