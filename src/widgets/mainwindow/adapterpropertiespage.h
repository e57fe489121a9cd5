#pragma once

#include <QWidget>
#include <functional>
#include <memory>

namespace Ui {
class AdapterProperties;
}

namespace weft {

class ProjectDocument;
struct Adapter;

/// The properties of a scheme's source or target node: connection, api, method, the id /
/// number / name fields, idCheck, beatFlat, and the whole metadata block as JSON.
class AdapterPropertiesPage final : public QWidget
{
    Q_OBJECT
public:
    enum class Role { Source, Target };

    explicit AdapterPropertiesPage(ProjectDocument *doc, QWidget *parent = nullptr);
    ~AdapterPropertiesPage() override;

    void setAdapter(const QString &scheme, Role role);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void edit(const QString &what, const QString &key, const std::function<void(Adapter &)> &f);
    void applyMetadata();

    std::unique_ptr<Ui::AdapterProperties> m_ui;
    ProjectDocument *m_doc;
    QString m_scheme;
    Role m_role = Role::Source;
    bool m_loading = false;
};

} // namespace weft
