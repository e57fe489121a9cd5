#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace weft {

class AdapterPropertiesPage;
class ProjectDocument;
class ProjectPropertiesPage;
class SchemePropertiesPage;
class StateService;
class StepPropertiesPage;

/// The right-hand panel: the properties of what is selected — the project, a scheme, a
/// node (source / target adapter, a step, the mapping) or a connection.
class PropertiesPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PropertiesPanel(ProjectDocument *doc, QWidget *parent = nullptr);

    void showNothing();
    void showProject();
    void showScheme(const QString &scheme);
    void showNode(const QString &scheme, const QString &key);
    void showConnection(const QString &name);
    /// Fields offered by the filter condition editor of a step.
    void setFields(const QStringList &fields);
    /// The state store the schedule editor asks for a scheme's last run.
    void setStateService(StateService *state);

    StepPropertiesPage *stepPage() const { return m_step; }
    SchemePropertiesPage *schemePage() const { return m_scheme; }
    ProjectPropertiesPage *projectPage() const { return m_project; }

Q_SIGNALS:
    void openMappingRequested(const QString &scheme);
    void editConnectionRequested(const QString &name);
    void alertsRequested();
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshSummary();
    void setTitle(const QString &title);

    ProjectDocument *m_doc;
    QLabel *m_title;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    ProjectPropertiesPage *m_project;
    SchemePropertiesPage *m_scheme;
    AdapterPropertiesPage *m_adapter;
    StepPropertiesPage *m_step;
    QWidget *m_mapPage;
    QLabel *m_mapSummary;
    QPushButton *m_openMapping;
    QWidget *m_connectionPage;
    QLabel *m_connectionSummary;
    QPushButton *m_editConnection;
    enum class Shown { Nothing, Project, Scheme, Node, Connection } m_shown = Shown::Nothing;
    QString m_currentScheme;
    QString m_currentKey;
    QString m_currentConnection;
};

} // namespace weft
