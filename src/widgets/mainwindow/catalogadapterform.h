#pragma once

#include <QGroupBox>
#include <QJsonValue>
#include <functional>

class QComboBox;
class QLabel;
class QTableWidget;

namespace weft {

class ProjectDocument;
struct Adapter;
struct CatalogEndpoint;
struct CatalogParam;

/// A source or target bound to a catalogue endpoint ("catalog" in its metadata), as a form:
/// the endpoint (searchable, to bind or rebind), its title, api path and method, its request
/// parameters with their labels and editable values, and its paging. Every edit is one undo
/// step on the project's copy of the metadata; the catalogue is only read (docs/catalog.md).
class CatalogAdapterForm final : public QGroupBox
{
    Q_OBJECT
public:
    explicit CatalogAdapterForm(ProjectDocument *doc, QWidget *parent = nullptr);

    void setAdapter(const QString &scheme, bool source);
    /// Re-reads the adapter from the project (after an edit, an undo, a language change).
    void load();
    /// The bound endpoint, nullptr when the adapter names none the catalogue knows.
    const CatalogEndpoint *endpoint() const;

    /// The table of request parameters (label, field, type, required, value).
    QTableWidget *parameters() const { return m_parameters; }
    /// The searchable endpoint combo (first item: not bound).
    QComboBox *endpointCombo() const { return m_endpoint; }

    /// Cell text of a metadata value: strings as they are, anything else as compact JSON.
    static QString valueText(const QJsonValue &value);
    /// A value typed into the form: JSON where the parameter's type or the text asks for it
    /// (numbers, booleans, objects, arrays), else the text; Undefined for an empty text.
    static QJsonValue parseValue(const QString &text, const QString &type);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Column { Label, Field, Type, Required, Value };

    void retranslate();
    void fillEndpoints();
    void bind(const QString &ref);
    void editValue(const QString &path, const QString &type, bool required, const QString &text);
    void editAdapter(const QString &what, const std::function<void(Adapter &)> &f);

    ProjectDocument *m_doc;
    QString m_scheme;
    bool m_source = true;
    bool m_loading = false;
    QLabel *m_endpointLabel;
    QComboBox *m_endpoint;
    QLabel *m_title;
    QLabel *m_api;
    QLabel *m_paging;
    QLabel *m_parametersLabel;
    QTableWidget *m_parameters;
};

} // namespace weft
