#pragma once

#include "core/catalog/tableproposal.h"
#include "core/model/scheme.h"
#include "core/services/mysqlcolumns.h"

#include <QStringList>

namespace weft {

/// What the new-integration flow has chosen: a source endpoint, a target (a catalogue save,
/// an existing MySQL table or a new one) and the connections. draftScheme() turns it into a
/// scheme with complete metadata and the mapping auto-map finds.
struct IntegrationDraft {
    enum class Target { Endpoint, ExistingTable, NewTable };

    const CatalogEndpoint *source = nullptr;
    QString sourceConnection;
    Target target = Target::NewTable;
    const CatalogEndpoint *targetEndpoint = nullptr; ///< Target::Endpoint
    QString table;                                   ///< the MySQL table (both table kinds)
    QList<ColumnInfo> columns;                       ///< Target::ExistingTable, as read
    QString ddl;                                     ///< Target::NewTable, as edited
    QString targetConnection;
};

/// The scheme a draft makes, and what its mapping looks like.
struct DraftResult {
    Scheme scheme;
    int mapped = 0;               ///< target fields auto-map filled
    QStringList unmappedRequired; ///< required target fields still empty
    QString error;                ///< why no scheme could be made ("" when fine)
};

/// A scheme name from the draft ("jst_purchaseout_to_mysql"), unique among `taken`.
QString draftSchemeName(const IntegrationDraft &draft, const QStringList &taken);

/// A table name for an endpoint's records ("jst_purchaseout", "jdy_customer").
QString draftTableName(const CatalogEndpoint &source);

/// The scheme: source metadata from the catalogue (catalogMetadata), target metadata from
/// the catalogue or the table, target fields filled by matchFields() where they were empty.
/// `title` names it for people.
DraftResult draftScheme(const IntegrationDraft &draft, const QString &name, const QString &title);

/// The target fields of a table read from the database: column comments as labels (Chinese
/// when they hold any, else English), NOT NULL columns without default required.
QList<LabelledField> columnFields(const QList<ColumnInfo> &columns);

} // namespace weft
