#pragma once

#include <QWidget>
#include <functional>
#include <memory>

class QPushButton;

namespace Ui {
class AdapterProperties;
}

namespace weft {

class CatalogAdapterForm;
class ProjectDocument;
struct Adapter;

/// The properties of a scheme's source or target node: connection, api, method, the id /
/// number / name fields, idCheck, beatFlat, and the whole metadata block as JSON. A node
/// bound to a catalogue endpoint shows its parameters as a form instead of the JSON, which
/// "Edit as JSON" brings back for what the form does not cover.
class AdapterPropertiesPage final : public QWidget
{
    Q_OBJECT
public:
    enum class Role { Source, Target };

    explicit AdapterPropertiesPage(ProjectDocument *doc, QWidget *parent = nullptr);
    ~AdapterPropertiesPage() override;

    void setAdapter(const QString &scheme, Role role);
    CatalogAdapterForm *catalogForm() const { return m_catalogForm; }
    /// Shows the JSON editor instead of the catalogue form (the "Edit as JSON" button).
    void setEditAsJson(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void edit(const QString &what, const QString &key, const std::function<void(Adapter &)> &f);
    void applyMetadata();
    void showCatalogOrJson();

    std::unique_ptr<Ui::AdapterProperties> m_ui;
    ProjectDocument *m_doc;
    QString m_scheme;
    Role m_role = Role::Source;
    bool m_loading = false;
    CatalogAdapterForm *m_catalogForm;
    QPushButton *m_editAsJson;
};

} // namespace weft
