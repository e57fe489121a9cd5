#pragma once

#include <QJsonObject>
#include <QList>
#include <QMimeData>
#include <QStandardItemModel>
#include <QStringList>

namespace weft {

struct Scheme;

/// MIME type of source fields being dragged onto target fields: the source field tree's
/// mimeData makes it, MappingModel's dropMimeData takes it.
inline constexpr const char *kFieldMimeType = "application/x-weft-field";

/// Field names ↔ drag payload (a JSON array of names, UTF-8).
QMimeData *fieldMimeData(const QStringList &fields);
QStringList fieldsFromMime(const QMimeData *data);

/// Source fields a scheme's mapping can use, without fetching anything: the metadata's
/// id / number / name fields and every field the mapping, the steps and the target already
/// refer to. A live preview gives the real list (fieldsOfRecords).
QStringList inferredSourceFields(const Scheme &scheme);
/// Every field of these records (flattened inputs), in order of first appearance; nested
/// objects give dotted paths ("address.city").
QStringList fieldsOfRecords(const QList<QJsonObject> &records);

/// The source field tree on the left of the mapping editor: fields with a sample value,
/// nested objects as branches. Dragging rows gives `application/x-weft-field`.
class SourceFieldModel final : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit SourceFieldModel(QObject *parent = nullptr);

    /// Fields of a sample (the first record's values shown beside them).
    void setRecords(const QList<QJsonObject> &records);
    /// Field names only (no sample yet).
    void setFieldNames(const QStringList &fields);
    QStringList fieldPaths() const { return m_paths; }
    /// What the catalogue calls the top-level fields (path → label): shown in a third column.
    void setLabels(const QHash<QString, QString> &labels);

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

private:
    void setHeaders();
    void addObject(QStandardItem *parent, const QJsonObject &object, const QString &prefix);

    QStringList m_paths;
};

} // namespace weft
