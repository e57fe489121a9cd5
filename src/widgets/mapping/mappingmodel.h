#pragma once

#include "widgets/mapping/mysqlcolumnloader.h"
#include "widgets/mapping/targetfields.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace weft {

class ProjectDocument;

/// The mapping of one scheme as a table: one row per target field of the target metadata's
/// request[] (groups such as FEntity with their children), the value that fills it, its
/// parser and whether it is fine. Source fields dropped on a row (drag and drop through
/// mimeData/dropMimeData, MIME type `application/x-weft-field`) become `{{field}}`.
///
/// The model holds no mapping of its own: it reads the scheme from the project document,
/// turns every change (a drop, an edited value, auto-map, a parser) into an undo command on
/// the document, and reloads when the document says its scheme changed — so the table is
/// always a view of the project, and undo works the same as on the canvas.
class MappingModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Field, Label, Type, Value, Status, Parser, Count };
    enum Role { RequiredRole = Qt::UserRole + 1, PathRole, ProblemRole, GroupRole };

    explicit MappingModel(ProjectDocument *doc, QObject *parent = nullptr);

    void setScheme(const QString &scheme);
    QString scheme() const { return m_scheme; }
    /// Source fields: offered for auto-map, and — when `checkNames` — used to flag values
    /// naming fields the source does not have (only a real sample is trusted for that).
    void setSourceFields(const QStringList &fields, bool checkNames);
    QStringList sourceFields() const { return m_sourceFields; }

    /// The MySQL target table's columns (read from the database): they complete the rows —
    /// types, NOT NULL columns flagged required, columns the metadata lacks added as rows.
    void setTableColumns(const QList<ColumnInfo> &columns);

    const TargetField &field(int row) const { return m_rows.at(row); }
    int rowOf(const QString &path) const;
    /// A problem with the row's value ("" if none): required but unmapped, or an error.
    QString problem(int row) const;
    int unmappedRequiredCount() const;
    int mappedCount() const;
    int leafCount() const;

    // Edits, each one undo step (false: refused or nothing changed).
    bool setValue(int row, const QString &value);
    /// What a drop of these source fields onto a row writes: `{{a}}`, or `{{a}}-{{b}}` for
    /// several (a composite key, as the seeds build ids); `{{list.a}}` inside a detail list.
    QString valueForFields(int row, const QStringList &fields) const;
    bool mapFields(int row, const QStringList &fields);
    /// Maps unmapped target fields to source fields of the same name (then the same name
    /// without the array prefix, then the label); returns how many were mapped.
    int autoMap(const QStringList &onlyThese = {});
    /// Clears these rows' values (all rows when empty); one undo step.
    int clear(const QList<int> &rows = {});
    bool setParser(int row, const QJsonObject &parser);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    /// Refusals and results to show ("FEntity is a group: drop onto its fields").
    void message(const QString &text);

private:
    void reload();
    void recheck();
    bool pushValues(const QHash<QString, QJsonValue> &values, const QString &text,
                    const QString &mergeKey = QString());
    bool inList(int row) const;
    QList<TargetField> currentRows() const;

    ProjectDocument *m_doc;
    QString m_scheme;
    QList<TargetField> m_rows;
    QList<QString> m_problems;
    QStringList m_sourceFields;
    QList<ColumnInfo> m_columns;
    bool m_checkNames = false;
};

} // namespace weft
