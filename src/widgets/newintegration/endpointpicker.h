#pragma once

#include "core/catalog/catalog.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace weft {

/// A searchable list of catalogue endpoints of one effect (the queries a source reads, or
/// the saves a target writes): a system filter, a search box matching the Chinese or English
/// title, the api path or a field, and the list with each endpoint's title in the designer's
/// language, its path and system; beneath, the chosen endpoint's fields with their labels.
class EndpointPicker final : public QWidget
{
    Q_OBJECT
public:
    EndpointPicker(std::shared_ptr<const Catalog> catalog, bool queries, QWidget *parent = nullptr);

    const CatalogEndpoint *current() const { return m_current; }
    /// Selects an endpoint by "<system>/<id>"; false when the list does not show it.
    bool select(const QString &ref);
    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *list() const { return m_list; }
    QComboBox *systemFilter() const { return m_system; }

Q_SIGNALS:
    void currentChanged(const weft::CatalogEndpoint *endpoint);
    /// Double-click or Enter on an endpoint: "take this one".
    void activated(const weft::CatalogEndpoint *endpoint);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refill();
    void showDetails();

    std::shared_ptr<const Catalog> m_catalog;
    bool m_queries;
    const CatalogEndpoint *m_current = nullptr;
    QLabel *m_systemLabel;
    QComboBox *m_system;
    QLineEdit *m_search;
    QTreeWidget *m_list;
    QLabel *m_details;
};

} // namespace weft
